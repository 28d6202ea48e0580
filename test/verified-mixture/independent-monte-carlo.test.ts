// The generators (flip, linear, logistic), the verifiers, best-of-k selection and both learners
// against an independent Monte Carlo written here in plain TypeScript: its own seeded generator
// (sfc32), Box-Muller normals, a materialised X, its own Cholesky, normal CDF and Newton solver
// (test/helpers/logistic-newton.ts), best-of-k as the scoring rule it was specified by (each
// candidate scored, the best taken, then the keep rule applied), nothing shared with the engine
// or the scenario. Both sides estimate the same expectations without bias, so the difference of
// their means over R replicates each is tested against z = 4.5 combined standard errors.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mean, standardError, assertWithinSE } from "../helpers/stats.js";
import { fitLogisticNewton } from "../helpers/logistic-newton.js";
import { solveSpd } from "../helpers/spd-solve.js";
import { runCell, metric } from "./replicates.js";

type Generator = { kind: "flip"; eps: number } | { kind: "linear"; angle: number } | { kind: "logistic"; angle: number; sharpness: number };
type Verifier =
  | { kind: "none" } | { kind: "oracle" } | { kind: "random"; keep: number } | { kind: "noisy"; phi: number; psi: number }
  | { kind: "linear"; angle: number; margin?: number } | { kind: "self"; margin: number };
interface Setting {
  d: number; mu: number; nSynthetic: number; nReal: number; ridge: number; generator: Generator; verifier: Verifier;
  learner?: "ridge" | "logistic"; selection?: { kind: "bestOfK"; k: number };
}

/** sfc32 (Chris Doty-Humphrey's small fast counting generator), seeded through a few rounds. */
function sfc32(seed: number): () => number {
  let a = 0x9e3779b9, b = 0x243f6a88, c = 0xb7e15162, counter = seed >>> 0;
  const next = () => {
    const t = (((a + b) | 0) + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = ((c << 21) | (c >>> 11)) + t | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 20; i++) next();
  return next;
}

function gaussian(uniform: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    const r = Math.sqrt(-2 * Math.log(1 - uniform())), t = 2 * Math.PI * uniform();
    spare = r * Math.sin(t);
    return r * Math.cos(t);
  };
}

/** Phi by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7, far below the SEs compared here). */
function phiCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2, t = 1 / (1 + 0.3275911 * z);
  const erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-z * z);
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

function unitAt(degrees: number, d: number): Float64Array {
  const v = new Float64Array(d);
  v[0] = Math.cos((degrees * Math.PI) / 180);
  v[1] = Math.sin((degrees * Math.PI) / 180);
  return v;
}

const dotOf = (u: Float64Array, x: Float64Array, offset: number, d: number) => {
  let s = 0;
  for (let k = 0; k < d; k++) s += u[k] * x[offset + k];
  return s;
};

/** The candidate a verifier selects, by its score (ties: the first), and whether it then keeps the point. */
function select(
  p: Setting, candidates: number[], y: number, generatorScore: number, verifierScore: number, uniform: () => number,
): { label: number; keep: boolean } {
  const v = p.verifier;
  // Label-only verifiers accept each candidate independently: the score is the acceptance.
  const accepted = candidates.map((label) =>
    v.kind === "noisy" ? uniform() < (label === y ? v.phi : v.psi) : v.kind === "random" ? uniform() < v.keep : true);
  const score = (label: number, c: number) => {
    switch (v.kind) {
      case "noisy": case "random": return accepted[c] ? 1 : 0;
      case "oracle": return label === y ? 1 : 0;
      case "linear": return label * verifierScore;
      case "self": return label * generatorScore;
      default: return 0;
    }
  };
  let best = 0;
  candidates.forEach((label, c) => {
    if (score(label, c) > score(candidates[best], best)) best = c;
  });
  const label = candidates[best];
  switch (v.kind) {
    case "oracle": return { label, keep: label === y };
    case "noisy": case "random": return { label, keep: accepted[best] };
    case "linear": return { label, keep: (verifierScore >= 0 ? 1 : -1) === label && Math.abs(verifierScore) >= (v.margin ?? 0) };
    case "self": return { label, keep: Math.abs(generatorScore) >= v.margin };
    default: return { label, keep: true };
  }
}

