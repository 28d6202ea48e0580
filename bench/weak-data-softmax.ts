// npm run bench -- weak-data-softmax [--prompts N] [--rounds T] [--no-js] [--no-numpy]
// One round of the weak-data softmax model (filter+hardest, an oracle filter, sampling mode) at
// 10^5 training prompts, K = 16, d = 32, k = 4 and 30 gradient steps: on the wasm engine (with
// its parts: curation, training, the training and held-out probabilities), on the TypeScript
// reference, and as a numpy user would write it (bench/peers/weak_data_softmax.py, on one BLAS
// thread), the ratios measured in this one run. Everything runs on one core.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createEngine, resolveParams, type Engine } from "../src/index.js";
import { scenario as weakData, SoftmaxModelRun, type SoftmaxParams } from "../src/scenarios/weak-data/index.js";

const SETTING = {
  model: "softmax",
  testPrompts: 4000,
  responses: 16,
  features: 32,
  samples: 4,
  filter: { kind: "noisy", gamma: 0, rho: 0 },
  labeler: { beta: 0.5, budget: 0.25 },
  steps: 30,
  learningRate: 1,
  ridge: 0.001,
  initialScale: 8,
  initialAlignment: 0.3,
  arm: "filter+hardest",
};

interface Timing {
  /** Seconds per round. */
  seconds: number;
  testAccuracy: number;
  testTop1: number;
}

/** The parts of a wasm round, in seconds, over `rounds` rounds. */
interface Parts {
  curate: number;
  train: number;
  evaluate: number;
}

/**
 * Seconds per round of `rounds` rounds on each engine from the same world (not timed), the
 * engines taking turns round by round; the first engine's round is also timed by parts.
 */
function timeRounds(engines: Engine[], params: SoftmaxParams, rounds: number): { timings: Timing[]; parts: Parts } {
  const runs = engines.map((engine) => new SoftmaxModelRun(engine, params, 2026n));
  const parts: Parts = { curate: 0, train: 0, evaluate: 0 };
  try {
    const seconds = engines.map(() => 0);
    for (let t = 0; t < rounds; t++) {
      runs.forEach((run, i) => {
        const start = performance.now();
        run.step();
        seconds[i] += (performance.now() - start) / 1000;
      });
    }
    // The parts of one more wasm round, each as the run calls it.
    const [run] = runs;
    const { engine, rng, refit, model, shape, curation } = run;
    const stats = engine.f64(9);
    let at = performance.now();
    engine.curateSoftmaxModel(rng, refit, model, shape, curation, stats);
    parts.curate = (performance.now() - at) / 1000;
    at = performance.now();
    engine.trainSoftmaxModel(model, shape, params);
    parts.train = (performance.now() - at) / 1000;
    at = performance.now();
    engine.softmaxModelRows(model.weights, model.train, shape.rows, shape.cols, shape.features, refit.table, stats);
    engine.softmaxModelRows(model.weights, model.test, shape.testRows, shape.cols, shape.features, model.testTable, stats);
    parts.evaluate = (performance.now() - at) / 1000;
    stats.free();
    const timings = runs.map((r, i) => {
      const m = r.metrics();
      return { seconds: seconds[i] / rounds, testAccuracy: m.testAccuracy as number, testTop1: m.testTop1 as number };
    });
    return { timings, parts };
  } finally {
    runs.forEach((run) => run.free());
  }
}

function numpyPeer(params: SoftmaxParams, rounds: number): (Timing & { version: string }) | string {
  const probe = spawnSync("python3", ["-c", "import numpy"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) return "python3 with numpy is not available";
  const script = fileURLToPath(new URL("./peers/weak_data_softmax.py", import.meta.url));
  const args = [params.prompts, params.testPrompts, params.responses, params.features, params.samples, rounds, params.steps,
    params.learningRate, params.ridge, params.labeler.beta, params.labeler.budget, params.initialScale, params.initialAlignment, 2026];
  // One BLAS thread: the figure is for one core, like the wasm engine's.
  const env = { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };
  const out = spawnSync("python3", [script, ...args.map(String)], { encoding: "utf8", env, maxBuffer: 1 << 20 });
  if (out.status !== 0) return `the numpy peer failed: ${out.stderr.trim().split("\n").pop()}`;
  const result = JSON.parse(out.stdout);
  return { seconds: result.seconds, testAccuracy: result.metrics.testAccuracy, testTop1: result.metrics.testTop1, version: result.numpy };
}

export default async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      prompts: { type: "string", default: "100000" },
      rounds: { type: "string", default: "3" },
      "no-js": { type: "boolean", default: false },
      "no-numpy": { type: "boolean", default: false },
    },
  });
  const rounds = Number(values.rounds);
  const params = resolveParams(weakData, { ...SETTING, prompts: Number(values.prompts) }) as SoftmaxParams;
  const wasm = await createEngine("wasm");
  console.log(`weak-data softmax model, filter+hardest: ${params.prompts} prompts (${params.testPrompts} held out), K = ${params.responses}, ` +
    `d = ${params.features}, k = ${params.samples}, ${params.steps} steps a round; seconds per round over ${rounds} rounds, one core`);
  const engines: Array<[string, Engine]> = [[`wasm (${wasm.build})`, wasm]];
  if (!values["no-js"]) engines.push(["js reference", await createEngine("js")]);
  const { timings, parts } = timeRounds(engines.map(([, engine]) => engine), params, rounds);
  const results: Array<[string, Timing]> = engines.map(([name], i) => [name, timings[i]]);
  if (!values["no-numpy"]) {
    const peer = numpyPeer(params, rounds);
    if (typeof peer === "string") console.log(`numpy peer skipped: ${peer}`);
    else results.push([`numpy ${peer.version} (1 thread)`, peer]);
  }
  const wasmSeconds = results[0][1].seconds;
  for (const [name, r] of results) {
    const ratio = r.seconds / wasmSeconds;
    console.log(
      `${name.padEnd(28)} ${(r.seconds * 1000).toFixed(0).padStart(7)} ms/round  ${ratio === 1 ? "" : `wasm ${ratio.toFixed(1)}x faster`}` +
        `  (held out after ${rounds} rounds: accuracy ${r.testAccuracy.toFixed(4)}, top-1 ${r.testTop1.toFixed(4)})`,
    );
  }
  const steps = params.steps * params.prompts;
  console.log(`wasm round by parts: curation ${(parts.curate * 1000).toFixed(0)} ms, ${params.steps} gradient steps ${(parts.train * 1000).toFixed(0)} ms ` +
    `(${((parts.train * 1e9) / steps).toFixed(0)} ns per prompt and step), probabilities ${(parts.evaluate * 1000).toFixed(0)} ms`);
}
