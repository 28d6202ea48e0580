// The exact method: a round's X^T X and X^T y' drawn from their exact law in
// O(m k + d^3) instead of O(m d^2).
//
// Labels and keep decisions depend on a point x = s mu e1 + z only through its coordinates p
// in a frame of k <= 3 orthonormal vectors: e1; e2 when a linear verifier leaves e1 (its
// direction lies in span{e1, e2}); and the generator's direction's residual orthogonal to
// those. The other d - k coordinates of every point are i.i.d. N(0, 1), independent of p,
// the labels and the selection. So, with M = [P, y'] the n kept rows of [p, label] and Z the
// kept rows' other coordinates (n x q, q = d - k, i.i.d. N(0, 1) given M), and any R with
// R^T R = M^T M (r = rank M = min(n, k + 1) rows; M = Q R with Q^T Q = I_r):
//   M^T Z = R^T G,   Z^T Z = G^T G + W,
// where G = Q^T Z is an r x q standard normal matrix and W = Z^T (I - Q Q^T) Z ~ Wishart_q(n - r, I)
// independent of G (rotation invariance of Z's columns). The engine draws M^T M in one O(m k)
// pass (filteredMixtureMoments; O(m) for label-only rules) and W by Bartlett (fillWishart);
// G and the assembly are here. The ridge solve follows in rounds.ts.
//
// Any orthonormal completion of the frame serves, so from round 2 the generator is fully
// described by its coordinates: the model's entries on the fixed vectors (e1, maybe e2) and
// the norm of the rest, over |w| (rotations fixing e1 and the verifier's direction leave the
// world and the verifier unchanged).
import type { Engine, F64Block, FilteredMixtureCounts, FrameCheck, FrameLabelling, RandomStream } from "../../engine/index.js";
import { candidatesOf, type Params } from "./params.js";
import type { RoundSampler } from "./round-sampler.js";
import { labelOnlyAcceptance } from "./theory.js";
import { norm } from "./metrics.js";
import { psdFactor } from "../../math/psd-factor.js";
import { planeDirection } from "./plane-direction.js";

/** The first k entries of coordinates, zeros beyond its length. */
function padded(coordinates: readonly number[], k: number): number[] {
  return Array.from({ length: k }, (_, i) => coordinates[i] ?? 0);
}

export class ExactRounds implements RoundSampler {
  /** Frame vectors the world and the verifier fix: e1, and e2 when a linear verifier leaves e1. */
  private readonly fixed: number;
  private readonly verifierCoordinates: number[] | null;
  /**
   * The generator's direction in frame coordinates (the fixed vectors, then its own residual
   * direction when it has one), or null for flip labels. In round 1 a linear or logistic generator's
   * residual direction is e2 and its coordinate sin(angle) keeps its sign.
   */
  private generator: number[] | null;
  /** How sharply the generator draws its labels (round 1, a logistic generator); Infinity: sign(theta . x). */
  private sharpness: number;
  /** The flip generator's eps (round 1 only: from round 2 the model labels). */
  private readonly flipProbability: number;
  private readonly keepIfAgree: number;
  private readonly keepIfDisagree: number;
  private readonly moments: F64Block;
  private readonly gaussian: F64Block;

  constructor(
    private readonly engine: Engine,
    private readonly rng: RandomStream,
    private readonly params: Params,
  ) {
    const { generator, verifier } = params;
    if (verifier.kind === "linear") {
      const [cos, sin] = planeDirection(verifier.angle);
      this.fixed = sin === 0 ? 1 : 2;
      this.verifierCoordinates = [cos, sin].slice(0, this.fixed);
    } else {
      this.fixed = 1;
      this.verifierCoordinates = null;
    }
    this.sharpness = generator.kind === "logistic" ? generator.sharpness : Infinity;
    if (generator.kind === "flip") {
      this.generator = null;
      this.flipProbability = generator.eps;
    } else {
      const [cos, sin] = planeDirection(generator.angle);
      this.generator = sin === 0 ? [cos] : [cos, sin];
      this.flipProbability = 0;
    }
    const acceptance = labelOnlyAcceptance(verifier) ?? { phi: 1, psi: 1 };
    this.keepIfAgree = acceptance.phi;
    this.keepIfDisagree = acceptance.psi;
    this.moments = engine.f64(16);
    // G has at most k + 1 <= 4 rows of q < d entries.
    this.gaussian = engine.f64(4 * params.d);
  }

