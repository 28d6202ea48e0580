// Which form control a parameter gets, read from its reference (describeScenario): the
// "allowed" text says what validation accepts, in the words its errors use, so the control
// follows it: a number input with the range, a select for a list of values (with null where
// allowed), a checkbox for true or false. Anything else is edited as JSON, so that a new
// scenario's parameter of an unforeseen shape still has a control.
import type { ParameterDoc } from "../../src/index.js";

export interface Choice {
  value: string | null;
  /** What the value means ("" where the schema says nothing). */
  meaning: string;
}

export type ControlKind =
  | { type: "number"; integer: boolean; min?: number; max?: number; nullable: boolean }
  | { type: "boolean" }
  | { type: "choice"; choices: Choice[] }
  | { type: "json"; nullable: boolean };

const RANGE = /^an? (integer|number) in ([[(])\s*(-?inf|[-+\d.e]+),\s*(-?inf|[-+\d.e]+)\s*([\])])/;

function bound(text: string, closed: boolean): number | undefined {
  const value = Number(text.replace("inf", "Infinity"));
  // An open bound cannot be an input's min or max (they are inclusive): the range text says it.
  return closed && Number.isFinite(value) ? value : undefined;
}

/** The values of "one of "a", "b", or null". */
function listedValues(allowed: string): string[] | undefined {
  const match = /^one of (.*?)(, or null)?$/.exec(allowed);
  if (!match) return undefined;
  try {
    const values: unknown = JSON.parse(`[${match[1]}]`);
    return Array.isArray(values) && values.every((v) => typeof v === "string") ? values : undefined;
  } catch {
    return undefined;
  }
}

export function controlKind(doc: ParameterDoc): ControlKind {
  const nullable = /\bor null\b/.test(doc.allowed);
  const range = RANGE.exec(doc.allowed);
  if (range) {
    const [, type, open, lo, hi, close] = range;
    return { type: "number", integer: type === "integer", min: bound(lo, open === "["), max: bound(hi, close === "]"), nullable };
  }
  if (doc.allowed.startsWith("true or false")) return { type: "boolean" };
  const values = doc.values?.map((v) => ({ value: v.value, meaning: v.meaning })) ?? listedValues(doc.allowed)?.map((value) => ({ value, meaning: "" }));
  if (values) return { type: "choice", choices: nullable ? [...values, { value: null, meaning: "" }] : values };
  return { type: "json", nullable };
}
