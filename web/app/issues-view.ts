// A spec's problems (SpecError's issues) shown where they are: each under the control its path
// names (the nearest one: params.verifier.phi under verifier.phi, grid.generator.eps[2] under
// that grid row), marked aria-invalid, and all of them listed by the Run button, each a button that
// focuses its control. Nothing runs while there are any.
import { formatIssue, type SpecIssue } from "../../src/index.js";
import { h } from "./dom.js";

/** The field (an element holding an .error paragraph of its own) where a path's problem belongs. */
export type Locate = (path: string) => HTMLElement | undefined;

export class IssuesView {
  private marked: HTMLElement[] = [];

  constructor(private readonly summary: HTMLElement, private readonly locate: Locate) {}

  show(issues: readonly SpecIssue[]): void {
    for (const field of this.marked) {
      const error = ownError(field);
      if (error) {
        error.hidden = true;
        error.textContent = "";
      }
      field.querySelector("[aria-invalid]")?.removeAttribute("aria-invalid");
    }
    this.marked = [];
    const items = issues.map((issue) => {
      const field = this.locate(issue.path);
      const error = field && ownError(field);
      // formatIssue writes "path: problem ...; allowed: ..."; under the field its path goes without saying.
      const text = formatIssue(issue);
      if (field && error) {
        error.append(error.textContent ? "; " : "", issue.path ? text.slice(issue.path.length + 2) : text);
        error.hidden = false;
        field.querySelector("input, select")?.setAttribute("aria-invalid", "true");
        this.marked.push(field);
      }
      const control = field?.querySelector<HTMLElement>("input:not([disabled]), select:not([disabled])");
      return h("li", {}, control
        ? h("button", { type: "button", class: "link", onclick: () => control.focus() }, text)
        : text);
    });
    this.summary.replaceChildren(...(items.length > 0 ? [h("p", {}, `${items.length === 1 ? "One problem" : `${items.length} problems`} to fix before running:`), h("ul", {}, ...items)] : []));
    this.summary.hidden = items.length === 0;
  }
}

function ownError(field: HTMLElement): HTMLElement | null {
  return field.querySelector(":scope > .error");
}
