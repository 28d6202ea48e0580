// The published types name none of the validation library's: no .d.ts reachable from the
// package's entry points (package.json "types" and "exports", and the .d.ts beside each
// exported .js) imports "zod", so a user's types do not depend on its version. Reads dist/
// (`npm run build` makes it; `npm test` builds first).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Every string target of an exports map (conditions and subpaths, nested). */
function targets(exports: unknown): string[] {
  if (typeof exports === "string") return [exports];
  if (exports !== null && typeof exports === "object") return Object.values(exports).flatMap(targets);
  return [];
}

/** The declaration files the package's entry points publish: each "types" target, and the .d.ts of each exported .js that has one. */
export function entryDeclarations(packageDir: string): string[] {
  const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  const files = [pkg.types, pkg.main, ...targets(pkg.exports)].filter((t): t is string => typeof t === "string");
  const declarations = files.map((file) => (file.endsWith(".d.ts") ? file : file.replace(/\.js$/, ".d.ts")));
  return [...new Set(declarations.map((file) => resolve(packageDir, file)))].filter((file) => file.endsWith(".d.ts") && existsSync(file));
}

/** Each reachable .d.ts (relative imports, import types, references) with the packages it imports. */
export function reachableImports(entries: string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const visit = (file: string) => {
    if (found.has(file)) return;
    const packages: string[] = [];
    found.set(file, packages);
    const text = readFileSync(file, "utf8");
    const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|<reference\s+(?:path|types)=)["']([^"']+)["']/g)].map((m) => m[1]);
    for (const specifier of specifiers) {
      if (!specifier.startsWith(".")) packages.push(specifier);
      else {
        const target = resolve(dirname(file), specifier.replace(/\.(m?)js$/, ".d.$1ts"));
        const candidates = [target, `${target}.d.ts`, join(target, "index.d.ts")];
        const next = candidates.find((c) => c.endsWith(".d.ts") && existsSync(c));
        assert.ok(next, `${file} imports ${specifier}, which has no declaration file`);
        visit(next);
      }
    }
  };
  entries.forEach(visit);
  return found;
}

function zodImports(packageDir: string): string[] {
  const entries = entryDeclarations(packageDir);
  assert.ok(entries.length > 0, `no declaration file at the entry points of ${packageDir}`);
  return [...reachableImports(entries)].flatMap(([file, packages]) => packages.filter((p) => /^zod(\/|$)/.test(p)).map((p) => `${relative(packageDir, file)} imports ${p}`));
}

test("no published .d.ts imports zod", () => {
  assert.ok(existsSync(join(root, "dist/index.d.ts")), "dist/ is missing: run `npm run build`");
  const entries = entryDeclarations(root);
  assert.ok(entries.some((file) => file.endsWith("dist/index.d.ts")), "the package's types entry is read");
  assert.ok(reachableImports(entries).size > 20, "the walk follows the entry's imports");
  assert.equal(zodImports(root), []);
});

test("the check finds a zod import a few files away from an entry", () => {
  const dir = mkdtempSync(join(tmpdir(), "collapse-sim-types-"));
  try {
    writeFileSync(join(dir, "package.json"), JSON.stringify({ exports: { ".": { types: "./index.d.ts", default: "./index.js" }, "./b": "./b.js" } }));
    writeFileSync(join(dir, "index.d.ts"), `export type { A } from "./a.js";\n`);
    writeFileSync(join(dir, "a.d.ts"), `export type A = import("./deep.js").Deep;\n`);
    writeFileSync(join(dir, "deep.d.ts"), `import type * as z from "zod/mini";\nexport type Deep = z.ZodMiniNumber;\n`);
    writeFileSync(join(dir, "b.d.ts"), `export declare const b: import("zod").ZodType;\n`);
    assert.equal(zodImports(dir).sort(), ["b.d.ts imports zod", "deep.d.ts imports zod/mini"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
