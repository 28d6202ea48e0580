// npm run bench -- verified-mixture-exact [--max-m 1e9] [--budget 30]
// Time per round of the verified-mixture scenario, exact method against the direct one and the
// numpy peer workload (bench/peers/verified_mixture_round.py), all on the same round: flip
// labels (eps 0.3), noisy verifier (phi 0.8, psi 0.3), mu 1, ridge 1, one generation.
//   1. against m (10^3 .. 10^12) at d = 100;  2. against d (10 .. 1000) at m = 10^6.
// The exact round splits into its projection pass (timed alone through the Engine; label-only
// rules draw group counts, not points, so it does not grow with m) and the rest (O(d^3):
// Wishart, cross terms, solve). A second exact row per m up to --max-m times the pointwise pass
// (a linear generator and a linear verifier: k = 2 coordinates drawn per point, O(m), as in
// every self-consuming round). Direct and numpy cells
// predicted (from the previous cell, as m d^2) to take more than --budget seconds are skipped.
// wasm runs on one thread; numpy uses its BLAS on all cores.
import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createEngine, resolveParams, scenarios, type Engine, type FilteredMixtureMomentsProblem } from "../src/index.js";
import { runRounds } from "../src/scenarios/verified-mixture/rounds.js";

const PEER = fileURLToPath(new URL("./peers/verified_mixture_round.py", import.meta.url));
const FLIP_NOISY = { mu: 1, ridge: 1, generator: { kind: "flip", eps: 0.3 }, verifier: { kind: "noisy", phi: 0.8, psi: 0.3 } };
const LINEAR_LINEAR = { mu: 1, ridge: 1, generator: { kind: "linear", angle: 50 }, verifier: { kind: "linear", angle: -20 } };

/** Best of a few runs, repeated while they stay under a fraction of a second in total. */
function seconds(run: () => void): number {
  let best = Infinity, spent = 0;
  for (let i = 0; i < 5 && (i < 1 || spent < 0.5); i++) {
    const start = performance.now();
    run();
    const t = (performance.now() - start) / 1000;
    best = Math.min(best, t);
    spent += t;
  }
  return best;
}

function round(engine: Engine, d: number, m: number, method: "direct" | "exact", world: object): number {
  const params = resolveParams(scenarios["verified-mixture"], { ...world, d, nSynthetic: m, method });
  let seed = 1n;
  return seconds(() => runRounds(engine, params, { generations: 1, seed: seed++ }));
}

/** The exact round's projection pass alone: round 1's problem for the world. */
function pass(engine: Engine, m: number, pointwise: boolean): number {
  const problem: FilteredMixtureMomentsProblem = pointwise
    ? { k: 2, nFiltered: m, nClean: 0, shift: 1, labelling: { kind: "direction", direction: [Math.cos(50 * Math.PI / 180), Math.sin(50 * Math.PI / 180)] },
      keepIfAgree: 1, keepIfDisagree: 1, check: { kind: "direction", direction: [Math.cos(20 * Math.PI / 180), -Math.sin(20 * Math.PI / 180)], margin: 0 } }
    : { k: 1, nFiltered: m, nClean: 0, shift: 1, labelling: { kind: "flip", probability: 0.3 }, keepIfAgree: 0.8, keepIfDisagree: 0.3, check: { kind: "none" } };
  const rng = engine.stream(7), moments = engine.f64(16);
  const t = seconds(() => engine.filteredMixtureMoments(rng, problem, moments));
  moments.free();
  rng.free();
  return t;
}

/** Seconds per numpy round for d and m, or the reason there is none. */
function peer(d: number, m: number): number | string {
  const run = spawnSync("python3", [PEER, `${d}:${m}`, m * d <= 1e8 ? "3" : "1"], { encoding: "utf8" });
  if (run.error || run.status !== 0) return `numpy peer unavailable (${(run.stderr || String(run.error)).trim().split("\n").pop()})`;
  return (JSON.parse(run.stdout.trim()) as { seconds: number }).seconds;
}

/** Runs cells in order, skipping those predicted (previous time x m d^2 ratio) over budget. */
class Budgeted {
  private last: { d: number; m: number; t: number } | null = null;
  constructor(private readonly budget: number, private readonly time: (d: number, m: number) => number | string) {}

  cell(d: number, m: number): string {
    if (this.last) {
      const predicted = this.last.t * (m / this.last.m) * (d / this.last.d) ** 2;
      if (predicted > this.budget) return `skip(~${predicted.toFixed(0)}s)`;
    }
    const t = this.time(d, m);
    if (typeof t === "string") return t;
    this.last = { d, m, t };
    return t.toFixed(4);
  }
}

const f = (x: number, digits = 4) => x.toFixed(digits);

