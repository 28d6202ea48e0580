// npm run bench -- browser-kernels
// The kernels in headless Chromium (the prebuilt browser module, from a local server) against
// the same kernels in this Node process: ns per element of each, best of several rounds, with
// the ratio Chromium / Node. The same timing code, as source text, runs in both.
import { fileURLToPath } from "node:url";
import { createEngine } from "../src/index.js";
import { findChromium, launch } from "../test/helpers/browser.js";
import { serveStatic } from "../test/helpers/static-server.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url)).replace(/\/$/, "");

/** The workloads and their timing, as source: (engine) => [{ name, ns }]. */
const TIMINGS = `async (engine) => {
  const rng = engine.stream(7);
  const best = (run, elements) => {
    let ns = Infinity;
    for (let round = 0; round < 7; round++) {
      let calls = 0;
      const start = performance.now();
      do { run(); calls++; } while (performance.now() - start < 60);
      ns = Math.min(ns, ((performance.now() - start) * 1e6) / (calls * elements));
    }
    return ns;
  };
  const out = engine.f64(65536), x = engine.f64(65536), y = engine.f64(65536);
  engine.fillNormal(rng, x);
  engine.fillNormal(rng, y);
  const d = 100, rows = 328, xs = engine.f64(rows * d), ys = engine.f64(rows), g = engine.f64(d * d), b = engine.f64(d);
  engine.fillNormal(rng, xs);
  engine.fillNormal(rng, ys);
  const n = 200, m = engine.f64(n * n), spd = new Float64Array(n * n), a = engine.f64(n * n);
  engine.fillNormal(rng, m);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) {
    let s = i === j ? n : 0;
    for (let k = 0; k < n; k++) s += m.view[i * n + k] * m.view[j * n + k];
    spd[i * n + j] = spd[j * n + i] = s;
  }
  return [
    { name: "normal (draw)", ns: best(() => engine.fillNormal(rng, out), 65536) },
    { name: "uniform (draw)", ns: best(() => engine.fillUniform(rng, out), 65536) },
    { name: "dot (entry)", ns: best(() => engine.dot(x, y), 65536) },
    { name: "axpy (entry)", ns: best(() => engine.axpy(1e-9, x, y), 65536) },
    { name: "gram d=100 (row)", ns: best(() => engine.gramAccumulate(xs, ys, rows, d, g, b), rows) },
    { name: "cholesky d=200 (entry)", ns: best(() => { a.set(spd); engine.cholesky(a, n, 0); }, n * n) },
  ];
}`;

type Timing = { name: string; ns: number };

export default async function main(): Promise<void> {
  const chromium = findChromium();
  if (chromium === undefined) {
    console.error("no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)");
    process.exitCode = 1;
    return;
  }
  const page = `<!doctype html><script type="module">import * as lib from "/dist/browser/collapse-sim.js"; window.lib = lib; window.ready = true;</script>`;
  const server = await serveStatic(ROOT, { "/bench.html": page });
  const browser = await launch(chromium);
  try {
    const tab = await browser.newPage();
    await tab.goto(`${server.url}/bench.html`);
    await tab.waitForFunction("window.ready === true");
    const timings = new Function(`return ${TIMINGS}`)() as (engine: unknown) => Promise<Timing[]>;
    // Alternate, so that a change in the machine's load falls on both.
    const results: Array<{ node: Timing[]; chromium: Timing[] }> = [];
    for (let turn = 0; turn < 2; turn++) {
      const inChromium = (await tab.evaluate(`(async () => { const t = ${TIMINGS}; return t(await window.lib.createEngine("wasm")); })()`)) as Timing[];
      const inNode = await timings(await createEngine("wasm"));
      results.push({ node: inNode, chromium: inChromium });
    }
    const build = await tab.evaluate("window.lib.simdSupported() ? 'release-simd' : 'release'");
    console.log(`kernels, wasm ${build}: ns per element, best of 7 rounds x 2 turns; Chromium ${await browser.version()}, Node ${process.version}`);
    console.log(`${"kernel".padEnd(24)} ${"node ns".padStart(9)} ${"chromium ns".padStart(12)}  chromium/node`);
    for (let k = 0; k < results[0].node.length; k++) {
      const node = Math.min(...results.map((r) => r.node[k].ns));
      const chromiumNs = Math.min(...results.map((r) => r.chromium[k].ns));
      console.log(`${results[0].node[k].name.padEnd(24)} ${node.toFixed(3).padStart(9)} ${chromiumNs.toFixed(3).padStart(12)}  ${(chromiumNs / node).toFixed(2)}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
