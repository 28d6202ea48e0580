// The form of a scenario's parameters, generated from its reference (describeScenario): one
// labelled control per leaf of the parameter tree, with its meaning, allowed values and default
// as help text; objects and kind-unions as fieldsets, a union showing the keys of its chosen
// kind only. A new scenario gets its form with no code here.
import { defaultText, type ParameterDoc, type ScenarioReference } from "../../src/index.js";
import { controlKind, type ControlKind } from "./control-kind.js";
import { h } from "./dom.js";
import {
  applies, coveredByGrid, kindNode, leafValues, nodesByName, paramsOf, parameterTree, setByOthers, type LeafValues, type ParamNode,
} from "./parameter-tree.js";

type Input = HTMLInputElement | HTMLSelectElement;

interface Leaf {
  control: ControlKind;
  input: Input;
  /** Where a choice's meaning is shown, updated as it changes. */
  meaning?: HTMLElement;
}

function helpText(doc: ParameterDoc): string {
  const given = defaultText(doc);
  return [doc.description, doc.allowed, given === "required" ? given : `default ${given}`].filter((part) => part).join(" · ");
}

export class ParameterForm {
  readonly element = h("div", { class: "parameters" });
  private readonly tree: ParamNode[];
  private readonly byName: Map<string, ParamNode>;
  private readonly leaves = new Map<ParamNode, Leaf>();
  /** Each node's field: a leaf's wrapper or an object's fieldset. */
  private readonly fields = new Map<ParamNode, HTMLElement>();
  private readonly parents = new Map<ParamNode, ParamNode>();
  private readonly notes = new Map<ParamNode, HTMLElement>();
  /** The grid's keys when last marked, to mark again when a choice changes what another parameter sets. */
  private gridKeys: readonly string[] = [];

  constructor(readonly reference: ScenarioReference) {
    this.tree = parameterTree(reference.parameters);
    this.byName = nodesByName(this.tree);
    for (const node of this.tree) this.element.append(this.render(node));
  }

  /** Sets every control from a spec's params (undefined: every default). */
  load(params: unknown): void {
    for (const [node, value] of leafValues(this.tree, params)) this.write(node, value);
    this.showKinds();
  }

  /** The params the controls make, leaving out what the grid sets. */
  params(gridKeys: readonly string[]): Record<string, unknown> {
    const values: LeafValues = new Map();
    for (const node of this.leaves.keys()) values.set(node, this.read(node));
    return paramsOf(this.tree, values, gridKeys);
  }

  /** Disables the controls the grid sets, and those another parameter sets (an arm's filter.kind), saying so. */
  markGrid(gridKeys: readonly string[]): void {
    this.gridKeys = gridKeys;
    const setElsewhere = setByOthers(this.tree, (name) => {
      const leaf = this.byName.get(name);
      return leaf && this.leaves.has(leaf) ? this.read(leaf) : undefined;
    }, gridKeys);
    for (const [node, field] of this.fields) {
      const covered = coveredByGrid(node.doc.name, gridKeys);
      const parentCovered = this.parents.has(node) && coveredByGrid(this.parents.get(node)!.doc.name, gridKeys);
      const setter = covered ? undefined : setElsewhere.get(node.doc.name);
      if (field instanceof HTMLFieldSetElement) field.disabled = covered;
      else this.leaves.get(node)!.input.disabled = covered || setter !== undefined;
      const note = this.notes.get(node)!;
      note.textContent = setter === undefined ? "set by the grid" : `set by ${setter}`;
      note.hidden = setter === undefined && (!covered || parentCovered);
    }
  }

  /** The field of a dotted parameter name as shown now (of the chosen kind, where names repeat across kinds). */
  fieldFor(name: string): HTMLElement | undefined {
    for (const [node, field] of this.fields) if (node.doc.name === name && this.shown(node)) return field;
    return undefined;
  }

  private shown(node: ParamNode): boolean {
    const depends = (name: string) => {
      const leaf = this.byName.get(name);
      return leaf && this.leaves.has(leaf) ? this.read(leaf) : undefined;
    };
    if (!applies(node, depends)) return false;
    const parent = this.parents.get(node);
    if (!parent) return true;
    if (parent.shape === "kinds" && node.doc.kind !== undefined && this.read(kindNode(parent)) !== node.doc.kind) return false;
    return this.shown(parent);
  }

  private showKinds(): void {
    for (const [node, field] of this.fields) field.hidden = !this.shown(node);
  }