export default async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { "max-m": { type: "string", default: "1e9" }, budget: { type: "string", default: "30" } } });
  const maxM = Number(values["max-m"]), budget = Number(values.budget);
  const engine = await createEngine("wasm");
  const probe = engine.f64(1 << 20), rng = engine.stream(3);
  const uniformNs = (seconds(() => engine.fillUniform(rng, probe)) * 1e9) / probe.length;
  const normalNs = (seconds(() => engine.fillNormal(rng, probe)) * 1e9) / probe.length;
  probe.free();
  console.log(`verified-mixture round: flip eps 0.3, noisy (0.8, 0.3), mu 1, ridge 1; wasm ${engine.build} on one thread, numpy on ${availableParallelism()} cores`);
  console.log(`stream limits here: ${f(uniformNs, 2)} ns per uniform, ${f(normalNs, 2)} ns per normal (the pointwise pass draws k normals and up to 3 uniforms per point)`);
  const numpyNote = peer(10, 1000);
  if (typeof numpyNote === "string") console.log(numpyNote);
  // Warm-up: compile every kernel's optimised tier before the first timed cell.
  for (const world of [FLIP_NOISY, LINEAR_LINEAR]) for (const method of ["direct", "exact"] as const) round(engine, 100, 20_000, method, world);

  console.log(`\n1. against m at d = 100 (seconds per round; direct and numpy skipped when predicted over ${budget} s)`);
  console.log("(rest = exact - pass, each timed on its own: the O(d^3) part; exact-k2: the pointwise round, linear generator and verifier)");
  console.log(["m", "exact", "pass", "rest", "pass ns/pt", "exact-k2", "k2 pass ns/pt", "direct", "numpy", "numpy/exact"].join("\t"));
  const directByM = new Budgeted(budget, (d, m) => round(engine, d, m, "direct", FLIP_NOISY));
  const numpyByM = new Budgeted(budget, peer);
  let ratioAtMillion: number | undefined;
  let slowestLabelOnly = 0;
  for (let m = 1e3; m <= 1e12; m *= 10) {
    const exact = round(engine, 100, m, "exact", FLIP_NOISY), p = pass(engine, m, false);
    slowestLabelOnly = Math.max(slowestLabelOnly, exact);
    const measured = m <= maxM;
    const pointwiseRound = measured ? round(engine, 100, m, "exact", LINEAR_LINEAR) : NaN, p2 = measured ? pass(engine, m, true) : NaN;
    const direct = measured ? directByM.cell(100, m) : "-", numpy = measured ? numpyByM.cell(100, m) : "-";
    const ratio = Number.isFinite(Number(numpy)) ? Number(numpy) / exact : undefined;
    if (m === 1e6) ratioAtMillion = ratio;
    const k2 = measured ? [f(pointwiseRound), f((p2 * 1e9) / m, 2)] : ["-", "-"];
    console.log([m.toExponential(0), f(exact), f(p), f(exact - p), f((p * 1e9) / m, 4), ...k2, direct, numpy, ratio === undefined ? "-" : f(ratio, 0)].join("\t"));
  }
  console.log(`label-only round at d = 100, slowest over m = 10^3 .. 10^12: ${f(slowestLabelOnly * 1000, 2)} ms (target under 5 ms)`);

  console.log(`\n2. against d at m = 10^6 (seconds per round)`);
  console.log(["d", "exact", "pass", "rest", "direct", "numpy", "direct/exact", "numpy/exact"].join("\t"));
  const directByD = new Budgeted(budget, (d, m) => round(engine, d, m, "direct", FLIP_NOISY));
  const numpyByD = new Budgeted(budget, peer);
  for (const d of [10, 30, 100, 300, 1000]) {
    const exact = round(engine, d, 1e6, "exact", FLIP_NOISY), p = pass(engine, 1e6, false);
    const direct = directByD.cell(d, 1e6), numpy = numpyByD.cell(d, 1e6);
    const over = (x: string) => (Number.isFinite(Number(x)) ? f(Number(x) / exact, 0) : "-");
    console.log([d, f(exact), f(p), f(exact - p), direct, numpy, over(direct), over(numpy)].join("\t"));
  }
  if (ratioAtMillion !== undefined) console.log(`\nexact vs numpy at m = 10^6, d = 100: ${f(ratioAtMillion, 0)}x (target >= 100x)`);
  const js = await createEngine("js");
  for (const [name, world] of [["label-only", FLIP_NOISY], ["pointwise (k = 2)", LINEAR_LINEAR]] as const) {
    const wasmRound = round(engine, 100, 1e6, "exact", world), jsRound = round(js, 100, 1e6, "exact", world);
    console.log(`exact round at m = 10^6, d = 100, ${name}: TypeScript reference ${f(jsRound, 3)} s, wasm ${f(wasmRound)} s, js/wasm ${f(jsRound / wasmRound, 1)}`);
  }
}
