// The playground (dist/playground/, as npm run build leaves it) in a real headless Chromium,
// served as a static folder, driven as a user drives it: controls changed by typing and
// choosing, Run clicked or pressed, the rows downloaded. They equal the CLI's rows for the spec
// the page's address holds, byte for byte, and again after a reload of that address. A preset
// loads with its source and draws its markers; a bad value is shown at its parameter. Stop
// stops a long run, progress shows, the keyboard alone runs a study. Prints (does not assert)
// the time to interactive and to the first point of a verified-mixture cell.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { browserForTests, launch } from "../helpers/browser.js";
import { root, scratchDir } from "../helpers/study-dirs.js";
import { staticServer } from "../../src/cli/static-server.js";
import { presets, resolveStudy } from "../../src/index.js";

const PLAYGROUND = join(root, "dist/playground");
const CLI = join(root, "dist/cli/main.js");

const chromiumPath = browserForTests();

/** The spec in a page's address (#...&spec=JSON). */
function specOf(url: string): unknown {
  const text = new URLSearchParams(new URL(url).hash.slice(1)).get("spec");
  assert.ok(text, `no spec in ${url}`);
  return JSON.parse(text);
}

/** The CLI's rows for a spec, as `collapse-sim run spec.json --format FORMAT` writes them. */
function cliRows(spec: unknown, format: "jsonl" | "csv"): string {
  const dir = scratchDir("playground-spec");
  try {
    writeFileSync(join(dir, "spec.json"), JSON.stringify(spec));
    return execFileSync(process.execPath, [CLI, "run", join(dir, "spec.json"), "--format", format, "--workers", "1", "--quiet"], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The file a download link of the page gives. */
async function download(page: Page, text: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: text }).click()]);
  return readFileSync((await file.path())!, "utf8");
}

async function finished(page: Page): Promise<string> {
  await page.waitForFunction(() => /^(Done|Stopped|Failed)/.test(document.getElementById("status")!.textContent ?? ""), undefined, { timeout: 120_000 });
  return (await page.textContent("#status"))!;
}

const hashOf = (spec: unknown) => `#spec=${encodeURIComponent(JSON.stringify(spec))}`;

let browser: Browser;
let base: string;
let close: () => Promise<void>;

/** A fresh page at `address` (relative to the playground), ready to use; page errors fail the test. */
async function open(address: string, use: (page: Page) => Promise<void>): Promise<void> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  try {
    await page.goto(`${base}/${address}`);
    await page.waitForSelector("body[data-ready]", { timeout: 20_000 });
    await use(page);
    assert.equal(errors, [], "page errors");
  } finally {
    await page.close();
  }
}

