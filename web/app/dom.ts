// Building DOM nodes in one expression: h("label", { for: id }, "eps"). Attributes are set as
// written (true: present, false/undefined: absent); on* values become event listeners.

type Attribute = string | number | boolean | undefined | ((event: Event) => void);
export type Child = Node | string | number | null | undefined | false;

function build<E extends Element>(element: E, attributes: Record<string, Attribute>, children: Child[]): E {
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, "");
    else if (value !== undefined && value !== false) element.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) element.append(typeof child === "number" ? String(child) : child);
  }
  return element;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, Attribute> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  return build(document.createElement(tag), attributes, children);
}

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, Attribute> = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  return build(document.createElementNS("http://www.w3.org/2000/svg", tag), attributes, children);
}

/** The element with this id, which the page must have. */
export function byId<E extends HTMLElement = HTMLElement>(id: string): E {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element as E;
}

/** Text with inline markdown as the docs write it: `code`, *emphasis*, [text](link) shown as its text. */
export function inlineMarkdown(text: string): Node[] {
  const nodes: Node[] = [];
  for (const part of text.replace(/\[([^\]]+)\]\([^)]*\)/g, "$1").split(/(`[^`]+`|\*[^*]+\*)/)) {
    if (part.startsWith("`") && part.endsWith("`") && part.length > 1) nodes.push(h("code", {}, part.slice(1, -1)));
    else if (part.startsWith("*") && part.endsWith("*") && part.length > 1) nodes.push(h("em", {}, part.slice(1, -1)));
    else if (part) nodes.push(document.createTextNode(part));
  }
  return nodes;
}
