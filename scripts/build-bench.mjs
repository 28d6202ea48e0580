// The benchmarks of the installed CLI (collapse-sim bench, npm run build:ts after tsc): every
// bench/*.ts and bench/lib/*.ts transpiled one to one into dist/bench/, their imports of src/
// pointed at dist/ (the same modules the CLI runs, so the same registry and worker files), and
// the numpy peers copied beside them. Left in the checkout: main.ts (npm run bench's dispatcher
// under tsx) and browser-kernels.ts (it drives Chromium with the test helpers).
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transform } from "esbuild";

const CHECKOUT_ONLY = new Set(["main.ts", "browser-kernels.ts"]);

for (const folder of ["bench", "bench/lib"]) {
  const out = join("dist", folder);
  mkdirSync(out, { recursive: true });
  for (const file of readdirSync(folder).filter((name) => name.endsWith(".ts") && !CHECKOUT_ONLY.has(name))) {
    const { code } = await transform(readFileSync(join(folder, file), "utf8"), { loader: "ts", format: "esm", target: "node20" });
    // bench/x.ts imports "../src/a.js", which is dist/a.js from dist/bench/x.js (and likewise one folder down).
    const pointed = code.replace(/(["'])((?:\.\.\/)+)src\//g, "$1$2");
    writeFileSync(join(out, file.replace(/\.ts$/, ".js")), pointed);
  }
}
cpSync("bench/peers", "dist/bench/peers", { recursive: true });
