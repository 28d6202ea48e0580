// What the study on screen is: the preset's title, source and description (what to look for),
// the scenario's question and papers, and, quoted from its theory page, what is taken from the
// papers and what is this project's reconstruction (theory-notes.json, made by the build from
// docs/theory; fetched after the page is up, as it is not needed to use it).
import type { Preset, ScenarioReference } from "../../src/index.js";
import { h, inlineMarkdown } from "./dom.js";

type Block = { text: string } | { items: string[] };

export interface TheoryNote {
  title: string;
  /** The theory page, relative to the playground. */
  page: string;
  intro: Block[];
  sources: Block[];
}

let notes: Promise<Record<string, TheoryNote>> | undefined;

/** The theory pages' notes, by scenario (empty where the file is missing: a page works without them). */
export function theoryNotes(): Promise<Record<string, TheoryNote>> {
  notes ??= fetch(new URL("theory-notes.json", document.baseURI))
    .then((response) => (response.ok ? response.json() as Promise<Record<string, TheoryNote>> : {}))
    .catch(() => ({}));
  return notes;
}

function blocks(list: readonly Block[]): HTMLElement[] {
  return list.map((block) => ("items" in block
    ? h("ul", {}, ...block.items.map((item) => h("li", {}, ...inlineMarkdown(item))))
    : h("p", {}, ...inlineMarkdown(block.text))));
}

export function drawAbout(host: HTMLElement, reference: ScenarioReference, preset: Preset | undefined, edited: boolean, note: TheoryNote | undefined): void {
  host.replaceChildren(
    preset
      ? h("div", { class: "preset" },
        h("h2", {}, "Preset ", h("code", {}, preset.name), edited ? h("span", { class: "badge" }, "edited") : ""),
        h("p", { class: "title" }, preset.title),
        h("p", {}, preset.description),
        h("p", { class: "source" }, h("strong", {}, "Reproduces: "), preset.source))
      : "",
    h("div", { class: "scenario" },
      h("h2", {}, "Scenario ", h("code", {}, reference.name)),
      h("p", { class: "title" }, reference.title),
      h("p", { class: "source" }, h("strong", {}, "Papers: "), reference.source)),
    note
      ? h("details", { class: "provenance" },
        h("summary", {}, "What comes from the papers, and what is this project's reconstruction"),
        ...blocks(note.intro),
        ...blocks(note.sources),
        h("p", {}, "Quoted from the theory page ", h("a", { href: note.page }, `docs/${note.page}`), ", which derives every closed form drawn here."))
      : "",
  );
}
