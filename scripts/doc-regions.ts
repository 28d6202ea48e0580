// Regions of a hand-written doc that are generated, between a marker and `<!-- end -->`:
//   <!-- include PATH -->        the file at PATH in a fenced code block
//   <!-- describe SCENARIO -->   what `collapse-sim describe SCENARIO` prints
//   <!-- reference SCENARIO -->  the scenario's section of the parameter reference
// The text around the regions is left as written.

const REGION = /<!-- (include|describe|reference) (\S+) -->\n[\s\S]*?<!-- end -->/g;

/** `text` with every region's content replaced by `fill(kind, argument)`. */
export function fillRegions(text: string, fill: (kind: string, argument: string) => string): string {
  return text.replace(REGION, (_, kind: string, argument: string) => `<!-- ${kind} ${argument} -->\n${fill(kind, argument)}<!-- end -->`);
}

/** A fenced code block holding `body`. */
export function fence(language: string, body: string): string {
  return `\`\`\`${language}\n${body.endsWith("\n") ? body : `${body}\n`}\`\`\`\n`;
}
