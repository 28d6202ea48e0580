// The playground page: choose a scenario or a preset, edit its spec in a form generated from the
// scenario's parameter reference, run it on Web Workers and watch the chart fill in; the spec
// lives in the address (a link reproduces the run), and the rows and the spec download as the
// CLI would write them.
import {
  describeScenario, findPreset, findScenario, formatIssue, presets, resolveStudy, scenarios, SpecError,
  type PlotHints, type Preset, type Study,
} from "../../src/index.js";
import { drawAbout, theoryNotes, type TheoryNote } from "./about.js";
import { byId, h } from "./dom.js";
import { FileLink, rowsCsv, rowsJsonl, specJson } from "./downloads.js";
import { IssuesView } from "./issues-view.js";
import { ResultsView } from "./results-view.js";
import { Runner } from "./runner.js";
import { SpecForm } from "./spec-form.js";
import { decodeState, encodeState } from "./url-state.js";

const form = byId<HTMLFormElement>("study");
const scenarioSelect = byId<HTMLSelectElement>("scenario");
const presetSelect = byId<HTMLSelectElement>("preset");
const runButton = byId<HTMLButtonElement>("run");
const stopButton = byId<HTMLButtonElement>("stop");
const progress = byId<HTMLProgressElement>("progress");
const results = new ResultsView();
const issues = new IssuesView(byId("issues"), (path) => current.form.locate(path));
const files = {
  csv: new FileLink("Rows (CSV)", "rows.csv", "text/csv"),
  jsonl: new FileLink("Rows (JSONL)", "rows.jsonl", "application/x-ndjson"),
  spec: new FileLink("Spec (JSON)", "spec.json", "application/json"),
};
byId("downloads").append(files.csv.element, files.jsonl.element);
byId("spec-download").append(files.spec.element);

interface Current {
  form: SpecForm;
  preset: Preset | undefined;
  /** The spec as the form wrote it right after the preset loaded: edits show against it. */
  presetSpec: string | undefined;
  /** The form's spec and, when valid, its study. */
  spec: Record<string, unknown>;
  study: Study | undefined;
  note: TheoryNote | undefined;
}

let current: Current;
let runner: Runner | undefined;
/** The spec of the rows on screen, to say when the form no longer matches them. */
let shownSpec: string | undefined;

for (const scenario of Object.values(scenarios)) scenarioSelect.append(h("option", { value: scenario.name }, scenario.name));
for (const preset of presets) presetSelect.append(h("option", { value: preset.name, title: preset.title }, `${preset.name} (${String(preset.spec.scenario)})`));

/** Shows a spec (from a link, a preset or a scenario's defaults) in a new form. */
function load(spec: Record<string, unknown>, presetName?: string, metric?: string): void {
  const scenario = findScenario(String(spec.scenario)) ?? Object.values(scenarios)[0];
  const preset = presetName === undefined ? undefined : findPreset(presetName);
  const reference = describeScenario(scenario);
  const specForm = new SpecForm(reference, byId("parameters"), byId("grid"));
  specForm.load(spec);
  scenarioSelect.value = scenario.name;
  presetSelect.value = preset?.spec.scenario === scenario.name ? preset.name : "";
  const attached = presetSelect.value ? preset : undefined;
  current = { form: specForm, preset: attached, presetSpec: undefined, spec: {}, study: undefined, note: undefined };
  current.presetSpec = attached ? JSON.stringify(specForm.spec()) : undefined;
  results.setMetrics(reference.metrics, metric ?? attached?.plot?.metrics?.[0]);
  void theoryNotes().then((notes) => {
    if (current.form !== specForm) return;
    current.note = notes[scenario.name];
    refreshAbout();
  });
  changed();
}

let aboutShown = "";

/** Redraws the about panel when what it says changes (not on every edit: a reader may have opened its details). */
function refreshAbout(): void {
  const edited = current.presetSpec !== undefined && current.presetSpec !== JSON.stringify(current.spec);
  const key = JSON.stringify([current.form.reference.name, current.preset?.name, edited, current.note !== undefined]);
  if (key === aboutShown) return;
  aboutShown = key;
  drawAbout(byId("about"), current.form.reference, current.preset, edited, current.note);
}

/** After any edit: validate, show the problems by parameter, and put the spec in the address and the Reproduce panel. */
function changed(): void {
  const spec = current.form.spec();
  current.spec = spec;
  try {
    current.study = resolveStudy(spec);
    issues.show([]);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    current.study = undefined;
    issues.show(error.issues);
  }
  const study = current.study;
  byId("size").textContent = study
    ? `${study.cells.length} cell${study.cells.length === 1 ? "" : "s"} × ${study.spec.seeds} seeds = ${study.cells.length * study.spec.seeds} replicates, ${study.spec.generations} generation${study.spec.generations === 1 ? "" : "s"} each`
    : "";
  history.replaceState(null, "", encodeState({ spec, preset: current.preset?.name, metric: results.metric }));
  byId("spec-json").textContent = specJson(spec);
  files.spec.set(specJson(spec));
  byId("stale").hidden = shownSpec === undefined || shownSpec === JSON.stringify(spec);
  refreshAbout();
}

/**
 * Where a preset's plot hints still fit: its grid's keys unchanged; otherwise only its markers.
 * The one chart here shows every cell: a facet's values become series instead.
 */
