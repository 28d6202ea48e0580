// The docs that are generated from the code, path by path: docs/parameters.md from the
// scenarios' schemas and metrics, and the generated regions of docs/adding-a-scenario.md (the
// toy walk's files, what `collapse-sim describe toy-walk` prints, its reference), and beside them
// the built-in scenarios' spec types (src/scenarios/spec-types.ts, scripts/spec-types.ts). `npm run docs`
// writes them; test/docs/generated.test.ts fails when a file differs from what this returns.
import { existsSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { builtInScenarios, type Scenario } from "../src/scenarios/index.js";
import { describeScenario } from "../src/scenarios/describe.js";
import { parametersPage, referenceMarkdown } from "../src/scenarios/reference-markdown.js";
import { referenceText } from "../src/cli/reference-text.js";
import { scenario as toyWalk } from "../test/fixtures/toy-walk/index.js";
import { fence, fillRegions } from "./doc-regions.js";
import { specTypesFile } from "./spec-types.js";

export const root = fileURLToPath(new URL("..", import.meta.url));

const read = (path: string) => readFileSync(join(root, path), "utf8");

/** The scenarios a guide may show: the built-in ones and the toy walk. */
const shown: Record<string, Scenario<any>> = Object.fromEntries([...builtInScenarios, toyWalk].map((s) => [s.name, s]));

function region(kind: string, argument: string): string {
  if (kind === "include") return fence(extname(argument).slice(1), read(argument));
  const scenario = shown[argument];
  if (!scenario) throw new Error(`a doc region names an unknown scenario: ${argument}`);
  const reference = describeScenario(scenario);
  return kind === "describe" ? fence("text", referenceText(reference)) : `\n${referenceMarkdown(reference, { heading: "###" })}\n`;
}

/** Each generated file's path from the repository root, with its content. */
export function generatedDocs(): Map<string, string> {
  const theoryPage = (name: string) => (existsSync(join(root, "docs/theory", `${name}.md`)) ? `theory/${name}.md` : undefined);
  return new Map([
    ["docs/parameters.md", parametersPage(builtInScenarios.map(describeScenario), theoryPage)],
    ["docs/adding-a-scenario.md", fillRegions(read("docs/adding-a-scenario.md"), region)],
    ["src/scenarios/spec-types.ts", specTypesFile(builtInScenarios)],
  ]);
}