if (chromiumPath !== undefined) {
  test.before(async () => {
    const server = staticServer(PLAYGROUND);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
    browser = await launch(chromiumPath);
  });

  test.after(async () => {
    await browser?.close();
    await close?.();
  });

  test("controls changed, run: the downloaded rows are the CLI's for the address's spec; a reload gives them again", async () => {
    await open("index.html", async (page) => {
      await page.fill('input[name="d"]', "40");
      await page.fill('input[name="nSynthetic"]', "500");
      await page.selectOption('select[name="verifier.kind"]', { label: "linear" });
      await page.fill('input[name="verifier.angle"]', "30");
      await page.selectOption('select[name="grid-key-1"]', "generator.eps");
      await page.fill('input[name="grid-values-1"]', "0.1, 0.4");
      await page.fill("#generations", "2");
      await page.fill("#seeds", "3");
      await page.click("#run");
      assert.match(await finished(page), /^Done: 6 replicates/);
      const url = page.url();
      const spec = specOf(url);
      assert.equal(spec, {
        scenario: "verified-mixture",
        params: { d: 40, mu: 1, nSynthetic: 500, nReal: 0, ridge: 1, generator: { kind: "flip" }, verifier: { kind: "linear", angle: 30, margin: 0 }, method: "auto",
          learner: "ridge", selection: { kind: "filter" } },
        grid: { "generator.eps": [0.1, 0.4] },
        generations: 2, seeds: 3, seed: 0, engine: "wasm",
      });
      const jsonl = await download(page, "Rows (JSONL)");
      assert.is(jsonl, cliRows(spec, "jsonl"), "JSONL rows");
      assert.is(await download(page, "Rows (CSV)"), cliRows(spec, "csv"), "CSV rows");
      assert.equal(JSON.parse(await download(page, "Spec (JSON)")), spec);
      // What the page shows: a point per eps and generation, and the table of the means.
      assert.is(await page.getAttribute("svg.chart", "data-points"), "6");
      assert.is(await page.locator("#table tbody tr").count(), 6);

      await page.reload();
      await page.waitForSelector("body[data-ready]");
      assert.is(page.url(), url, "the form writes back the address it read");
      await page.click("#run");
      assert.match(await finished(page), /^Done/);
      assert.is(await download(page, "Rows (JSONL)"), jsonl, "the same rows after a reload");
    });
  });

  test("a preset loads its full spec, title and source; its chart has the theory and the breakdown point marked", async () => {
    await open("index.html", async (page) => {
      await page.selectOption("#preset", "feng-phase-transition");
      const preset = presets.find((p) => p.name === "feng-phase-transition")!;
      assert.match((await page.textContent("#about"))!, preset.title);
      assert.match((await page.textContent("#about"))!, "arXiv:2406.07515");
      const keys = (spec: unknown) => resolveStudy(spec).cells.map((cell) => cell.key);
      assert.equal(keys(specOf(page.url())), keys(preset.spec), "the address holds the preset's study");
      // A lighter run of the same shape: one seed, the smallest m.
      await page.fill('input[name="grid-values-1"]', "100");
      await page.fill("#seeds", "1");
      await page.click("#run");
      assert.match(await finished(page), /^Done: 21 replicates/);
      assert.is(await page.getAttribute("svg.chart", "data-points"), "21");
      assert.ok(await page.locator("svg.chart path.theory").count() > 0, "the closed form is drawn");
      assert.equal(await page.locator("svg.chart .marker-label").allTextContents(), ["eps* = 0.727", "Bayes Phi(mu)", "Phi(-mu)"]);
      assert.match((await page.textContent("#legend"))!, "95% confidence interval, mean ± t(0.975, n − 1) standard errors");
    });
  });

  test("the softmax model chosen shows its parameters and hides the table model's; the rows are the CLI's", async () => {
    await open(`index.html${hashOf({ scenario: "weak-data" })}`, async (page) => {
      const shown = (name: string) => page.isVisible(`[data-param="${name}"]`);
      assert.ok(await shown("unsolvable"));
      assert.not.ok(await shown("features"));
      await page.selectOption('select[name="model"]', { label: "softmax" });
      assert.not.ok(await shown("unsolvable"), "a table model parameter hidden");
      assert.not.ok(await shown("alpha"));
      assert.ok(await shown("features"), "a softmax model parameter shown");
      await page.fill('input[name="prompts"]', "300");
      await page.fill('input[name="testPrompts"]', "100");
      await page.fill('input[name="features"]', "5");
      await page.fill('input[name="steps"]', "3");
      await page.fill("#generations", "2");
      await page.fill("#seeds", "2");
      await page.click("#run");
      assert.match(await finished(page), /^Done: 2 replicates/);
      const spec = specOf(page.url()) as { params: Record<string, unknown> };
      assert.is(spec.params.model, "softmax");
      for (const key of ["unsolvable", "accuracyBeta", "wrongSpread", "alpha", "expected", "epsilon"]) assert.not.ok(key in spec.params, key);
      assert.is(await download(page, "Rows (JSONL)"), cliRows(spec, "jsonl"), "JSONL rows");
    });
  });

  test("a bad value is shown at its parameter, with what is allowed, and nothing runs", async () => {
    await open("index.html", async (page) => {
      await page.fill('input[name="generator.eps"]', "1.5");
      await page.click("#run");
      const error = page.locator('[data-param="generator.eps"] > .error');
      assert.is(await error.textContent(), "out of range (got 1.5); allowed: a number in [0, 1]");
      assert.is(await page.getAttribute('input[name="generator.eps"]', "aria-invalid"), "true");
      assert.match((await page.textContent("#issues"))!, "params.generator.eps: out of range (got 1.5)");
      assert.is(await page.textContent("#status"), "");
      assert.is(await page.evaluate(() => document.activeElement?.id), "issues");
    });
  });

  test("Stop stops a long run, with its progress shown; the downloads hold the finished replicates", async () => {
    const spec = { scenario: "weak-data", params: { prompts: 20_000 }, generations: 30, seeds: 100, seed: 5 };
    await open(`index.html${hashOf(spec)}`, async (page) => {
      await page.click("#run");
      await page.waitForFunction(() => /^[1-9]\d* \/ 100 replicates$/.test(document.getElementById("progress-text")!.textContent ?? ""));
      assert.is(await page.getAttribute("#progress", "max"), "100");
      await page.click("#stop");
      const status = await finished(page);
      const done = Number(/^Stopped after (\d+) of 100 replicates/.exec(status)?.[1]);
      assert.ok(done >= 1 && done < 100, status);
      assert.ok(await page.isDisabled("#stop"));
      const rows = (await download(page, "Rows (JSONL)")).trim().split("\n").map((line) => JSON.parse(line) as { replicate: number; generation: number });
      assert.is(rows.length, done * 31);
      assert.is(new Set(rows.map((row) => row.replicate)).size, done);
    });
  });

  test("the keyboard alone runs a study: Enter in a field, and Tab to Run then Enter", async () => {
    const spec = { scenario: "weak-data", params: { prompts: 500 }, grid: { arm: ["filter-only", "replace-rejected"] }, generations: 5, seeds: 2 };
    await open(`index.html${hashOf(spec)}`, async (page) => {
      await page.focus("#seeds");
      await page.keyboard.press("Enter");
      assert.match(await finished(page), /^Done: 4 replicates/);
      await page.evaluate(() => (document.getElementById("status")!.textContent = ""));
      await page.focus("#engine");
      await page.keyboard.press("Tab");
      assert.is(await page.evaluate(() => document.activeElement?.id), "run", "Run follows the last field");
      await page.keyboard.press("Enter");
      assert.match(await finished(page), /^Done: 4 replicates/);
    });
  });

  test("the benchmark page, linked from the playground, times every kernel in the browser with the command line's code", async () => {
    await open("index.html", async (page) => {
      await page.getByRole("link", { name: "Benchmark this browser" }).click();
      await page.waitForSelector("body[data-ready]");
      assert.match((await page.textContent("#machine"))!, /^\d+ logical cores; wasm build release/);
      await page.goto(`${base}/bench.html?quick`);
      await page.waitForSelector("body[data-ready]");
      await page.click("#run");
      await page.waitForFunction(() => window.benchResults !== undefined, undefined, { timeout: 60_000 });
      const results = (await page.evaluate(() => window.benchResults)) as Array<{ name: string; ns: number }>;
      assert.equal(results.map((r) => r.name), ["normal (draw)", "uniform (draw)", "dot (entry)", "axpy (entry)", "gram d=100 (row)", "cholesky d=200 (entry)"]);
      assert.ok(results.every((r) => r.ns > 0 && Number.isFinite(r.ns)), "every figure a time");
      assert.is(await page.locator("#timings tbody tr").count(), 6);
    });
  });

  test("timings (printed, not asserted): time to interactive, and to the first point of verified-mixture at d = 100, m = 1e4", async () => {
    const spec = { scenario: "verified-mixture", params: { d: 100, nSynthetic: 10_000 }, generations: 1, seeds: 10 };
    await open(`index.html${hashOf(spec)}`, async (page) => {
      const mark = (name: string) => page.evaluate((n) => performance.getEntriesByName(n).at(-1)!.startTime, name);
      const interactive = await mark("playground-interactive");
      const firstPoint = async () => {
        await page.click("#run");
        assert.match(await finished(page), /^Done: 10 replicates/);
        return (await mark("playground-first-point")) - (await mark("playground-run-start"));
      };
      const cold = await firstPoint();
      const warm = await firstPoint();
      // Written, not console.logged: console checks colours, and warns of the runner's NO_COLOR beside FORCE_COLOR.
      process.stdout.write(`\nplayground: interactive ${interactive.toFixed(0)} ms after navigation; first point ${cold.toFixed(0)} ms after Run ` +
        `(first run: worker start, module and wasm), ${warm.toFixed(0)} ms on a second run\n`);
    });
  });
}

test.run();
