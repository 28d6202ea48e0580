// A scenario's reference as terminal text: `collapse-sim scenarios` prints the parameters of
// every scenario, `collapse-sim describe NAME` one scenario's parameters and metrics.
import type { ParameterDoc, ScenarioReference } from "../scenarios/describe.js";
import { appliesText, defaultText } from "../validation/describe-schema.js";

const NAME_WIDTH = 22;
const LINE_WIDTH = 100;

/** Words of `text` in lines of at most `width` characters (a longer word gets a line of its own). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return line ? [...lines, line] : lines;
}

/** `head` in the name column, then `text` wrapped beside it and below it, continued `hang` further in. */
function entry(head: string, text: string, hang = 0): string[] {
  const column = " ".repeat(2 + NAME_WIDTH);
  const [first = "", ...rest] = wrap(text, LINE_WIDTH - column.length - hang);
  const lead = `  ${head}`;
  const top = lead.length < column.length ? [`${lead.padEnd(column.length)}${first}`] : [lead, `${column}${first}`];
  return [...top, ...rest.map((line) => `${column}${" ".repeat(hang)}${line}`)];
}

function parameterLines(doc: ParameterDoc): string[] {
  const kind = doc.kind === undefined ? "" : `(kind ${JSON.stringify(doc.kind)}) `;
  const applies = appliesText(doc) === "" ? "" : `(${appliesText(doc)}) `;
  const given = doc.required ? "required" : `default ${defaultText(doc)}`;
  const lines = [...entry(doc.name, `${kind}${applies}${doc.allowed}; ${given}`)];
  if (doc.description) lines.push(...entry("", doc.description));
  for (const { value, meaning, keys } of doc.values ?? []) {
    const takes = keys === undefined ? "" : keys.length === 0 ? "; no other keys" : `; keys: ${keys.join(", ")}`;
    lines.push(...entry("", `- ${JSON.stringify(value)}: ${meaning}${takes}`, 2));
  }
  return lines;
}

function header(reference: ScenarioReference): string[] {
  return [reference.name, ...wrap(reference.title, LINE_WIDTH - 2).map((l) => `  ${l}`), ...wrap(`source: ${reference.source}`, LINE_WIDTH - 2).map((l) => `  ${l}`)];
}

/** The scenario's name, question, source and parameters. */
export function parametersText(reference: ScenarioReference): string {
  const lines = [...header(reference), "", "Parameters (dotted names, as grid keys and result rows write them):"];
  for (const doc of reference.parameters) lines.push(...parameterLines(doc));
  return `${lines.join("\n")}\n`;
}

/** The parameters, then the metrics with the metric each closed-form column predicts. */
export function referenceText(reference: ScenarioReference): string {
  const lines = ["", "Metrics (one value per generation; null where a metric does not apply):"];
  for (const metric of reference.metrics) {
    const predicts = metric.theoryOf === undefined ? "" : `predicts ${metric.theoryOf}: `;
    lines.push(...entry(metric.name, `${predicts}${metric.description}`));
  }
  return `${parametersText(reference)}${lines.join("\n")}\n`;
}