  /** Frame dimension this round: the fixed vectors and the generator's. */
  private frameDimension(): number {
    return Math.max(this.fixed, this.generator?.length ?? 1);
  }

  draw(system: F64Block, rhs: F64Block): FilteredMixtureCounts {
    const { engine, params } = this;
    const k = this.frameDimension();
    const labelling: FrameLabelling = this.generator === null ? { kind: "flip", probability: this.flipProbability }
      : this.sharpness === Infinity ? { kind: "direction", direction: padded(this.generator, k) }
      : { kind: "sampled", direction: padded(this.generator, k), sharpness: this.sharpness };
    const check: FrameCheck = params.verifier.kind === "linear"
      ? { kind: "direction", direction: padded(this.verifierCoordinates!, k), margin: params.verifier.margin }
      : params.verifier.kind === "self" ? { kind: "labelMargin", margin: params.verifier.margin }
      : { kind: "none" };
    const counts = engine.filteredMixtureMoments(this.rng, {
      k, nFiltered: params.nSynthetic, nClean: params.nReal, shift: params.mu, labelling, candidates: candidatesOf(params),
      keepIfAgree: this.keepIfAgree, keepIfDisagree: this.keepIfDisagree, check,
    }, this.moments);
    this.complete(system, rhs, k, counts.kept + params.nReal);
    return counts;
  }

  /**
   * X^T X and X^T y' in the basis (frame, then any completion) from M^T M for n kept rows:
   * the frame block and its right-hand side as they are, the cross block and the rest of the
   * right-hand side as G^T R, the rest block as G^T G + W. The stream gives G (row-major), then W.
   */
  private complete(system: F64Block, rhs: F64Block, k: number, n: number): void {
    const { engine } = this;
    const d = this.params.d, q = d - k, size = k + 1;
    const rank = Math.min(n, size);
    const factor = psdFactor(this.moments.view.subarray(0, size * size), size, rank);
    if (q > 0) {
      if (rank > 0) engine.fillNormal(this.rng, this.gaussian, rank * q);
      engine.fillWishart(this.rng, system.slice(k * d + k, (q - 1) * d + q), q, n - rank, d);
    }
    // Views after the engine calls, which may grow wasm memory.
    const a = system.view, b = rhs.view, moments = this.moments.view, g = this.gaussian.view;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) a[i * d + j] = moments[i * size + j];
      b[i] = moments[i * size + k];
    }
    for (let c = 0; c < q; c++) {
      const row = (k + c) * d;
      for (let j = 0; j < size; j++) {
        let cross = 0;
        for (let t = 0; t < rank; t++) cross += g[t * q + c] * factor[t * size + j];
        if (j < k) a[row + j] = a[j * d + k + c] = cross;
        else b[k + c] = cross;
      }
      for (let e = 0; e <= c; e++) {
        let gram = 0;
        for (let t = 0; t < rank; t++) gram += g[t * q + c] * g[t * q + e];
        a[row + k + e] += gram;
        if (e !== c) a[(k + e) * d + k + c] += gram;
      }
    }
  }

  /**
   * The model becomes the generator (the ridge learner's: labels sign(w . x)): its coordinates
   * on the fixed vectors and the norm of the rest, over |w|; the rest's direction is the next frame's last vector. The zero model labels
   * everything +1 with margin 0, as sign(0 . x) does.
   */
  adopt(model: Float64Array): void {
    this.sharpness = Infinity;
    const length = norm(model);
    if (length === 0) {
      this.generator = [0];
      return;
    }
    const head = Array.from(model.subarray(0, this.fixed), (w) => w / length);
    const rest = norm(model.subarray(this.fixed)) / length;
    this.generator = rest > 0 ? [...head, rest] : head;
  }

  free(): void {
    this.moments.free();
    this.gaussian.free();
  }
}
