// npm run bench -- regression-chain [--dim D] [--samples N] [--generations T] [--design fresh|fixed] [--no-js] [--no-numpy]
// One replicate of regression-chain (replace, least squares, noise 1) on the wasm engine, exact
// statistics and every row drawn, on the TypeScript reference, and as a numpy user would write
// the same chain (bench/peers/regression_chain.py: every row drawn, the normal equations solved),
// with the ratios measured in this one run. The conditional column is left out of the chain
// timings (the numpy chain computes none) and timed once beside them. numpy runs on one BLAS
// thread against one wasm thread (threaded OpenBLAS collapses on a loaded 2-core machine).
import { parseArgs } from "node:util";
import { createEngine, resolveParams, type Engine } from "../src/index.js";
import { ChainRun, scenario as regressionChain, type Params } from "../src/scenarios/regression-chain/index.js";
import { ONE_BLAS_THREAD, runNumpyPeer } from "./lib/numpy-peer.js";

/** Seconds for one replicate of `generations` rounds, and its final testError. */
function timeChain(engine: Engine, p: Params, generations: number, seed: bigint): { seconds: number; testError: number } {
  const rng = engine.stream(seed);
  const run = new ChainRun(engine, p, rng, generations);
  try {
    const start = performance.now();
    for (let t = 1; t <= generations; t++) run.step(t);
    return { seconds: (performance.now() - start) / 1000, testError: run.metrics().testError };
  } finally {
    run.free();
    rng.free();
  }
}

/** The fastest of `repeats` runs (the machine is shared). */
function best(repeats: number, time: (i: number) => { seconds: number; testError: number }) {
  let out = time(0);
  for (let i = 1; i < repeats; i++) {
    const next = time(i);
    if (next.seconds < out.seconds) out = next;
  }
  return out;
}

export default async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      dim: { type: "string", default: "200" },
      samples: { type: "string", default: "1000" },
      generations: { type: "string", default: "100" },
      design: { type: "string", default: "fresh" },
      "no-js": { type: "boolean", default: false },
      "no-numpy": { type: "boolean", default: false },
    },
  });
  const dim = Number(values.dim), samples = Number(values.samples), generations = Number(values.generations);
  const design = values.design as "fresh" | "fixed";
  const params = (method: "exact" | "direct", conditional: boolean) =>
    resolveParams(regressionChain, { dim, samples, design, noise: 1, method, conditional }) as Params;
  console.log(`regression-chain, replace, least squares: d = ${dim}, n = ${samples}, ${generations} generations, design ${design}`);
  const wasm = await createEngine("wasm");
  const rows: Array<[string, { seconds: number; testError: number }]> = [];
  rows.push([`wasm (${wasm.build}), exact statistics`, best(5, (i) => timeChain(wasm, params("exact", false), generations, BigInt(i + 1)))]);
  rows.push([`wasm (${wasm.build}), every row drawn`, best(3, (i) => timeChain(wasm, params("direct", false), generations, BigInt(i + 1)))]);
  if (!values["no-js"]) {
    const js = await createEngine("js");
    rows.push(["js reference, exact statistics", best(1, () => timeChain(js, params("exact", false), generations, 1n))]);
  }
  const conditional = best(1, () => timeChain(wasm, params("exact", true), generations, 1n));
  let numpy: { seconds: number; testError: number; numpy: string } | string = "skipped (--no-numpy)";
  if (!values["no-numpy"]) numpy = runNumpyPeer("regression_chain", [dim, samples, generations, design, 1, 2026], ONE_BLAS_THREAD);
  const reference = typeof numpy === "string" ? null : numpy.seconds;
  for (const [name, timing] of rows) {
    const ratio = reference === null ? "" : `  ${(reference / timing.seconds).toFixed(1)}x numpy`;
    console.log(`  ${name.padEnd(40)} ${(timing.seconds * 1000).toFixed(1).padStart(9)} ms  (${((timing.seconds / generations) * 1e6).toFixed(0)} us a round; testError ${timing.testError.toFixed(2)})${ratio}`);
  }
  if (typeof numpy === "string") console.log(`  numpy: ${numpy}`);
  else console.log(`  ${`numpy ${numpy.numpy}, one BLAS thread`.padEnd(40)} ${(numpy.seconds * 1000).toFixed(1).padStart(9)} ms  (testError ${numpy.testError.toFixed(2)})`);
  console.log(`  with the conditional column (wasm, exact): ${(conditional.seconds * 1000).toFixed(1)} ms (O(d^3) a round)`);
}
