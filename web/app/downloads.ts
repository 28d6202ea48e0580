// Files the page offers: a run's rows as the CLI writes them (CSV in the CLI's column order,
// rowColumns and toCsv; JSONL, one JSON object a line) and the spec as JSON. Each is a link to
// a Blob, replaced (and the old one freed) when its contents change.
import { rowColumns, toCsv, type Row, type Study } from "../../src/index.js";
import { h } from "./dom.js";

export function rowsCsv(study: Study, rows: readonly Row[]): string {
  return toCsv(rowColumns(study), rows);
}

export function rowsJsonl(rows: readonly Row[]): string {
  return rows.map((row) => `${JSON.stringify(row)}\n`).join("");
}

export function specJson(spec: unknown): string {
  return `${JSON.stringify(spec, null, 2)}\n`;
}

/** A download link whose file can be replaced. */
export class FileLink {
  readonly element: HTMLAnchorElement;
  private url: string | undefined;

  constructor(text: string, readonly filename: string, private readonly type: string) {
    this.element = h("a", { class: "button download", download: filename, "aria-disabled": "true" }, text);
  }

  set(contents: string | undefined): void {
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = contents === undefined ? undefined : URL.createObjectURL(new Blob([contents], { type: this.type }));
    if (this.url) {
      this.element.href = this.url;
      this.element.removeAttribute("aria-disabled");
    } else {
      this.element.removeAttribute("href"); // no href: not a link, not focusable
      this.element.setAttribute("aria-disabled", "true");
    }
  }
}
