// A scenario's parameter reference (a flat list of dotted names) as the tree a form draws:
// objects and tuples hold their keys, a kind-union holds its `kind` and every kind's keys, and
// the rest are leaves, one control each. Two pure functions go between the tree and a spec's
// params: the values a spec gives each leaf (the rest from defaults), and the params object the
// leaves' values make.
import type { ParameterDoc } from "../../src/index.js";

export interface ParamNode {
  doc: ParameterDoc;
  /** The last part of the dotted name: "eps", or "0" in a tuple. */
  key: string;
  shape: "leaf" | "object" | "tuple" | "kinds";
  children: ParamNode[];
}

/** A leaf's value, by node; undefined where there is none (a required key left empty). */
export type LeafValues = Map<ParamNode, unknown>;

export function parameterTree(docs: readonly ParameterDoc[]): ParamNode[] {
  const top: ParamNode[] = [];
  // Parents by name: a key's children follow it, so the latest node of a name is their parent.
  const byName = new Map<string, ParamNode>();
  for (const doc of docs) {
    const dot = doc.name.lastIndexOf(".");
    const node: ParamNode = { doc, key: doc.name.slice(dot + 1), shape: "leaf", children: [] };
    const parent = dot < 0 ? undefined : byName.get(doc.name.slice(0, dot));
    (parent?.children ?? top).push(node);
    byName.set(doc.name, node);
  }
  const classify = (node: ParamNode): void => {
    node.children.forEach(classify);
    if (node.children.length === 0) return;
    const kind = node.children.find((child) => child.key === "kind" && child.doc.values?.some((v) => v.keys));
    node.shape = kind ? "kinds" : node.children.every((child) => /^\d+$/.test(child.key)) ? "tuple" : "object";
  };
  top.forEach(classify);
  return top;
}

/** The `kind` leaf of a kind-union. */
export function kindNode(node: ParamNode): ParamNode {
  return node.children.find((child) => child.key === "kind")!;
}

const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;

/**
 * Every leaf's value for a spec whose params give `given` here; where it gives nothing, the
 * enclosing default (`fallback`: a kind-union's default speaks for its kind's keys), else the
 * key's own default. An object the spec gives is taken as written: its missing keys get their
 * own defaults only, as validation would.
 */
function assign(node: ParamNode, given: unknown, fallback: unknown, out: LeafValues): void {
  const { doc } = node;
  const own = doc.required ? undefined : doc.default;
  if (node.shape === "leaf") {
    out.set(node, given !== undefined ? given : fallback !== undefined ? fallback : own);
    return;
  }
  const base = given !== undefined ? undefined : fallback !== undefined ? fallback : own;
  if (node.shape !== "kinds") {
    for (const child of node.children) assign(child, field(given, child.key), field(base, child.key), out);
    return;
  }
  const kind = kindNode(node);
  assign(kind, field(given, "kind"), field(base, "kind"), out);
  // An object written without its kind (beside an arm, which sets it) is of the kind the form holds.
  const chosen = out.get(kind);
  for (const child of node.children) {
    if (child === kind) continue;
    const of = (value: unknown) => ((field(value, "kind") ?? chosen) === child.doc.kind ? field(value, child.key) : undefined);
    assign(child, of(given), of(base), out);
  }
}

/** The leaves' values for a spec's params (an object, or nothing for every default). */
export function leafValues(tree: readonly ParamNode[], params: unknown): LeafValues {
  const out: LeafValues = new Map();
  for (const node of tree) assign(node, field(params, node.key), undefined, out);
  return out;
}

/** The first node of each dotted name (a key of several kinds: its first kind's). */
export function nodesByName(tree: readonly ParamNode[]): Map<string, ParamNode> {
  const out = new Map<string, ParamNode>();
  const visit = (node: ParamNode): void => {
    if (!out.has(node.doc.name)) out.set(node.doc.name, node);
    node.children.forEach(visit);
  };
  tree.forEach(visit);
  return out;
}

/** Whether a parameter applies where the parameters it depends on (its appliesWhen) take the values valueOf gives. */
export function applies(node: ParamNode, valueOf: (name: string) => unknown): boolean {
  return Object.entries(node.doc.appliesWhen ?? {}).every(([name, value]) => valueOf(name) === value);
}

/** Whether the grid sets this parameter: its own key, a key above it, or the kind of the union it belongs to. */
export function coveredByGrid(name: string, gridKeys: readonly string[]): boolean {
  return gridKeys.some((key) => {
    const owner = key.endsWith(".kind") ? key.slice(0, -".kind".length) : key;
    return name === owner || name.startsWith(`${owner}.`);
  });
}

/**
 * The parameters another one sets as things stand, each with its setter: those in the `sets` of
 * a parameter that is not null or that the grid sets (an arm sets filter.kind and
 * labeler.allocation, and refuses them written beside it).
 */
export function setByOthers(tree: readonly ParamNode[], leafValue: (name: string) => unknown, gridKeys: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const node of nodesByName(tree).values()) {
    const { name, sets } = node.doc;
    if (sets === undefined) continue;
    const value = leafValue(name);
    if (coveredByGrid(name, gridKeys) || (value !== null && value !== undefined)) for (const set of sets) out.set(set, name);
  }
  return out;
}

/**
 * The params object the leaves make, every parameter written out (a link then means the same
 * run whatever later versions take as defaults), except those the grid sets (a grid over
 * verifier.kind leaves the whole verifier to it, so that each kind gets its own keys), those
 * that do not apply to the others' values (the softmax model's parameters with the table model),
 * and those another parameter sets (setByOthers: an arm's filter.kind; the filter's other keys
 * are still written, an object left empty is not).
 */
export function paramsOf(tree: readonly ParamNode[], values: LeafValues, gridKeys: readonly string[]): Record<string, unknown> {
  const byName = nodesByName(tree);
  const leafValue = (name: string) => {
    const node = byName.get(name);
    return node === undefined ? undefined : values.get(node);
  };
  const setElsewhere = setByOthers(tree, leafValue, gridKeys);
  const valueOf = (node: ParamNode): unknown => {
    if (coveredByGrid(node.doc.name, gridKeys) || setElsewhere.has(node.doc.name) || !applies(node, leafValue)) return undefined;
    if (node.shape === "leaf") return values.get(node);
    if (node.shape === "tuple") return node.children.map(valueOf);
    const kind = node.shape === "kinds" ? values.get(kindNode(node)) : undefined;
    const object: Record<string, unknown> = {};
    for (const child of node.children) {
      if (kind !== undefined && child.key !== "kind" && child.doc.kind !== kind) continue;
      const value = valueOf(child);
      if (value !== undefined) object[child.key] = value;
    }
    return Object.keys(object).length === 0 && setElsewhere.has(`${node.doc.name}.kind`) ? undefined : object;
  };
  const params: Record<string, unknown> = {};
  for (const node of tree) {
    const value = valueOf(node);
    if (value !== undefined) params[node.key] = value;
  }
  return params;
}
