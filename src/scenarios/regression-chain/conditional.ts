// The conditional expectation of testError given every input drawn: given the inputs, w_t is an
// affine function of the label noises, so its mean m_t, covariance C_t and (fixed-real) its
// loading F_t = Phi_t X_r^T on the real set's shared noise propagate exactly:
//   w_t = M_t w_(t-1) + H^+ G_r w* + sigma H^+ X^T eps, with M_t = H^+ (carry),
// where carry is G_s (replace, the mixing schedules) or H_t - n_t lambda I (accumulate: the pool's
// old rows carry w_(t-1) through the normal equations it solved). Then
//   m_t = M_t m_(t-1) + H^+ G_r w*,  C_t = M_t C_(t-1) M_t^T + sigma^2 H^+ G_noise H^+,
//   Phi_t = sigma H^+ + M_t Phi_(t-1) (fixed-real), and
//   E[testError_t | inputs] = |m_t - w*|^2 + tr C_t + tr(Phi_t G_r Phi_t^T).
// Every product is one of the engine's in-order kernels (matrixProduct, transposeProduct): O(d^3) a round.
import type { Engine, F64Block } from "../../engine/index.js";

/** One round's matrices: H^+, the carry, the Gram of the rows with fresh noise, and the real rows' Gram (mixing schedules). */
export interface ConditionalRound {
  pseudoInverse: F64Block;
  carry: F64Block;
  noiseGram: F64Block;
  realGram: F64Block | null;
  /** Whether the real rows' noise is the real set's, fixed (fixed-real). */
  fixedNoise: boolean;
}

export class ConditionalError {
  private readonly mean: F64Block;
  private readonly covariance: F64Block;
  private readonly loading: F64Block;
  /** M^T of the round. */
  private readonly m: F64Block;
  private readonly a: F64Block;
  private readonly b: F64Block;
  private readonly vector: F64Block;
  private readonly owned: F64Block[] = [];
  private hasLoading = false;

  constructor(
    private readonly engine: Engine,
    readonly dim: number,
    private readonly noise: number,
    private readonly truth: F64Block,
    start: F64Block,
  ) {
    const d = dim;
    const own = (length: number) => {
      const block = engine.f64(length);
      this.owned.push(block);
      return block;
    };
    try {
      this.mean = own(d);
      this.covariance = own(d * d);
      this.loading = own(d * d);
      this.m = own(d * d);
      this.a = own(d * d);
      this.b = own(d * d);
      this.vector = own(d);
    } catch (error) {
      this.free();
      throw error;
    }
    this.mean.set(start.view);
  }

  /** Propagates one round; returns E[testError_t | inputs]. */
  step(round: ConditionalRound): number {
    const { engine, dim: d, a, b } = this;
    const hp = round.pseudoInverse, sigma2 = this.noise * this.noise;
    // M^T = carry H^+ (both symmetric), so M X = transposeProduct(M^T, X) and no transpose is formed.
    const mt = this.m;
    engine.matrixProduct(round.carry, hp, mt, d, d, d);
    // m_t = M m + H^+ (G_r w*).
    const next = this.vector;
    engine.transposeProduct(mt, this.mean, next, d, d, 1);
    if (round.realGram) {
      engine.matrixProduct(round.realGram, this.truth, this.mean, d, d, 1);
      engine.matrixProduct(hp, this.mean, next, d, d, 1, true);
    }
    this.mean.set(next.view);
    // C_t = M C M^T + sigma^2 H^+ G_noise H^+.
    engine.transposeProduct(mt, this.covariance, a, d, d, d);
    engine.matrixProduct(a, mt, this.covariance, d, d, d);
    engine.matrixProduct(hp, round.noiseGram, a, d, d, d);
    engine.matrixProduct(a, hp, b, d, d, d);
    engine.axpy(sigma2, b, this.covariance, d * d);
    let extra = 0;
    if (round.fixedNoise && round.realGram) {
      // Phi_t = sigma H^+ + M Phi_(t-1), then tr(Phi G_r Phi^T).
      if (this.hasLoading) engine.transposeProduct(mt, this.loading, a, d, d, d);
      else a.view.fill(0);
      engine.axpy(this.noise, hp, a, d * d);
      this.loading.set(a.view);
      this.hasLoading = true;
      engine.matrixProduct(this.loading, round.realGram, b, d, d, d);
      const phi = this.loading.view, product = b.view;
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) extra += product[i * d + j] * phi[i * d + j];
    }
    const mean = this.mean.view, truth = this.truth.view, c = this.covariance.view;
    let value = extra;
    for (let i = 0; i < d; i++) {
      const e = mean[i] - truth[i];
      value += e * e + c[i * d + i];
    }
    return value;
  }

  free(): void {
    this.owned.forEach((x) => x.free());
    this.owned.length = 0;
  }
}
