// npm run bench -- gaussian-refit [--quick]
// gaussian-refit on the wasm engine: (1) d = 1, n = 10^6, 1000 generations under replace with
// the exact method (a replicate in milliseconds: no work per point), against the direct method
// on a few generations; (2) d = 64 with the pool schedules (accumulate, accumulate-subsample)
// and replace, exact and direct, in ns per synthetic point drawn.
import { parseArgs } from "node:util";
import { createEngine, resolveParams, type Engine } from "../src/index.js";
import { RefitRun, scenario as gaussianRefit, type Params } from "../src/scenarios/gaussian-refit/index.js";

/** Seconds for rounds 1..generations of one replicate. */
function timeReplicate(engine: Engine, p: Params, generations: number, seed: bigint): number {
  const rng = engine.stream(seed);
  const run = new RefitRun(engine, p, rng, generations);
  try {
    const start = performance.now();
    for (let t = 1; t <= generations; t++) run.step(t);
    return (performance.now() - start) / 1000;
  } finally {
    run.free();
    rng.free();
  }
}

function bestOf(repeats: number, time: (i: number) => number): number {
  return Math.min(...Array.from({ length: repeats }, (_, i) => time(i)));
}

export default async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { quick: { type: "boolean", default: false } } });
  const quick = values.quick;
  const engine = await createEngine("wasm");
  const params = (input: Record<string, unknown>) => resolveParams(gaussianRefit, input) as Params;

  const generations = quick ? 100 : 1000, n = 1_000_000;
  const exact = bestOf(5, (i) => timeReplicate(engine, params({ dim: 1, samples: n }), generations, BigInt(i + 1)));
  const directRounds = quick ? 1 : 3;
  const direct = bestOf(1, () => timeReplicate(engine, params({ dim: 1, samples: n, method: "direct" }), directRounds, 1n));
  console.log(`gaussian-refit, replace, d = 1, n = ${n} (wasm ${engine.build}):`);
  console.log(`  exact:  ${generations} generations in ${(exact * 1000).toFixed(2)} ms (${((exact / generations) * 1e6).toFixed(2)} us a generation)`);
  console.log(`  direct: ${((direct / directRounds) * 1000).toFixed(1)} ms a generation (${((direct / directRounds / n) * 1e9).toFixed(2)} ns a point); ` +
    `${generations} generations would take ${((direct / directRounds) * generations).toFixed(0)} s`);

  const d = 64, samples = quick ? 1000 : 10_000, rounds = quick ? 5 : 20;
  console.log(`gaussian-refit, d = ${d}, n = ${samples}, ${rounds} generations, full covariance: ns per synthetic point drawn`);
  for (const kind of ["replace", "accumulate", "accumulate-subsample"]) {
    for (const method of ["exact", "direct"]) {
      if (kind === "accumulate-subsample" && method === "direct") continue; // the pool draws its points either way
      const seconds = bestOf(3, (i) => timeReplicate(engine, params({ dim: d, samples, method, schedule: { kind } }), rounds, BigInt(i + 1)));
      const points = samples * rounds;
      console.log(`  ${kind.padEnd(22)} ${method.padEnd(7)} ${((seconds / points) * 1e9).toFixed(1).padStart(8)} ns a point  (${(seconds * 1000).toFixed(1)} ms a replicate)`);
    }
  }
}
