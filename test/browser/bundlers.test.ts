// A web developer's tiny app that depends on collapse-sim, bundled by esbuild and by Vite with
// no set-up and no files copied by hand, runs simulateInWorker in headless Chromium and gets
// Node's rows. The app finds the package as an installed dependency does (node_modules/collapse-sim,
// here a link to this repository, resolved through the package's exports).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build as esbuild } from "esbuild";
import { build as vite } from "vite";
import { browserForTests, launch } from "../helpers/browser.js";
import { serveStatic } from "../helpers/static-server.js";
import { scratchDir } from "../helpers/study-dirs.js";
import { simulate } from "../../src/index.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url)).replace(/\/$/, "");
const SPEC = { scenario: "weak-data", params: { prompts: 400, responses: 6 }, grid: { arm: ["replace-rejected", "filter-only"] }, generations: 4, seeds: 2, seed: 21 };

const HTML = `<!doctype html><meta charset="utf-8"><script type="module" src="./main.js"></script>`;

/** Runs `use` on an app folder with collapse-sim installed (linked) and the given files, removed afterwards. */
async function withApp(name: string, files: Record<string, string>, use: (dir: string) => Promise<void>): Promise<void> {
  const dir = scratchDir(`bundler-${name}`);
  try {
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(ROOT, join(dir, "node_modules/collapse-sim"), "dir");
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
    await use(dir);
  } finally {
    // Removes the link, not the repository it points to.
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Serves `dir`, loads its index.html, runs window.run(SPEC) and returns the rows. */
async function runInChromium(dir: string, page = "/index.html"): Promise<unknown> {
  const server = await serveStatic(dir);
  const browser = await launch(chromiumPath!);
  try {
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on("pageerror", (error) => errors.push(error.message));
    await tab.goto(`${server.url}${page}`);
    await tab.waitForFunction(() => (window as unknown as { run?: unknown }).run !== undefined, undefined, { timeout: 20_000 });
    const rows = await tab.evaluate((spec) => (window as unknown as { run(s: unknown): Promise<unknown> }).run(spec), SPEC);
    assert.equal(errors, [], "page errors");
    return rows;
  } finally {
    await browser.close();
    await server.close();
  }
}

const chromiumPath = browserForTests();

if (chromiumPath !== undefined) {
  test("esbuild: the app's worker module is the package's ./worker export, passed to simulateInWorker", async () => {
    // esbuild leaves new Worker(new URL(...)) alone, so the app bundles the worker as an entry of its own.
    const files = {
      "main.js": `import { simulateInWorker } from "collapse-sim";
window.run = (spec) => simulateInWorker(spec, { worker: () => new Worker(new URL("./worker.js", import.meta.url), { type: "module" }) });`,
      "worker.js": `import "collapse-sim/worker";`,
      "index.html": HTML.replace("./main.js", "./out/main.js"),
    };
    await withApp("esbuild", files, async (dir) => {
      await esbuild({
        absWorkingDir: dir, entryPoints: ["main.js", "worker.js"], outdir: "out", bundle: true, format: "esm", platform: "browser", logLevel: "error",
      });
      assert.is(JSON.stringify(await runInChromium(dir)), JSON.stringify(await simulate(SPEC)));
    });
  });

  test("Vite: simulateInWorker(spec) as is, its worker and wasm bundled by Vite", async () => {
    const files = {
      "main.js": `import { simulateInWorker } from "collapse-sim";
window.run = (spec) => simulateInWorker(spec);`,
      "index.html": HTML,
    };
    await withApp("vite", files, async (dir) => {
      await vite({ root: dir, logLevel: "error", configFile: false, build: { outDir: join(dir, "out"), emptyOutDir: true } });
      assert.is(JSON.stringify(await runInChromium(join(dir, "out"))), JSON.stringify(await simulate(SPEC)));
    });
  });
}

test.run();
