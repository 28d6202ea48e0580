// Writes build/<target>.bytes.js beside each build/<target>.wasm: the module's bytes as base64
// in an ES module, with its .d.ts. The engine imports these, so the wasm travels with the
// JavaScript wherever it goes (Node, a browser page or worker, any bundler, the prebuilt
// browser module) with no file to locate, copy or serve. Run by `npm run build:wasm`.
import { readFileSync, writeFileSync } from "node:fs";

const targets = process.argv.slice(2);
if (targets.length === 0) throw new Error("usage: node scripts/embed-wasm.mjs TARGET...");
for (const target of targets) {
  const base64 = readFileSync(`build/${target}.wasm`).toString("base64");
  writeFileSync(`build/${target}.bytes.js`, `// ${target}.wasm as base64 (scripts/embed-wasm.mjs)\nexport const wasmBase64 = "${base64}";\n`);
  writeFileSync(`build/${target}.bytes.d.ts`, `/** ${target}.wasm as base64. */\nexport declare const wasmBase64: string;\n`);
}
