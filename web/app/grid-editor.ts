// The grid: up to two parameters (more when a loaded spec has them), each with its list of
// values; the study runs every combination. A row is a parameter select and a line of values
// (grid-values.ts); choosing a parameter fills in its current value to start from.
import { h } from "./dom.js";
import { formatGridValues, parseGridValues } from "./grid-values.js";

const MIN_ROWS = 2;

interface Row {
  element: HTMLElement;
  key: HTMLSelectElement;
  values: HTMLInputElement;
}

export class GridEditor {
  readonly element = h("div", { class: "grid-rows" });
  private rows: Row[] = [];

  /** names: the parameters a grid may vary; current(name): the text of a parameter's value in the form. */
  constructor(private readonly names: readonly string[], private readonly current: (name: string) => string) {}

  load(grid: Record<string, unknown[]>): void {
    const entries = Object.entries(grid);
    this.element.replaceChildren();
    this.rows = [];
    for (let i = 0; i < Math.max(MIN_ROWS, entries.length); i++) this.addRow(entries[i]?.[0] ?? "", formatGridValues(entries[i]?.[1] ?? []));
  }

  /** The grid the rows make; a chosen parameter with no values is kept, for validation to name. */
  grid(): Record<string, unknown[]> {
    const grid: Record<string, unknown[]> = {};
    for (const row of this.rows) if (row.key.value) grid[row.key.value] = parseGridValues(row.values.value);
    return grid;
  }

  keys(): string[] {
    return Object.keys(this.grid());
  }

  /** The row of a grid key, for its errors. */
  fieldFor(key: string): HTMLElement | undefined {
    return this.rows.find((row) => row.key.value === key)?.element;
  }

  private addRow(key: string, values: string): void {
    const n = this.rows.length + 1;
    const id = `grid-${n}`;
    const select = h("select", { id: `${id}-key`, name: `grid-key-${n}` },
      h("option", { value: "" }, "(none)"),
      ...this.names.map((name) => h("option", { value: name }, name)));
    const input = h("input", {
      id: `${id}-values`, name: `grid-values-${n}`, type: "text", spellcheck: "false", autocomplete: "off",
      placeholder: "e.g. 0.1, 0.3, 0.5 or 0:0.1:1", "aria-describedby": `grid-help ${id}-error`,
    });
    if (key && !this.names.includes(key)) select.append(h("option", { value: key }, key)); // a loaded spec's unknown key, for validation to name
    select.value = key;
    input.value = values;
    input.disabled = !key;
    select.addEventListener("change", () => {
      input.disabled = !select.value;
      if (select.value && !input.value.trim()) input.value = this.current(select.value);
    });
    const element = h("div", { class: "grid-row", "data-grid": n },
      h("div", { class: "field" }, h("label", { for: select.id }, `Parameter ${n}`), select),
      h("div", { class: "field" }, h("label", { for: input.id }, "values"), input),
      h("p", { class: "error", id: `${id}-error`, hidden: true }));
    this.rows.push({ element, key: select, values: input });
    this.element.append(element);
  }
}
