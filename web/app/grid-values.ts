// A grid key's values as one line of text: "0.1, 0.3, 0.5", "filter-only, no-curation",
// {"kind": "oracle"}, {"kind": "linear", "angle": 20}, or a range "0:0.05:1" (from 0 to 1 in
// steps of 0.05). Each comma-separated item is JSON where it parses and a string otherwise.
import { spacedJson } from "../../src/index.js";

/** Items at the top level of the text: commas inside brackets, braces and quotes do not split. */
function items(text: string): string[] {
  const out: string[] = [];
  let depth = 0, quoted = false, start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === "\\") i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((item) => item.trim()).filter((item) => item !== "");
}

const RANGE = /^(-?[\d.]+(?:e-?\d+)?):(-?[\d.]+(?:e-?\d+)?):(-?[\d.]+(?:e-?\d+)?)$/;
const MAX_RANGE = 10_000;

/** from:step:to, each value rounded to 12 significant digits (0.15, not 0.15000000000000002). */
function range(from: number, step: number, to: number): number[] | undefined {
  if (!(step > 0) || !(to >= from) || (to - from) / step > MAX_RANGE) return undefined;
  const out: number[] = [];
  for (let i = 0; from + i * step <= to + step * 1e-9; i++) out.push(Number((from + i * step).toPrecision(12)));
  return out;
}

export function parseGridValues(text: string): unknown[] {
  return items(text).flatMap((item) => {
    const r = RANGE.exec(item);
    const expanded = r && range(Number(r[1]), Number(r[2]), Number(r[3]));
    if (expanded) return expanded;
    try {
      return [JSON.parse(item) as unknown];
    } catch {
      return [item];
    }
  });
}

/** The text parseGridValues reads back as these values: plain strings bare where that is unambiguous. */
export function formatGridValues(values: readonly unknown[]): string {
  return values.map((value) => {
    if (typeof value !== "string" || /[",[\]{}:]/.test(value) || value.trim() !== value || value === "") return spacedJson(value);
    try {
      JSON.parse(value);
      return JSON.stringify(value); // "1" or "true" as a string
    } catch {
      return value;
    }
  }).join(", ");
}
