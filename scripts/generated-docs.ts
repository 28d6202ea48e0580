// The docs that are generated from the code, path by path: docs/parameters.md from the
// scenarios' schemas and metrics. `npm run docs` writes them; test/docs/generated.test.ts
// fails when a file differs from what this returns.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { builtInScenarios } from "../src/scenarios/index.js";
import { describeScenario } from "../src/scenarios/describe.js";
import { parametersPage } from "../src/scenarios/reference-markdown.js";

export const root = fileURLToPath(new URL("..", import.meta.url));

/** Each generated file's path from the repository root, with its content. */
export function generatedDocs(): Map<string, string> {
  const theoryPage = (name: string) => (existsSync(join(root, "docs/theory", `${name}.md`)) ? `theory/${name}.md` : undefined);
  return new Map([["docs/parameters.md", parametersPage(builtInScenarios.map(describeScenario), theoryPage)]]);
}
