// The linear generator and the linear, self, noisy and oracle verifiers against an independent
// Monte Carlo written here in plain TypeScript: its own seeded generator (sfc32), Box-Muller
// normals, a materialised X, its own Cholesky and normal CDF, nothing shared with the engine
// or the scenario. Both sides estimate the same expectations without bias, so the difference
// of their means over R replicates each is tested against z = 4.5 combined standard errors.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mean, standardError, assertWithinSE } from "../helpers/stats.js";
import { runCell, metric } from "./replicates.js";

type Generator = { kind: "flip"; eps: number } | { kind: "linear"; angle: number };
type Verifier =
  | { kind: "none" } | { kind: "oracle" } | { kind: "random"; keep: number } | { kind: "noisy"; phi: number; psi: number }
  | { kind: "linear"; angle: number; margin?: number } | { kind: "self"; margin: number };
interface Setting { d: number; mu: number; nSynthetic: number; nReal: number; ridge: number; generator: Generator; verifier: Verifier }

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

/** Solves the symmetric positive definite A w = b (A is overwritten). */
function solveSpd(a: Float64Array, b: Float64Array, d: number): Float64Array {
  for (let j = 0; j < d; j++) {
    let pivot = a[j * d + j];
    for (let k = 0; k < j; k++) pivot -= a[j * d + k] ** 2;
    a[j * d + j] = Math.sqrt(pivot);
    for (let i = j + 1; i < d; i++) {
      let v = a[i * d + j];
      for (let k = 0; k < j; k++) v -= a[i * d + k] * a[j * d + k];
      a[i * d + j] = v / a[j * d + j];
    }
  }
  const w = Float64Array.from(b);
  for (let i = 0; i < d; i++) {
    for (let k = 0; k < i; k++) w[i] -= a[i * d + k] * w[k];
    w[i] /= a[i * d + i];
  }
  for (let i = d - 1; i >= 0; i--) {
    for (let k = i + 1; k < d; k++) w[i] -= a[k * d + i] * w[k];
    w[i] /= a[i * d + i];
  }
  return w;
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

/** One replicate of the self-consuming loop: per generation accuracy, kept fraction, kept label accuracy. */
function monteCarloReplicate(p: Setting, generations: number, seed: number): number[][] {
  const uniform = sfc32(seed), normal = gaussian(uniform);
  const { d, mu, nSynthetic: m, nReal, ridge } = p;
  const n = m + nReal;
  let direction: Float64Array | null = p.generator.kind === "linear" ? unitAt(p.generator.angle, d) : null;
  const verifierDirection = p.verifier.kind === "linear" ? unitAt(p.verifier.angle, d) : null;
  const out: number[][] = [];
  for (let generation = 1; generation <= generations; generation++) {
    const x = new Float64Array(n * d), labels = new Float64Array(n), kept = new Uint8Array(n);
    let keptCount = 0, keptRight = 0;
    for (let i = 0; i < n; i++) {
      const y = uniform() < 0.5 ? 1 : -1;
      for (let k = 0; k < d; k++) x[i * d + k] = normal();
      x[i * d] += y * mu;
      if (i >= m) {
        labels[i] = y;
        kept[i] = 1;
        continue;
      }
      let label: number;
      if (direction) label = dotOf(direction, x, i * d, d) >= 0 ? 1 : -1;
      else label = uniform() < (p.generator as { eps: number }).eps ? -y : y;
      const v = p.verifier;
      let keep: boolean;
      switch (v.kind) {
        case "none": keep = true; break;
        case "oracle": keep = label === y; break;
        case "random": keep = uniform() < v.keep; break;
        case "noisy": keep = uniform() < (label === y ? v.phi : v.psi); break;
        case "linear": {
          const score = dotOf(verifierDirection!, x, i * d, d);
          keep = (score >= 0 ? 1 : -1) === label && Math.abs(score) >= (v.margin ?? 0);
          break;
        }
        case "self": keep = Math.abs(dotOf(direction!, x, i * d, d)) >= v.margin; break;
      }
      labels[i] = label;
      kept[i] = keep ? 1 : 0;
      if (keep) {
        keptCount++;
        if (label === y) keptRight++;
      }
    }
    const a = new Float64Array(d * d), b = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      if (!kept[i]) continue;
      for (let r = 0; r < d; r++) {
        b[r] += (labels[i] * x[i * d + r]) / n;
        for (let c = 0; c < d; c++) a[r * d + c] += (x[i * d + r] * x[i * d + c]) / n;
      }
    }
    for (let r = 0; r < d; r++) a[r * d + r] += ridge;
    const w = solveSpd(a, b, d);
    const length = Math.hypot(...w);
    out.push([phiCdf((mu * w[0]) / length), keptCount / m, keptRight / keptCount]);
    direction = w.map((v) => v / length);
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
const cases: [string, Setting, number][] = [
  ["linear generator 50, linear verifier 20", { ...base, generator: gen50, verifier: { kind: "linear", angle: 20 } }, 1],
  ["linear generator 50, linear verifier 80 with margin 0.5", { ...base, generator: gen50, verifier: { kind: "linear", angle: 80, margin: 0.5 } }, 1],
  ["linear generator 50, noisy verifier", { ...base, generator: gen50, verifier: { kind: "noisy", phi: 0.9, psi: 0.2 } }, 1],
  ["linear generator 50, oracle", { ...base, generator: gen50, verifier: { kind: "oracle" } }, 1],
  ["flip generator, linear verifier 30 with margin 0.3", { ...base, generator: { kind: "flip", eps: 0.2 }, verifier: { kind: "linear", angle: 30, margin: 0.3 } }, 1],
  ["self-selection (margin 0.5), 3 generations", { ...base, generator: gen50, verifier: { kind: "self", margin: 0.5 } }, 3],
  ["linear verifier -80 with 50 real points, 3 generations", { ...base, nReal: 50, generator: gen50, verifier: { kind: "linear", angle: -80 } }, 3],
];

cases.forEach(([name, setting, generations], index) => {
  test(`engine vs independent Monte Carlo: ${name}`, async () => {
    const rows = await runCell(setting as never, R, { seed: 21, generations });
    const independent = Array.from({ length: R }, (_, r) => monteCarloReplicate(setting, generations, 1000 * index + r));
    for (let generation = 1; generation <= generations; generation++) {
      ["accuracy", "keptFraction", "keptLabelAccuracy"].forEach((name, column) => {
        assertSameMean(metric(rows, name, generation), independent.map((g) => g[generation - 1][column]), `generation ${generation} ${name}`);
      });
    }
  });
});

test.run();