/** Ridge on the kept points, sums divided by the n points drawn. */
function fitRidge(x: Float64Array, labels: Float64Array, kept: Uint8Array, n: number, d: number, ridge: number): Float64Array {
  const a = new Float64Array(d * d), b = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    if (!kept[i]) continue;
    for (let r = 0; r < d; r++) {
      b[r] += (labels[i] * x[i * d + r]) / n;
      for (let c = 0; c < d; c++) a[r * d + c] += (x[i * d + r] * x[i * d + c]) / n;
    }
  }
  for (let r = 0; r < d; r++) a[r * d + r] += ridge;
  return solveSpd(a, b, d);
}

/** Logistic regression on the kept points, the loss divided by the n points drawn. */
function fitLogistic(x: Float64Array, labels: Float64Array, kept: Uint8Array, n: number, d: number, ridge: number): Float64Array {
  const rows: number[] = [];
  const keptLabels: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!kept[i]) continue;
    for (let k = 0; k < d; k++) rows.push(x[i * d + k]);
    keptLabels.push(labels[i]);
  }
  return fitLogisticNewton({ x: Float64Array.from(rows), labels: Float64Array.from(keptLabels), n: keptLabels.length, d, normaliser: n, ridge });
}

/** The metrics compared, per generation: accuracy, kept fraction, kept-label accuracy, phi-hat, psi-hat. */
const COMPARED = ["accuracy", "keptFraction", "keptLabelAccuracy", "keptCorrectRate", "keptWrongRate"];

/** One replicate of the self-consuming loop: per generation, the COMPARED metrics. */
function monteCarloReplicate(p: Setting, generations: number, seed: number): number[][] {
  const uniform = sfc32(seed), normal = gaussian(uniform);
  const { d, mu, nSynthetic: m, nReal, ridge } = p;
  const n = m + nReal, k = p.selection?.k ?? 1;
  const g = p.generator;
  let direction: Float64Array | null = g.kind === "flip" ? null : unitAt(g.angle, d);
  // Labels +1 with probability sigma(sharpness direction . x); Infinity: sign(direction . x).
  let sharpness = g.kind === "logistic" ? g.sharpness : Infinity;
  const verifierDirection = p.verifier.kind === "linear" ? unitAt(p.verifier.angle, d) : null;
  const out: number[][] = [];
  for (let generation = 1; generation <= generations; generation++) {
    const x = new Float64Array(n * d), labels = new Float64Array(n), kept = new Uint8Array(n);
    let keptCount = 0, keptRight = 0, rightCandidates = 0;
    for (let i = 0; i < n; i++) {
      const y = uniform() < 0.5 ? 1 : -1;
      for (let c = 0; c < d; c++) x[i * d + c] = normal();
      x[i * d] += y * mu;
      if (i >= m) {
        labels[i] = y;
        kept[i] = 1;
        continue;
      }
      const generatorScore = direction ? dotOf(direction, x, i * d, d) : 0;
      const verifierScore = verifierDirection ? dotOf(verifierDirection, x, i * d, d) : 0;
      const candidates = Array.from({ length: k }, () =>
        direction === null ? (uniform() < (g as { eps: number }).eps ? -y : y)
        : sharpness === Infinity ? (generatorScore >= 0 ? 1 : -1)
        : uniform() < 1 / (1 + Math.exp(-sharpness * generatorScore)) ? 1 : -1);
      rightCandidates += candidates.filter((label) => label === y).length;
      const { label, keep } = select(p, candidates, y, generatorScore, verifierScore, uniform);
      labels[i] = label;
      kept[i] = keep ? 1 : 0;
      if (keep) {
        keptCount++;
        if (label === y) keptRight++;
      }
    }
    const w = (p.learner === "logistic" ? fitLogistic : fitRidge)(x, labels, kept, n, d, ridge);
    const length = Math.hypot(...w);
    const wrongCandidates = k * m - rightCandidates;
    out.push([phiCdf((mu * w[0]) / length), keptCount / m, keptRight / keptCount, keptRight / rightCandidates, (keptCount - keptRight) / wrongCandidates]);
    direction = w.map((v) => v / length);
    sharpness = p.learner === "logistic" ? length : Infinity;
  }
  return out;
}

