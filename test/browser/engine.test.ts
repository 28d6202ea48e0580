// The library in headless Chromium gives exactly the numbers Node gives: a fixed-seed random
// stream (normals, uniforms, gamma) and a Cholesky solve, with the SIMD and the scalar builds.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { fileURLToPath } from "node:url";
import { browserForTests, launch } from "../helpers/browser.js";
import { serveStatic } from "../helpers/static-server.js";
import { createEngine } from "../../src/engine/index.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url)).replace(/\/$/, "");

/** The computation as source text, so the page runs exactly what Node runs. */
const WORKLOAD = `async (createEngine, build) => {
  const engine = await createEngine("wasm", { build });
  const rng = engine.stream(20261121n, 3);
  const hex = (block) => Array.from(new Uint8Array(block.view.buffer, block.view.byteOffset, block.view.byteLength),
    (b) => b.toString(16).padStart(2, "0")).join("");
  const normals = engine.f64(5000); engine.fillNormal(rng, normals);
  const uniforms = engine.f64(777); engine.fillUniform(rng, uniforms);
  const gammas = engine.f64(300); engine.fillGamma(rng, gammas, 0.6);
  const d = 40, rows = 120;
  const x = engine.f64(rows * d); engine.fillNormal(rng, x);
  const y = engine.f64(rows); engine.fillNormal(rng, y);
  const g = engine.f64(d * d), b = engine.f64(d);
  engine.gramAccumulate(x, y, rows, d, g, b);
  engine.gramSymmetrize(g, d);
  engine.cholesky(g, d, 0.5);
  engine.choleskySolve(g, d, b);
  return { build: engine.build, normals: hex(normals), uniforms: hex(uniforms), gammas: hex(gammas), solution: hex(b) };
}`;

const PAGE = `<!doctype html><meta charset="utf-8">
<script type="importmap">{ "imports": { "zod/mini": "/node_modules/zod/mini/index.js" } }</script>
<script type="module">
  import { createEngine } from "/dist/index.js";
  const workload = ${WORKLOAD};
  window.runWorkload = (build) => workload(createEngine, build);
  window.ready = true;
</script>`;

type Workload = (create: typeof createEngine, build: string) => Promise<Record<string, string>>;

const chromiumPath = browserForTests();

if (chromiumPath !== undefined) {
  test("a fixed-seed stream and a Cholesky solve are bit-identical in Chromium and Node", async () => {
    const server = await serveStatic(ROOT, { "/engine-page.html": PAGE });
    const browser = await launch(chromiumPath);
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`${server.url}/engine-page.html`);
      await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true, undefined, { timeout: 20_000 });
      const workload = new Function(`return ${WORKLOAD}`)() as Workload;
      for (const build of ["release-simd", "release"]) {
        const inBrowser = await page.evaluate(
          (b) => (window as unknown as { runWorkload: (b: string) => Promise<Record<string, string>> }).runWorkload(b),
          build,
        );
        const inNode = await workload(createEngine, build);
        assert.equal(errors, [], "page errors");
        assert.is(inBrowser.build, build);
        for (const key of ["normals", "uniforms", "gammas", "solution"]) {
          assert.ok(inBrowser[key].length > 0 && inBrowser[key] === inNode[key], `${build} ${key} differ between Chromium and Node`);
        }
      }
    } finally {
      await browser.close();
      await server.close();
    }
  });
}

test.run();
