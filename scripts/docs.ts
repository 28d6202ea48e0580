// npm run docs: rewrites the generated docs (scripts/generated-docs.ts) that differ from the code.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { generatedDocs, root } from "./generated-docs.js";

for (const [path, text] of generatedDocs()) {
  const file = join(root, path);
  if (existsSync(file) && readFileSync(file, "utf8") === text) continue;
  writeFileSync(file, text);
  console.log(`wrote ${path}`);
}
