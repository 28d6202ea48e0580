// The prebuilt browser module (dist/browser/collapse-sim.js) as a web developer uses it, in a
// real headless Chromium, from a plain static server with no import map: imported by a page and
// by a module worker, running simulate; and simulateInWorker, which keeps the page responsive,
// streams progress, stops on abort. Every row equals Node's for the same spec, bit for bit.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { browserForTests, launch } from "../helpers/browser.js";
import { serveStatic, type StaticServer } from "../helpers/static-server.js";
import { simulate } from "../../src/index.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url)).replace(/\/$/, "");
const MODULE = "/dist/browser/collapse-sim.js";

/** Specs whose rows carry closed forms (normal CDF, integer powers) as well as simulated metrics. */
const SPECS = [
  {
    scenario: "verified-mixture",
    params: { d: 30, nSynthetic: 400, ridge: 0.5, verifier: { kind: "noisy", phi: 0.8, psi: 0.3 } },
    grid: { "generator.eps": [0.1, 0.3, 0.5, 0.7] },
    generations: 3, seeds: 2, seed: 11,
  },
  {
    scenario: "weak-data",
    params: { prompts: 300, responses: 6, samples: 3 },
    grid: { arm: ["replace-rejected", "filter-only", "no-curation"], expected: [false, true] },
    generations: 6, seeds: 2, seed: 12,
  },
];

/** A study long enough (about a second) to watch the page during it. */
const LONG = { scenario: "weak-data", params: { prompts: 60_000 }, generations: 12, seeds: 2, seed: 13 };

const PAGE = `<!doctype html><meta charset="utf-8"><script type="module">
  import * as lib from "${MODULE}";
  window.lib = lib;
  window.ready = true;
</script>`;

/** A module worker of the page's own: it imports the prebuilt module and runs simulate. */
const USER_WORKER = `import { simulate } from "${MODULE}";
self.onmessage = async (event) => self.postMessage(await simulate(event.data));`;

const chromiumPath = browserForTests();

async function withPage(use: (page: Page, server: StaticServer) => Promise<void>): Promise<void> {
  const server = await serveStatic(ROOT, { "/page.html": PAGE, "/user-worker.js": USER_WORKER });
  const browser = await launch(chromiumPath!);
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${server.url}/page.html`);
    await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true, undefined, { timeout: 20_000 });
    await use(page, server);
    assert.equal(errors, [], "page errors");
  } finally {
    await browser.close();
    await server.close();
  }
}

if (chromiumPath !== undefined) {
  test("a plain page imports the prebuilt module and simulate gives Node's rows, bit for bit", async () => {
    await withPage(async (page) => {
      for (const spec of SPECS) {
        const inBrowser = await page.evaluate((s) => (window as any).lib.simulate(s), spec);
        assert.is(JSON.stringify(inBrowser), JSON.stringify(await simulate(spec)), `${spec.scenario} rows differ between Chromium and Node`);
      }
    });
  });

  test("the reference engine (engine: \"js\") loads on demand beside the prebuilt module and gives Node's rows", async () => {
    await withPage(async (page) => {
      const spec = { ...SPECS[1], engine: "js" };
      const inBrowser = await page.evaluate((s) => (window as any).lib.simulate(s), spec);
      assert.is(JSON.stringify(inBrowser), JSON.stringify(await simulate(spec)));
    });
  });

  test("a module worker imports the prebuilt module and simulate gives Node's rows", async () => {
    await withPage(async (page) => {
      const spec = SPECS[1];
      const inWorker = await page.evaluate((s) => new Promise((resolve, reject) => {
        const worker = new Worker("/user-worker.js", { type: "module" });
        worker.onmessage = (event) => resolve(event.data);
        worker.onerror = (event) => reject(new Error(event.message || "worker failed"));
        worker.postMessage(s);
      }), spec);
      assert.is(JSON.stringify(inWorker), JSON.stringify(await simulate(spec)));
    });
  });

  test("simulateInWorker keeps the page's main thread ticking, streams progress, and gives Node's rows", async () => {
    await withPage(async (page) => {
      // As a string: the test's own compiler names functions with a helper the page does not have.
      const result = await page.evaluate(`(async (s) => {
        let ticks = 0;
        const timer = setInterval(() => ticks++, 10);
        const progress = [];
        const start = performance.now();
        const rows = await window.lib.simulateInWorker(s, { onProgress: (p) => progress.push(p.done) });
        clearInterval(timer);
        return { rows, ticks, ms: performance.now() - start, progress };
      })(${JSON.stringify(LONG)})`) as { rows: unknown; ticks: number; ms: number; progress: number[] };
      assert.is(JSON.stringify(result.rows), JSON.stringify(await simulate(LONG)), "rows");
      assert.equal(result.progress, [1, 2], "progress after each replicate");
      // A 10 ms interval on a free main thread fires about ms / 10 times; a blocked one once.
      assert.ok(result.ms > 300 && result.ticks >= result.ms / 10 / 3, `${result.ticks} ticks in ${result.ms.toFixed(0)} ms`);
    });
  });

  test("simulateInWorker stops on abort, with the signal's reason, and on two workers gives the same rows", async () => {
    await withPage(async (page) => {
      const aborted = await page.evaluate(async (s) => {
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 100);
        const start = performance.now();
        try {
          await (window as any).lib.simulateInWorker({ ...s, generations: 400 }, { signal: controller.signal });
          return "finished";
        } catch (error) {
          return `${(error as Error).name} after ${Math.round(performance.now() - start)} ms`;
        }
      }, LONG);
      assert.match(aborted, /^AbortError after \d+ ms$/);
      assert.ok(Number(/(\d+) ms/.exec(aborted)![1]) < 2000, aborted);
      const spec = SPECS[0];
      const parallel = await page.evaluate((s) => (window as any).lib.simulateInWorker(s, { workers: 2 }), spec);
      assert.is(JSON.stringify(parallel), JSON.stringify(await simulate(spec)));
    });
  });
}

test.run();