function assertSameMean(engine: number[], independent: number[], label: string): void {
  const se = Math.hypot(standardError(engine), standardError(independent));
  if (se === 0) assert.is(mean(engine), mean(independent), label);
  else assertWithinSE(mean(engine), mean(independent), se, label);
}

const R = 40;
const base = { d: 10, mu: 1.5, nSynthetic: 1000, nReal: 0, ridge: 0.001 };
const gen50: Generator = { kind: "linear", angle: 50 };
const logistic30: Generator = { kind: "logistic", angle: 30, sharpness: 2 };
const cases: [string, Setting, number][] = [
  ["linear generator 50, linear verifier 20", { ...base, generator: gen50, verifier: { kind: "linear", angle: 20 } }, 1],
  ["linear generator 50, linear verifier 80 with margin 0.5", { ...base, generator: gen50, verifier: { kind: "linear", angle: 80, margin: 0.5 } }, 1],
  ["linear generator 50, noisy verifier", { ...base, generator: gen50, verifier: { kind: "noisy", phi: 0.9, psi: 0.2 } }, 1],
  ["linear generator 50, oracle", { ...base, generator: gen50, verifier: { kind: "oracle" } }, 1],
  ["flip generator, linear verifier 30 with margin 0.3", { ...base, generator: { kind: "flip", eps: 0.2 }, verifier: { kind: "linear", angle: 30, margin: 0.3 } }, 1],
  ["self-selection (margin 0.5), 3 generations", { ...base, generator: gen50, verifier: { kind: "self", margin: 0.5 } }, 3],
  ["linear verifier -80 with 50 real points, 3 generations", { ...base, nReal: 50, generator: gen50, verifier: { kind: "linear", angle: -80 } }, 3],
  ["flip generator, linear verifier 20, best of 3", { ...base, generator: { kind: "flip", eps: 0.3 }, verifier: { kind: "linear", angle: 20 }, selection: { kind: "bestOfK", k: 3 } }, 1],
  ["linear generator 50, noisy verifier, best of 4 (identical candidates)", { ...base, generator: gen50, verifier: { kind: "noisy", phi: 0.5, psi: 0.3 }, selection: { kind: "bestOfK", k: 4 } }, 1],
  ["logistic generator, linear verifier 20 with margin 0.3, best of 3", { ...base, generator: logistic30, verifier: { kind: "linear", angle: 20, margin: 0.3 }, selection: { kind: "bestOfK", k: 3 } }, 1],
  ["logistic generator, self-selection (margin 0.3), best of 3, 2 generations", { ...base, generator: logistic30, verifier: { kind: "self", margin: 0.3 }, selection: { kind: "bestOfK", k: 3 } }, 2],
  ["logistic generator and learner, noisy verifier, 3 generations", { ...base, learner: "logistic", generator: logistic30, verifier: { kind: "noisy", phi: 0.8, psi: 0.3 } }, 3],
  ["logistic learner, linear generator 50, oracle, best of 2, 2 generations", { ...base, learner: "logistic", generator: gen50, verifier: { kind: "oracle" }, selection: { kind: "bestOfK", k: 2 } }, 2],
];

cases.forEach(([name, setting, generations], index) => {
  test(`engine vs independent Monte Carlo: ${name}`, async () => {
    const rows = await runCell(setting as never, R, { seed: 21, generations });
    const independent = Array.from({ length: R }, (_, r) => monteCarloReplicate(setting, generations, 1000 * index + r));
    for (let generation = 1; generation <= generations; generation++) {
      COMPARED.forEach((name, column) => {
        assertSameMean(metric(rows, name, generation), independent.map((g) => g[generation - 1][column]), `generation ${generation} ${name}`);
      });
    }
  });
});

test.run();