function hintsFor(preset: Preset | undefined, spec: Record<string, unknown>): PlotHints {
  const plot = preset?.plot as PlotHints | undefined;
  if (!plot) return {};
  const markers = plot.markers && ((study: Study) => {
    try {
      return plot.markers!(study);
    } catch {
      return []; // markers computed for the preset's own parameters
    }
  });
  const keys = (grid: unknown) => JSON.stringify(Object.keys((grid as object | undefined) ?? {}).sort());
  const series = plot.facet !== undefined && plot.series !== undefined ? [plot.facet, ...plot.series] : plot.series;
  return keys(spec.grid) === keys(preset!.spec.grid) ? { ...plot, series, facet: undefined, markers } : { markers };
}

function setStatus(text: string): void {
  byId("status").textContent = text;
}

async function run(): Promise<void> {
  changed();
  const study = current.study;
  if (!study) {
    byId("issues").focus();
    return;
  }
  runner?.stop();
  const mine = new Runner(current.spec);
  runner = mine;
  shownSpec = JSON.stringify(current.spec);
  byId("stale").hidden = true;
  files.csv.set(undefined);
  files.jsonl.set(undefined);
  results.start(study, hintsFor(current.preset, current.spec));
  const total = study.cells.length * study.spec.seeds;
  progress.max = total;
  progress.value = 0;
  byId("progress-text").textContent = `0 / ${total} replicates`;
  setStatus(`Running on ${mine.workers} worker${mine.workers === 1 ? "" : "s"}…`);
  stopButton.disabled = false;
  const started = performance.now();
  performance.mark("playground-run-start");
  results.onFirstPoint = () => performance.mark("playground-first-point");
  const outcome = await mine.run(() => {
    if (runner !== mine) return;
    progress.value = mine.done;
    byId("progress-text").textContent = `${mine.done} / ${total} replicates`;
    results.update(mine.rows);
  });
  if (runner !== mine) return; // replaced by a newer run
  runner = undefined;
  if (document.activeElement === stopButton) runButton.focus(); // Stop is about to be disabled
  stopButton.disabled = true;
  results.update(outcome.rows);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (outcome.state === "done") setStatus(`Done: ${total} replicates in ${seconds} s.`);
  else if (outcome.state === "stopped") setStatus(`Stopped after ${mine.done} of ${total} replicates (${seconds} s); the downloads hold those.`);
  else setStatus(`Failed: ${outcome.error.message}`);
  if (outcome.rows.length > 0) {
    files.csv.set(rowsCsv(study, outcome.rows));
    files.jsonl.set(rowsJsonl(outcome.rows));
  }
}

function fromAddress(): boolean {
  const state = decodeState(location.hash);
  if (state instanceof Error) {
    setStatus(state.message);
    return false;
  }
  if (!state || state.spec === null || typeof state.spec !== "object") return false;
  const spec = state.spec as Record<string, unknown>;
  load(spec, state.preset, state.metric);
  const unread = linkNotShown(spec, current.study);
  if (unread) setStatus(unread);
  return true;
}

/** What of a link's spec the form could not hold (an unknown scenario or key, say), or "" when it holds the same study. */
function linkNotShown(spec: Record<string, unknown>, shown: Study | undefined): string {
  let linked: Study;
  try {
    linked = resolveStudy(spec);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return `The link's spec has problems; the form shows what it could read of it. ${error.issues.map(formatIssue).join("; ")}`;
  }
  const identity = (study: Study | undefined) => study && JSON.stringify([study.scenario.name, study.cells.map((cell) => String(cell.key)), study.spec]);
  return identity(linked) === identity(shown) ? "" : "The form could not hold the link's spec exactly: check it against the link before running.";
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  void run();
});
stopButton.addEventListener("click", () => runner?.stop());
// Every edit of the spec (the scenario and preset selects load a new form instead): at once when
// a control commits its value, and a moment after typing pauses (the address is not rewritten
// on every keystroke).
let typing = 0;
const edited = (event: Event) => {
  if (event.target === scenarioSelect || event.target === presetSelect) return;
  clearTimeout(typing);
  if (event.type === "change") changed();
  else typing = window.setTimeout(changed, 150);
};
form.addEventListener("input", edited);
form.addEventListener("change", edited);
scenarioSelect.addEventListener("change", () => load({ scenario: scenarioSelect.value }));
presetSelect.addEventListener("change", () => {
  const preset = findPreset(presetSelect.value);
  if (preset) load(preset.spec, preset.name);
  else {
    current.preset = undefined;
    current.presetSpec = undefined;
    changed();
  }
});
byId("reset").addEventListener("click", () => {
  if (current.preset) load(current.preset.spec, current.preset.name, results.metric);
  else load({ scenario: current.form.reference.name }, undefined, results.metric);
});
byId("metric").addEventListener("change", () => {
  results.redraw();
  changed();
});
window.addEventListener("hashchange", () => fromAddress()); // a link pasted into the address bar
for (const [button, text] of [["copy-link", () => location.href], ["copy-cli", () => byId("cli").textContent ?? ""]] as const) {
  byId(button).addEventListener("click", () => {
    void navigator.clipboard?.writeText(text()).then(() => setStatus("Copied."), () => setStatus("Could not copy: select the text instead."));
  });
}

if (!fromAddress()) load({ scenario: Object.keys(scenarios)[0] });
results.redraw();
document.body.dataset.ready = "true";
performance.mark("playground-interactive");