  private render(node: ParamNode, parent?: ParamNode): HTMLElement {
    if (parent) this.parents.set(node, parent);
    const note = h("span", { class: "grid-note", hidden: true }, "set by the grid");
    this.notes.set(node, note);
    const field = node.shape === "leaf" ? this.renderLeaf(node, note) : this.renderGroup(node, note);
    this.fields.set(node, field);
    return field;
  }

  private renderGroup(node: ParamNode, note: HTMLElement): HTMLElement {
    const { doc } = node;
    const fieldset = h("fieldset", { class: `group ${node.shape}`, "data-param": doc.name },
      h("legend", {}, h("code", {}, doc.name), " ", note),
      doc.description ? h("p", { class: "help" }, doc.description) : null,
      h("p", { class: "error", hidden: true }),
    );
    for (const child of node.children) fieldset.append(this.render(child, node));
    return fieldset;
  }

  private renderLeaf(node: ParamNode, note: HTMLElement): HTMLElement {
    const { doc } = node;
    const id = `param-${doc.name}${doc.kind ? `-${doc.kind}` : ""}`;
    const control = controlKind(doc);
    const input = this.input(control, id, doc.name);
    const help = h("p", { class: "help", id: `${id}-help` }, helpText(doc));
    const error = h("p", { class: "error", id: `${id}-error`, hidden: true });
    input.setAttribute("aria-describedby", `${help.id} ${error.id}`);
    const meaning = control.type === "choice" ? h("p", { class: "meaning", "aria-live": "polite" }) : undefined;
    this.leaves.set(node, { control, input, meaning });
    const label = h("label", { for: id }, h("code", {}, doc.name), " ", note);
    if (control.type === "choice") input.addEventListener("change", () => this.changedChoice(node));
    const wrapper = h("div", { class: `field ${control.type}`, "data-param": doc.name }, control.type === "boolean" ? null : label, input,
      control.type === "boolean" ? label : null, meaning ?? null, help, error);
    return wrapper;
  }

  private input(control: ControlKind, id: string, name: string): Input {
    switch (control.type) {
      case "number":
        return h("input", {
          id, name, type: "number", inputmode: control.integer ? "numeric" : "decimal", step: control.integer ? 1 : "any",
          min: control.min, max: control.max, placeholder: control.nullable ? "null" : undefined,
        });
      case "boolean":
        return h("input", { id, name, type: "checkbox" });
      case "choice":
        return h("select", { id, name }, ...control.choices.map((choice, i) => h("option", { value: i, title: choice.meaning || undefined }, choice.value ?? "null")));
      case "json":
        return h("input", { id, name, type: "text", spellcheck: "false", placeholder: control.nullable ? "null" : "JSON" });
    }
  }

  private changedChoice(node: ParamNode): void {
    const leaf = this.leaves.get(node)!;
    if (leaf.control.type === "choice" && leaf.meaning) {
      const choice = leaf.control.choices[Number(leaf.input.value)];
      leaf.meaning.textContent = choice?.meaning ?? "";
    }
    // A kind shows its keys; any choice may be one that other parameters apply with, or an arm that sets others.
    this.showKinds();
    this.markGrid(this.gridKeys);
  }

  private read(node: ParamNode): unknown {
    const { control, input } = this.leaves.get(node)!;
    const text = input.value.trim();
    switch (control.type) {
      case "number":
        return text === "" ? (control.nullable ? null : undefined) : Number(text);
      case "boolean":
        return (input as HTMLInputElement).checked;
      case "choice":
        return control.choices[Number(input.value)]?.value;
      case "json":
        if (text === "") return control.nullable ? null : undefined;
        try {
          return JSON.parse(text) as unknown;
        } catch {
          return text; // validation names it, with what is allowed
        }
    }
  }

  private write(node: ParamNode, value: unknown): void {
    const { control, input } = this.leaves.get(node)!;
    switch (control.type) {
      case "number":
        input.value = typeof value === "number" ? String(value) : "";
        break;
      case "boolean":
        (input as HTMLInputElement).checked = value === true;
        break;
      case "choice":
        input.value = String(Math.max(0, control.choices.findIndex((choice) => choice.value === value)));
        this.changedChoice(node);
        break;
      case "json":
        input.value = value === undefined || (value === null && control.nullable) ? "" : JSON.stringify(value);
        break;
    }
  }
}
