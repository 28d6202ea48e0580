// Each theory page's title, opening paragraph and "Sources, and what is this project's" section
// (docs/theory/<scenario>.md), as blocks of text the playground shows beside a scenario: what
// comes from the papers and what is this project's reconstruction, quoted from the page itself
// so that the two never disagree. Inline markdown (`code`, *emphasis*, [links](...)) is left for
// the page to render; a scenario without a theory page simply gets no notes.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";

/** Paragraphs and bullet lists of a markdown fragment: { text } or { items }. */
function blocks(markdown) {
  const out = [];
  for (const chunk of markdown.trim().split(/\n\s*\n/)) {
    const lines = chunk.split("\n");
    if (lines[0].startsWith("- ")) {
      // A bullet starts with "- "; an indented line continues the one before.
      const items = [];
      for (const line of lines) {
        if (line.startsWith("- ")) items.push(line.slice(2).trim());
        else items[items.length - 1] += ` ${line.trim()}`;
      }
      out.push({ items });
    } else out.push({ text: lines.map((line) => line.trim()).join(" ") });
  }
  return out;
}

function notes(markdown, page) {
  const title = /^# (.+)$/m.exec(markdown)?.[1] ?? "";
  const afterTitle = markdown.slice(markdown.indexOf("\n") + 1).trim();
  const intro = afterTitle.split(/\n\s*\n/)[0];
  const section = /^## Sources?, and what is this project's\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(markdown)?.[1] ?? "";
  return { title, page, intro: blocks(intro), sources: blocks(section) };
}

/** The notes of every docs/theory page, by scenario name (the page's file name). */
export function theoryNotes(dir) {
  const out = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".md")).sort()) {
    out[basename(file, ".md")] = notes(readFileSync(join(dir, file), "utf8"), `theory/${file}`);
  }
  return out;
}
