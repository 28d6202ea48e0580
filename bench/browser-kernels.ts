// npm run bench -- browser-kernels
// The kernels in headless Chromium (the playground's benchmark page, bench.html, from a local
// server) against the same kernels in this Node process: ns per element of each, best of several
// rounds, with the ratio Chromium / Node. Both run bench/lib/kernel-timings.ts.
import { fileURLToPath } from "node:url";
import { createEngine } from "../src/index.js";
import { kernelTimings, type KernelTiming } from "./lib/kernel-timings.js";
import { findChromium, launch } from "../test/helpers/browser.js";
import { serveStatic } from "../test/helpers/static-server.js";

const PLAYGROUND = fileURLToPath(new URL("../dist/playground", import.meta.url));

export default async function main(): Promise<void> {
  const chromium = findChromium();
  if (chromium === undefined) {
    console.error("no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)");
    process.exitCode = 1;
    return;
  }
  const server = await serveStatic(PLAYGROUND);
  const browser = await launch(chromium);
  try {
    const tab = await browser.newPage();
    // Alternate, so that a change in the machine's load falls on both.
    const results: Array<{ node: KernelTiming[]; chromium: KernelTiming[] }> = [];
    for (let turn = 0; turn < 2; turn++) {
      await tab.goto(`${server.url}/bench.html?run`);
      await tab.waitForFunction("window.benchResults !== undefined", undefined, { timeout: 120_000 });
      const inChromium = (await tab.evaluate("window.benchResults")) as KernelTiming[];
      const inNode = await kernelTimings(await createEngine("wasm"));
      results.push({ node: inNode, chromium: inChromium });
    }
    const build = (await tab.textContent("#status"))?.replace(/^Done, wasm |\.$/g, "");
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
