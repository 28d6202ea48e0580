// The whole study spec as a form: the scenario's parameters (parameter-form.ts), the grid
// (grid-editor.ts) and the study's own keys (generations, seeds, seed, engine, in the page's
// HTML). It reads a spec in, writes one out, and finds the control a problem's path names.
import type { ScenarioReference } from "../../src/index.js";
import { byId } from "./dom.js";
import { GridEditor } from "./grid-editor.js";
import { formatGridValues } from "./grid-values.js";
import { ParameterForm } from "./parameter-form.js";

/** The study's own keys, as the page's inputs name them. */
const STUDY_KEYS = ["generations", "seeds", "seed", "engine"] as const;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

function dotted(value: unknown, name: string): unknown {
  return name.split(".").reduce<unknown>((at, key) => (isObject(at) || Array.isArray(at) ? (at as Record<string, unknown>)[key] : undefined), value);
}

export class SpecForm {
  readonly parameters: ParameterForm;
  readonly grid: GridEditor;

  constructor(readonly reference: ScenarioReference, parametersHost: HTMLElement, gridHost: HTMLElement) {
    this.parameters = new ParameterForm(reference);
    const names = [...new Set(reference.parameters.map((p) => p.name))];
    // A parameter's current value, to start its grid values from.
    this.grid = new GridEditor(names, (name) => formatGridValues([dotted(this.parameters.params([]), name)].filter((v) => v !== undefined)));
    parametersHost.replaceChildren(this.parameters.element);
    gridHost.replaceChildren(this.grid.element);
  }

  load(spec: Record<string, unknown>): void {
    this.parameters.load(spec.params);
    const grid = isObject(spec.grid) ? Object.fromEntries(Object.entries(spec.grid).map(([key, values]) => [key, Array.isArray(values) ? values : [values]])) : {};
    this.grid.load(grid);
    for (const key of STUDY_KEYS) {
      const input = byId<HTMLInputElement | HTMLSelectElement>(key);
      const value = spec[key];
      input.value = value === undefined ? input.dataset.default ?? "" : String(value);
    }
    this.parameters.markGrid(this.grid.keys());
  }

  /** The spec the form holds: every parameter written out, the grid's keys left to the grid. */
  spec(): Record<string, unknown> {
    const grid = this.grid.grid();
    this.parameters.markGrid(Object.keys(grid));
    const spec: Record<string, unknown> = { scenario: this.reference.name, params: this.parameters.params(Object.keys(grid)) };
    if (Object.keys(grid).length > 0) spec.grid = grid;
    for (const key of STUDY_KEYS) {
      const input = byId<HTMLInputElement | HTMLSelectElement>(key);
      const text = input.value.trim();
      // Left empty, a key takes the spec's default; a number stays a number.
      if (text !== "") spec[key] = input instanceof HTMLSelectElement ? text : Number(text);
    }
    return spec;
  }

  /** The field where a problem at `path` (params.verifier.phi, grid.nSynthetic[2], seeds) is shown. */
  locate(path: string): HTMLElement | undefined {
    const parts = path.replace(/\[(\d+)\]/g, ".$1").split(".");
    const [head, ...rest] = parts;
    if (head === "params") {
      for (let n = rest.length; n > 0; n--) {
        const field = this.parameters.fieldFor(rest.slice(0, n).join("."));
        if (field) return field;
      }
      return byId("parameters-fieldset");
    }
    if (head === "grid") {
      for (let n = rest.length; n > 0; n--) {
        const field = this.grid.fieldFor(rest.slice(0, n).join("."));
        if (field) return field;
      }
      return byId("grid-fieldset");
    }
    if ((STUDY_KEYS as readonly string[]).includes(head)) return byId(head).closest<HTMLElement>(".field") ?? undefined;
    return undefined;
  }
}
