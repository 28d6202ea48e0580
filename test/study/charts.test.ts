// Charts that read: no two series alike in colour and dash, legends with only the keys that
// vary (never a parameter that follows from them), integer generation ticks, an axis around a
// constant metric, 95% confidence bands said in the legend, the theory drawn over the
// simulation, and collapse-sim plot's --x, --facet and log axes.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import "../fixtures/register-toy.js";
import { resolveStudy } from "../../src/study/spec.js";
import { planCharts } from "../../src/report/chart-plan.js";
import { chartSpec, seriesStyle } from "../../src/report/chart-spec.js";
import { renderSvg } from "../../src/report/render-svg.js";
import { summarize, type SummaryRow } from "../../src/report/summary.js";
import { t975 } from "../../src/report/statistics.js";
import { runStudy } from "../../src/output/run-study.js";
import { cliSync, read, registerToy, scratchDir } from "../helpers/study-dirs.js";

const scratch = scratchDir("charts");
/** 18 series, as amin-rate draws. */
const spec = { scenario: "toy-walk", params: { n: 20 }, grid: { drift: [0, 0.1, 0.2, 0.3, 0.4, 0.5], "step.scale": [1, 2, 3] }, generations: 5, seeds: 3, seed: 1 };
const out = join(scratch, "eighteen");

/** Text of an SVG's elements of one role (axis labels, legend labels). */
function texts(svg: string, role: string): string[] {
  return [...svg.matchAll(new RegExp(`role-${role}"[^]*?</g>`, "g"))].flatMap((m) => [...m[0].matchAll(/>([^<>]+)<\/text>/g)].map((t) => t[1]));
}

test("18 series: no two share colour and dash, in the spec and in the drawn legend", async () => {
  const pairs = Array.from({ length: 50 }, (_, i) => JSON.stringify(seriesStyle(i)));
  assert.is(new Set(pairs).size, 50, "50 series are told apart");
  await runStudy({ spec: { ...spec, params: { n: 20, step: { kind: "scaled" } } }, workers: 2, out, plots: true, workerImports: [registerToy] });
  const svg = read(out, "plots/position.svg");
  const symbols = [...svg.matchAll(/role-legend-symbol"[^>]*><path [^>]*stroke="([^"]+)"[^>]*stroke-dasharray="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
  assert.is(symbols.length, 18);
  assert.is(new Set(symbols).size, 18, symbols.join("\n"));
});

test("the legend holds only the grid's varying keys, whole, and names the 95% band", () => {
  const svg = read(out, "plots/position.svg");
  const labels = texts(svg, "legend-label");
  assert.is(labels.length, 18);
  for (const label of labels) assert.match(label, /^drift=[\d.]+, step\.scale=\d$/);
  assert.ok(svg.includes("band: 95% confidence interval"));
  // An arm sets filter.kind and labeler.allocation: they vary with it, but the legend names the arm only.
  const arms = resolveStudy({ scenario: "weak-data", params: { prompts: 10, labeler: { budget: 0.25 } }, grid: { arm: ["no-curation", "filter-only", "filter+hardest"], "labeler.beta": [0.5, 0.9] }, generations: 3 });
  assert.equal(planCharts(arms, { metrics: ["accuracy"] })[0].series, ["arm", "labeler.beta"]);
  // A facet's key, and a key constant within the facet, are left out.
  assert.equal(planCharts(arms, { metrics: ["accuracy"], facet: "labeler.beta" })[0].series, ["arm"]);
  assert.equal(planCharts(arms, { metrics: ["accuracy"], series: ["arm", "alpha"] })[0].series, ["arm"]);
});

test("generation ticks are integers, with 5 generations as with 50", () => {
  const ticks = texts(read(out, "plots/position.svg"), "axis-label").filter((t) => /^-?[\d.]+$/.test(t));
  const xTicks = ["0", "1", "2", "3", "4", "5"];
  for (const tick of xTicks) assert.ok(ticks.includes(tick), `tick ${tick} in ${ticks}`);
  assert.not.ok(ticks.includes("0.5") && ticks.includes("1.5"), "no half generations");
});

test("the band is the 95% confidence interval (Student's t), the theory is drawn over the simulation in black", () => {
  const study = resolveStudy(spec);
  const rows = read(out, "rows.jsonl").trimEnd().split("\n").map((line) => JSON.parse(line));
  const [plan] = planCharts(study, { metrics: ["position"] });
  const vega = chartSpec(plan, summarize(resolveStudy({ ...spec, params: { n: 20, step: { kind: "scaled" } } }), rows)) as unknown as { data: { values: Array<Record<string, number | string | null>> }; layer: Array<{ mark: { type: string; color?: string } }> };
  const point = vega.data.values.find((p) => p.kind === "simulation" && p.x === 3)!;
  const se = ((point.hi as number) - (point.lo as number)) / 2 / t975(2);
  const summary = summarize(resolveStudy({ ...spec, params: { n: 20, step: { kind: "scaled" } } }), rows).find((r) => r.generation === 3 && r.cell === 0)!;
  assert.ok(Math.abs(se - (summary.position_se as number)) < 1e-12, "half-width t(0.975, 2) se");
  const marks = vega.layer.map((layer) => layer.mark.type);
  assert.equal(marks.slice(0, 3), ["area", "line", "line"], "band, simulation, then the theory over it");
  assert.is(vega.layer[2].mark.color, "#111");
});

test("a constant metric gets an axis around its value, with several ticks", async () => {
  const study = resolveStudy(spec);
  const [plan] = planCharts(study, { metrics: ["position"] });
  const rows: SummaryRow[] = [0, 1, 2, 3].map((generation) => ({ cell: 0, generation, drift: 0, "step.scale": 1, position_mean: 0.8, position_se: 0, position_n: 3 }));
  const svg = await renderSvg(chartSpec({ ...plan, theories: [] }, rows));
  const yTicks = texts(svg, "axis-label").filter((t) => /^0\.\d+$/.test(t));
  assert.ok(yTicks.length >= 3, `y ticks ${yTicks}`);
});

test("collapse-sim plot DIR --x, --facet, --log-y; a column it does not have is refused", () => {
  const result = cliSync(["plot", out, "--x", "drift", "--facet", "step.scale", "--log-x", "--quiet"]);
  assert.is(result.code, 0, result.stderr);
  const files = readdirSync(join(out, "plots")).sort();
  assert.equal(files, ["lastStep-step.scale=1.svg", "lastStep-step.scale=2.svg", "lastStep-step.scale=3.svg", "position-step.scale=1.svg", "position-step.scale=2.svg", "position-step.scale=3.svg"]);
  assert.match(read(out, "plots/position-step.scale=2.svg"), /drift \(generation 5\)/);
  const refused = cliSync(["plot", out, "--x", "bogus"]);
  assert.is(refused.code, 2);
  assert.match(refused.stderr, /^--x bogus: not a column of .*; one of generation, n, drift, /);
  assert.ok(existsSync(join(out, "report.html")));
});

test.after(() => rmSync(scratch, { recursive: true, force: true }));

test.run();
