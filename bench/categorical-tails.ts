// npm run bench -- categorical-tails [--support K] [--samples N] [--rounds T] [--topP P] [--temperature T] [--no-js] [--no-numpy]
// Rounds of categorical-tails under replace (the transform, the multinomial counts, the refit,
// the metrics and the conditional columns) on the wasm engine, on the TypeScript reference and
// as a numpy user would write it (bench/peers/categorical_tails.py, rng.multinomial), the engines
// taking turns round by round and the ratios measured in this one run. Round 1 is timed apart:
// it is the only one with the whole support alive; a single round is at the mercy of the
// machine, so its figure is the median of FIRST_ROUNDS fresh replicates (the numpy peer's, of
// FIRST_ROUNDS runs). Each engine first runs two untimed rounds.
import { parseArgs } from "node:util";
import { createEngine, resolveParams, type Engine } from "../src/index.js";
import { scenario, TailsRun, type Params } from "../src/scenarios/categorical-tails/index.js";
import { runNumpyPeer } from "./lib/numpy-peer.js";

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      support: { type: "string", default: String(2 ** 20) },
      samples: { type: "string", default: "1000000" },
      rounds: { type: "string", default: "10" },
      topP: { type: "string", default: "1" },
      temperature: { type: "string", default: "1" },
      "no-js": { type: "boolean", default: false },
      "no-numpy": { type: "boolean", default: false },
    },
  });
  return {
    support: Number(values.support), samples: Number(values.samples), rounds: Number(values.rounds),
    topP: Number(values.topP), temperature: Number(values.temperature), js: !values["no-js"], numpy: !values["no-numpy"],
  };
}

/** Two untimed rounds on each engine first, so that the timed ones run compiled wasm (V8 compiles a function's first calls with its baseline compiler). */
function warmUp(engines: Engine[], params: Params): void {
  for (const engine of engines) {
    const rng = engine.stream(1);
    const run = new TailsRun(engine, params, rng);
    run.step(1);
    run.step(2);
    run.metrics();
    run.free();
    rng.free();
  }
}

/** How many fresh replicates (numpy runs) round 1's median is taken over. */
const FIRST_ROUNDS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** One round of `run` (its metrics included), in seconds. */
function secondsOfStep(run: { step(t: number): unknown; metrics(): unknown }, t: number): number {
  const start = performance.now();
  run.step(t);
  run.metrics();
  return (performance.now() - start) / 1000;
}

/**
 * Seconds of round 1 (the median over FIRST_ROUNDS fresh replicates), and of rounds 2..rounds of
 * one replicate, on each engine, the engines taking turns.
 */
function timeRounds(engines: Engine[], params: Params, rounds: number): { first: number[]; rest: number[]; support: number[] } {
  warmUp(engines, params);
  const firsts: number[][] = engines.map(() => []);
  const runs = engines.map((engine) => {
    const rng = engine.stream(2026);
    return { rng, run: new TailsRun(engine, params, rng) };
  });
  try {
    runs.forEach((r, i) => firsts[i].push(secondsOfStep(r.run, 1)));
    for (let replicate = 1; replicate < FIRST_ROUNDS; replicate++) {
      engines.forEach((engine, i) => {
        const rng = engine.stream(2026 + replicate), run = new TailsRun(engine, params, rng);
        firsts[i].push(secondsOfStep(run, 1));
        run.free();
        rng.free();
      });
    }
    const rest = runs.map(() => 0);
    for (let t = 2; t <= rounds; t++) runs.forEach((r, i) => (rest[i] += secondsOfStep(r.run, t)));
    return { first: firsts.map(median), rest, support: runs.map((r) => r.run.metrics().supportSize as number) };
  } finally {
    runs.forEach((r) => (r.run.free(), r.rng.free()));
  }
}

export default async function main(argv: string[]): Promise<void> {
  const o = options(argv);
  const params = resolveParams(scenario, { support: o.support, samples: o.samples, topP: o.topP, temperature: o.temperature, zipfExponent: 1.5, tailRank: 10 });
  console.log(`categorical-tails, replace: K = ${o.support} symbols (Zipf 1.5), n = ${o.samples} tokens a round, temperature ${o.temperature}, topP ${o.topP}, ${o.rounds} rounds`);
  const wasm = await createEngine("wasm");
  const engines: Array<[string, Engine]> = [[`wasm (${wasm.build})`, wasm]];
  if (o.js) engines.push(["js reference", await createEngine("js")]);
  const t = timeRounds(engines.map(([, e]) => e), params, o.rounds);
  const rows: Array<[string, number, number | null, number]> = engines.map(([name], i) => [name, t.first[i], t.rest[i], t.support[i]]);
  if (o.numpy) {
    const peer = () =>
      runNumpyPeer<{ rounds: number[]; numpy: string; metrics: { supportSize: number } }>("categorical_tails", [
        o.support, o.samples, o.rounds, 1.5, o.temperature, 0, o.topP, 10, 2026,
      ]);
    const all = peer();
    if (typeof all === "string") console.log(`numpy peer skipped: ${all}`);
    else {
      const firsts = [all.rounds[0]];
      for (let r = 1; r < FIRST_ROUNDS; r++) {
        const again = runNumpyPeer<{ rounds: number[] }>("categorical_tails", [o.support, o.samples, 1, 1.5, o.temperature, 0, o.topP, 10, 2026 + r]);
        if (typeof again !== "string") firsts.push(again.rounds[0]);
      }
      rows.push([`numpy ${all.numpy}`, median(firsts), all.rounds.slice(1).reduce((a, b) => a + b, 0), all.metrics.supportSize]);
    }
  }
  const [, wasmFirst, wasmRest] = rows[0];
  for (const [name, first, rest, support] of rows) {
    const later = rest === null || o.rounds < 2 ? "" : `  rounds 2-${o.rounds}: ${((rest * 1000) / (o.rounds - 1)).toFixed(1).padStart(6)} ms/round` +
      (name === rows[0][0] ? "" : ` (wasm ${(rest / (wasmRest as number)).toFixed(1)}x faster)`);
    console.log(`${name.padEnd(22)} round 1 (median of ${FIRST_ROUNDS}): ${(first * 1000).toFixed(1).padStart(6)} ms${name === rows[0][0] ? "" : ` (wasm ${(first / wasmFirst).toFixed(1)}x faster)`}${later}  (support ${support} after round ${o.rounds})`);
  }
}
