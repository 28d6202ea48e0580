// The @example lines of doc comments: code, possibly over several lines, ending in
// "// => value". Lines that are only a comment explain the example and are skipped.

export interface DocExample {
  /** The expression whose value is shown. */
  code: string;
  /** The value it gives, as a JavaScript expression. */
  expected: string;
  /** 1-based line of the "// =>" in the source. */
  line: number;
}

export function docExamples(source: string): DocExample[] {
  const examples: DocExample[] = [];
  let inExample = false;
  let code: string[] = [];
  source.split("\n").forEach((raw, index) => {
    const text = raw.replace(/^\s*\*\s?/, "").trimEnd();
    if (/^\s*\*\/|^\s*\/\*\*/.test(raw) || (text.startsWith("@") && !text.startsWith("@example"))) {
      inExample = false;
      code = [];
      return;
    }
    if (text.startsWith("@example")) {
      inExample = true;
      return;
    }
    if (!inExample || text.trim().startsWith("//") || text.trim() === "") return;
    const arrow = text.indexOf("// =>");
    if (arrow === -1) {
      code.push(text);
      return;
    }
    code.push(text.slice(0, arrow));
    examples.push({ code: code.join(" ").trim(), expected: text.slice(arrow + "// =>".length).trim(), line: index + 1 });
    code = [];
  });
  return examples;
}
