// npm run bench -- curated-choice [--support M] [--samples N] [--choices K] [--rounds T] [--no-js] [--no-numpy]
// Rounds of curated-choice under replace (K-choice curation of N samples over M atoms, the refit,
// the metrics and the conditional columns through the exact curation map) on the wasm engine, on
// the TypeScript reference and as a numpy user would write it (bench/peers/curated_choice.py),
// the engines taking turns round by round (after one untimed round each) and the ratios measured
// in this one run. The curated draws are also timed alone.
import { parseArgs } from "node:util";
import { createEngine, resolveParams, type Engine } from "../src/index.js";
import { scenario, CurationRun, theory, rewardsOf, type Params } from "../src/scenarios/curated-choice/index.js";
import { runNumpyPeer } from "./lib/numpy-peer.js";
import { secondsOfRounds } from "./lib/rounds.js";

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      support: { type: "string", default: "4096" },
      samples: { type: "string", default: "100000" },
      choices: { type: "string", default: "16" },
      rounds: { type: "string", default: "6" },
      "no-js": { type: "boolean", default: false },
      "no-numpy": { type: "boolean", default: false },
    },
  });
  return {
    support: Number(values.support), samples: Number(values.samples), choices: Number(values.choices), rounds: Number(values.rounds),
    js: !values["no-js"], numpy: !values["no-numpy"],
  };
}

function timeRounds(engines: Engine[], params: Params, rounds: number): number[] {
  const runs = engines.map((engine) => ({ rng: engine.stream(2026), engine, t: 0, run: null as CurationRun | null }));
  try {
    for (const r of runs) r.run = new CurationRun(r.engine, params, r.rng);
    const steppers = runs.map((r) => ({ step: () => (r.run!.step(++r.t), r.run!.metrics()) }));
    secondsOfRounds(steppers, 1);
    return secondsOfRounds(steppers, rounds);
  } finally {
    runs.forEach((r) => (r.run?.free(), r.rng.free()));
  }
}

/** Seconds of the curated draws alone (one call of N samples), best of three. */
function drawSeconds(engine: Engine, params: Params): number {
  const p0 = theory.baseOf(params.support, params.base), w = theory.weightsOf(rewardsOf(params), params.rewardScale);
  const [p, wb, counts] = [engine.f64(params.support), engine.f64(params.support), engine.f64(params.support)];
  p.view.set(p0);
  wb.view.set(w);
  const rng = engine.stream(7);
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    engine.curatedCounts(rng, p, wb, params.choices as number, params.samples, counts);
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  [p, wb, counts].forEach((b) => b.free());
  rng.free();
  return best;
}

export default async function main(argv: string[]): Promise<void> {
  const o = options(argv);
  const params = resolveParams(scenario, { support: o.support, samples: o.samples, choices: o.choices });
  console.log(`curated-choice, replace: M = ${o.support} atoms (Zipf 1, reward linear 0..2), N = ${o.samples} samples a round, K = ${o.choices}, ${o.rounds} rounds`);
  const wasm = await createEngine("wasm");
  const engines: Array<[string, Engine]> = [[`wasm (${wasm.build})`, wasm]];
  if (o.js) engines.push(["js reference", await createEngine("js")]);
  const seconds = timeRounds(engines.map(([, e]) => e), params, o.rounds);
  const rows: Array<[string, number, number | null]> = engines.map(([name, engine], i) => [name, seconds[i], drawSeconds(engine, params)]);
  if (o.numpy) {
    const peer = runNumpyPeer<{ seconds: number; numpy: string }>("curated_choice", [o.support, o.samples, o.choices, o.rounds, 2026]);
    if (typeof peer === "string") console.log(`numpy peer skipped: ${peer}`);
    else rows.push([`numpy ${peer.numpy}`, peer.seconds, null]);
  }
  const wasmSeconds = rows[0][1];
  for (const [name, s, draws] of rows) {
    console.log(
      `${name.padEnd(22)} ${((s * 1000) / o.rounds).toFixed(1).padStart(7)} ms/round${name === rows[0][0] ? "" : ` (wasm ${(s / wasmSeconds).toFixed(1)}x faster)`}` +
        (draws === null ? "" : `  curated draws alone ${(draws * 1000).toFixed(1)} ms (${((draws * 1e9) / (o.samples * o.choices)).toFixed(1)} ns per candidate)`),
    );
  }
}
