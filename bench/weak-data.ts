// npm run bench -- weak-data [--prompts N] [--rounds T] [--no-js] [--no-numpy]
// The weak-data round (filter+hardest, sampling mode) on the wasm engine, on the TypeScript
// reference engine and as a numpy user would write it (bench/peers/weak_data.py), with the
// ratios measured in this one run and the time per prompt-sample beside the machine's
// memory limit (one read+write sweep of the probability table), and what the round's row
// statistics cost alone: their logarithms (entropy), not memory, set most of a round's time.
import { createEngine, resolveParams, CATEGORICAL_STATS_LENGTH, type Engine } from "../src/index.js";
import { scenario as weakData, tableParams, TableModelRun } from "../src/scenarios/weak-data/index.js";
import { runNumpyPeer } from "./lib/numpy-peer.js";
import { roundOptions, secondsOfRounds } from "./lib/rounds.js";

const SETTING = {
  responses: 16,
  samples: 4,
  unsolvable: 0.1,
  accuracyBeta: [1, 3] as [number, number],
  wrongSpread: "dirichlet",
  filter: { kind: "noisy", gamma: 0.1, rho: 0.05 },
  labeler: { beta: 0.5, budget: 0.25 },
  alpha: 0.5,
  epsilon: 0.01,
  arm: "filter+hardest",
};

interface Timing {
  seconds: number;
  accuracy: number;
  labels: number;
  /** Seconds of the row statistics alone on the final table (the fastest of 5). */
  statsSeconds?: number;
}

/**
 * Wall time of `rounds` rounds on each engine from the same initial model (not timed). The
 * engines take turns round by round, so a change in the machine's load falls on all of them.
 */
function timeRounds(engines: Engine[], prompts: number, rounds: number): Timing[] {
  warmUp(engines);
  const params = tableParams(resolveParams(weakData, { ...SETTING, prompts }));
  const runs = engines.map((engine) => new TableModelRun(engine, params, 2026n));
  try {
    const seconds = secondsOfRounds(runs, rounds);
    return runs.map((run, i) => {
      const m = run.metrics();
      return { seconds: seconds[i], accuracy: m.accuracy as number, labels: m.labelsTotal as number, statsSeconds: statsSeconds(run) };
    });
  } finally {
    runs.forEach((run) => run.free());
  }
}

/**
 * Three untimed rounds of a small world on each engine first, so that the timed rounds run
 * optimised code (V8 compiles a wasm function's first calls with its baseline compiler: about
 * 65 ms more in the first round of a fresh process at 10^6 prompts).
 */
function warmUp(engines: Engine[]): void {
  const params = tableParams(resolveParams(weakData, { ...SETTING, prompts: 50_000 }));
  for (const engine of engines) {
    const run = new TableModelRun(engine, params, 1n);
    for (let t = 0; t < 3; t++) run.step();
    run.free();
  }
}

/** The fastest of 5 passes of the row statistics (accuracy, entropy, Gini: what a round adds up) over the run's table. */
function statsSeconds(run: TableModelRun): number {
  const { rows, cols, epsilon } = run.settings;
  const stats = run.engine.f64(CATEGORICAL_STATS_LENGTH);
  try {
    let fastest = Infinity;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      run.engine.categoricalRowStats(run.buffers.table, rows, cols, epsilon, stats);
      fastest = Math.min(fastest, (performance.now() - start) / 1000);
    }
    return fastest;
  } finally {
    stats.free();
  }
}

/** Seconds for one read+write pass over prompts x responses doubles: the memory floor of a round's refit. */
function tableSweep(engine: Engine, entries: number): number {
  const block = engine.f64(entries);
  try {
    engine.scale(1, block);
    const start = performance.now();
    for (let i = 0; i < 5; i++) engine.scale(1, block);
    return (performance.now() - start) / 5000;
  } finally {
    block.free();
  }
}

function numpyPeer(prompts: number, rounds: number): (Timing & { version: string }) | string {
  const { gamma, rho } = SETTING.filter;
  const args = [prompts, SETTING.responses, SETTING.samples, rounds, gamma, rho, SETTING.labeler.beta, SETTING.alpha,
    SETTING.labeler.budget, SETTING.unsolvable, ...SETTING.accuracyBeta, SETTING.epsilon, 2026];
  const result = runNumpyPeer<{ seconds: number; numpy: string; metrics: { accuracy: number } }>("weak_data", args);
  if (typeof result === "string") return result;
  return { seconds: result.seconds, accuracy: result.metrics.accuracy, labels: NaN, version: result.numpy };
}

export default async function main(argv: string[]): Promise<void> {
  const { prompts, rounds, js, numpy } = roundOptions(argv, { prompts: 1_000_000, rounds: 10 });
  const promptSamples = prompts * SETTING.samples * rounds;
  const wasm = await createEngine("wasm");
  console.log(`weak-data, filter+hardest: ${prompts} prompts x ${SETTING.responses} responses, k = ${SETTING.samples}, ${rounds} rounds ` +
    `(gamma ${SETTING.filter.gamma}, rho ${SETTING.filter.rho}, beta ${SETTING.labeler.beta}, budget ${SETTING.labeler.budget}, alpha ${SETTING.alpha})`);

  const sweep = tableSweep(wasm, prompts * SETTING.responses);
  const engines: Array<[string, Engine]> = [[`wasm (${wasm.build})`, wasm]];
  if (js) engines.push(["js reference", await createEngine("js")]);
  const timings = timeRounds(engines.map(([, engine]) => engine), prompts, rounds);
  const results: Array<[string, Timing]> = engines.map(([name], i) => [name, timings[i]]);
  if (numpy) {
    const peer = numpyPeer(prompts, rounds);
    if (typeof peer === "string") console.log(`numpy peer skipped: ${peer}`);
    else results.push([`numpy ${peer.version}`, peer]);
  }

  const wasmSeconds = results[0][1].seconds;
  for (const [name, r] of results) {
    const ratio = r.seconds / wasmSeconds;
    console.log(
      `${name.padEnd(24)} ${(r.seconds * 1000).toFixed(0).padStart(7)} ms  ${((r.seconds * 1e9) / promptSamples).toFixed(2).padStart(7)} ns/prompt-sample` +
        `  ${(r.seconds * 1000 / rounds).toFixed(1).padStart(7)} ms/round  ${ratio === 1 ? "" : `wasm ${ratio.toFixed(1)}x faster`}` +
        `  (accuracy ${r.accuracy.toFixed(4)}${Number.isNaN(r.labels) ? "" : `, labels ${r.labels.toFixed(3)}/prompt`})`,
    );
  }
  console.log(`machine limit: one read+write sweep of the ${((prompts * SETTING.responses * 8) / 2 ** 20).toFixed(0)} MiB table takes ` +
    `${(sweep * 1000).toFixed(1)} ms; a wasm round takes ${(wasmSeconds / rounds / sweep).toFixed(1)} sweeps`);
  const statsMs = (results[0][1].statsSeconds ?? NaN) * 1000;
  console.log(`of a wasm round, the row statistics alone (${prompts * SETTING.responses} entropy terms, each an exact logarithm) take ` +
    `${statsMs.toFixed(1)} ms (${(statsMs / (sweep * 1000)).toFixed(1)} sweeps)`);
}
