// npm run bench -- logistic-fit [--d 100] [--m 10000] [--reps 41]
// One logistic-regression fit (Engine.logisticFit, Newton's method) against the ridge fit on the
// same points (gramAccumulate, gramSymmetrize, cholesky, choleskySolve: what the ridge learner
// costs beyond drawing them), on the wasm engine, one thread. The points are one round of the
// verified-mixture scenario drawn by filteredMixtureRows: the collapse loop's sampling
// generator (30 degrees, sharpness 4, no verifier); a linear generator at 50 degrees with the
// oracle (separable labels); flip labels (eps 0.3). The two fits alternate, and each case prints
// both medians and the median of the paired ratios: on a shared host a neighbour's burst then
// spoils a pair, not the ratio.
import { parseArgs } from "node:util";
import { createEngine, type Engine, type MixtureLabelling } from "../src/index.js";
import { planeDirection } from "../src/scenarios/verified-mixture/plane-direction.js";

const RIDGE = 1e-3;

interface Case {
  name: string;
  labelling: (engine: Engine, d: number) => MixtureLabelling;
  /** Keep probabilities of right and wrong labels. */
  keep: [number, number];
}

/** A unit direction at `degrees` from e1 towards e2, as a block of d entries. */
function direction(engine: Engine, d: number, degrees: number) {
  const block = engine.f64(d);
  block.set(planeDirection(degrees));
  return block;
}

const CASES: Case[] = [
  { name: "sampling generator, no verifier", labelling: (e, d) => ({ kind: "sampled", direction: direction(e, d, 30), sharpness: 4 }), keep: [1, 1] },
  { name: "linear generator, oracle (separable)", labelling: (e, d) => ({ kind: "direction", direction: direction(e, d, 50) }), keep: [1, 0] },
  { name: "flip labels, eps 0.3", labelling: () => ({ kind: "flip", probability: 0.3 }), keep: [1, 1] },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

export default async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { d: { type: "string", default: "100" }, m: { type: "string", default: "10000" }, reps: { type: "string", default: "41" } } });
  const d = Number(values.d), m = Number(values.m), reps = Number(values.reps);
  const engine = await createEngine("wasm");
  console.log(`logistic fit against ridge fit on the same points: d ${d}, m ${m}, ridge ${RIDGE}, wasm build ${engine.build}, one thread, ${reps} pairs`);
  console.log(["points", "kept", "Newton iterations", "logistic ms", "ridge ms", "logistic/ridge (median of pairs)"].join("\t"));
  for (const { name, labelling, keep } of CASES) {
    const rng = engine.stream(2026n);
    const rows = engine.f64(m * d), labels = engine.f64(m);
    const drawn = engine.filteredMixtureRows(rng, {
      d, nFiltered: m, nClean: 0, shift: 1, labelling: labelling(engine, d), keepIfAgree: keep[0], keepIfDisagree: keep[1], check: { kind: "none" },
    }, rows, labels);
    const w = engine.f64(d), gram = engine.f64(d * d), rhs = engine.f64(d);
    const ridgeFit = () => {
      gram.view.fill(0);
      rhs.view.fill(0);
      engine.gramAccumulate(rows, labels, drawn.rows, d, gram, rhs);
      engine.gramSymmetrize(gram, d);
      engine.cholesky(gram, d, RIDGE * m);
      engine.choleskySolve(gram, d, rhs);
    };
    let iterations = 0;
    const logisticFit = () => {
      iterations = engine.logisticFit(rows, labels, drawn.rows, d, m, RIDGE, w);
    };
    logisticFit();
    ridgeFit();
    const logistic: number[] = [], ridge: number[] = [], ratios: number[] = [];
    for (let r = 0; r < reps; r++) {
      let start = performance.now();
      logisticFit();
      const l = performance.now() - start;
      start = performance.now();
      ridgeFit();
      const g = performance.now() - start;
      logistic.push(l);
      ridge.push(g);
      ratios.push(l / g);
    }
    console.log([name, drawn.rows, iterations, median(logistic).toFixed(2), median(ridge).toFixed(2), median(ratios).toFixed(2)].join("\t"));
    for (const block of [rows, labels, w, gram, rhs]) block.free();
    rng.free();
  }
}
