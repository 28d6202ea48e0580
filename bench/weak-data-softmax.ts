// npm run bench -- weak-data-softmax [--prompts N] [--rounds T] [--no-js] [--no-numpy]
// One round of the weak-data softmax model (filter+hardest, an oracle filter, sampling mode) at
// 10^5 training prompts, K = 16, d = 32, k = 4 and 30 gradient steps: on the wasm engine (with
// its parts: curation, training, the training and held-out probabilities), on the TypeScript
// reference, and as a numpy user would write it (bench/peers/weak_data_softmax.py, on one BLAS
// thread), the ratios measured in this one run. Everything runs on one core.
import { createEngine, resolveParams, type Engine } from "../src/index.js";
import { scenario as weakData, SoftmaxModelRun, type SoftmaxParams } from "../src/scenarios/weak-data/index.js";
import { aminGeneralization } from "../src/presets/amin-generalization.js";
import { ONE_BLAS_THREAD, runNumpyPeer } from "./lib/numpy-peer.js";
import { roundOptions, secondsOfRounds } from "./lib/rounds.js";

// amin-generalization's setting (an oracle filter, budget 0.25, 30 steps at learning rate 1), larger.
const SETTING = {
  ...aminGeneralization.spec.params,
  responses: 16,
  features: 32,
  labeler: { beta: 0.5, budget: 0.25 },
  initialScale: 8,
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
    const seconds = secondsOfRounds(runs, rounds);
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
  const args = [params.prompts, params.testPrompts, params.responses, params.features, params.samples, rounds, params.steps,
    params.learningRate, params.ridge, params.labeler.beta, params.labeler.budget, params.initialScale, params.initialAlignment, 2026];
  // The figure is for one core, like the wasm engine's.
  const result = runNumpyPeer<{ seconds: number; numpy: string; metrics: { testAccuracy: number; testTop1: number } }>("weak_data_softmax", args, ONE_BLAS_THREAD);
  if (typeof result === "string") return result;
  return { seconds: result.seconds, testAccuracy: result.metrics.testAccuracy, testTop1: result.metrics.testTop1, version: result.numpy };
}

export default async function main(argv: string[]): Promise<void> {
  const { prompts, rounds, js, numpy } = roundOptions(argv, { prompts: 100_000, rounds: 3 });
  const params = resolveParams(weakData, { ...SETTING, prompts }) as SoftmaxParams;
  const wasm = await createEngine("wasm");
  console.log(`weak-data softmax model, filter+hardest: ${params.prompts} prompts (${params.testPrompts} held out), K = ${params.responses}, ` +
    `d = ${params.features}, k = ${params.samples}, ${params.steps} steps a round; seconds per round over ${rounds} rounds, one core`);
  const engines: Array<[string, Engine]> = [[`wasm (${wasm.build})`, wasm]];
  if (js) engines.push(["js reference", await createEngine("js")]);
  const { timings, parts } = timeRounds(engines.map(([, engine]) => engine), params, rounds);
  const results: Array<[string, Timing]> = engines.map(([name], i) => [name, timings[i]]);
  if (numpy) {
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
