// The kernel table is what both implementations are checked against: an implementation that
// departs from it (a kernel missing, an argument missing or extra, one the table does not list)
// does not compile, and the error names the kernel. Checked here with the TypeScript compiler on
// small programs, so that the check itself cannot silently stop working.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { KERNELS } from "../../src/engine/kernel-table.js";
import { referenceKernels } from "../../src/engine/reference/kernels.js";
import { allEngines, label } from "../helpers/engines.js";

const engineDir = fileURLToPath(new URL("../../src/engine/", import.meta.url));

/** The compiler's error messages for a program that checks `implementation` (TypeScript source) against the reference table. */
function errorsOf(implementation: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), "kernel-table-"));
  try {
    const file = join(dir, "check.ts");
    writeFileSync(file, `
      import { matchingTable } from ${JSON.stringify(join(engineDir, "kernel-arguments.js"))};
      import type { ReferenceKernels } from ${JSON.stringify(join(engineDir, "kernel-table.js"))};
      import { referenceKernels } from ${JSON.stringify(join(engineDir, "reference/kernels.js"))};
      const { dot: _dot, ...others } = referenceKernels;
      export const checked = matchingTable<ReferenceKernels>()({ ...others, ${implementation} });
    `);
    const program = ts.createProgram([file], {
      strict: true, noEmit: true, skipLibCheck: true, types: [], target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
    });
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("an implementation that matches the table compiles", () => {
  assert.equal(errorsOf("dot: (x: Float64Array, y: Float64Array, n: number): number => x[0] * y[0] * n"), []);
});

test("a kernel missing, taking an argument too few or too many, or not in the table fails by name", () => {
  const cases: Array<[string, string, RegExp]> = [
    ["missing", "", /'dot'/],
    ["an argument too few", "dot: (x: Float64Array, y: Float64Array): number => x[0] * y[0]", /dot/],
    ["an argument too many", "dot: (x: Float64Array, y: Float64Array, n: number, extra: number): number => n + extra", /dot/],
    ["a wrong result", "dot: (x: Float64Array, y: Float64Array, n: number): void => { void x; void y; void n; }", /dot/],
    ["not in the table", "dot: referenceKernels.dot, dotTwice: (n: number) => 2 * n", /dotTwice/],
  ];
  for (const [what, implementation, names] of cases) {
    const errors = errorsOf(implementation);
    assert.ok(errors.length > 0, `${what}: compiled`);
    assert.ok(errors.some((e) => names.test(e)), `${what}: the error does not name the kernel:\n${errors.join("\n")}`);
  }
});

test("every kernel of the table is implemented by the reference and by every wasm build, and nothing else is", async () => {
  const names = Object.keys(KERNELS).sort();
  assert.equal(Object.keys(referenceKernels).sort(), names);
  for (const engine of await allEngines()) assert.equal(Object.keys(engine.kernels).sort(), names, label(engine));
});

test.run();
