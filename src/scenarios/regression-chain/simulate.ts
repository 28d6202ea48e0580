// One replicate of regression-chain: generation 0 is w_0 = w* + shift e2 with w* = signal e1;
// round t labels the schedule's synthetic rows by w_(t-1) (real rows by w*), all with fresh noise
// but fixed-real's real set, and fits w_t by ridge, or by least squares of minimum norm at ridge 0.
// The fit reads the training set's statistics X^T X and X^T y (batches.ts), kept as running sums
// under accumulate; where ridge is 0 and the training set has fewer than d distinct rows, it
// interpolates them instead (least-squares.ts). accumulate-subsample keeps the pool's points: the
// rows with their labels (fresh design), or an input's index and its label (fixed design).
//
// Stream order (one stream per replicate): the fixed inputs first (the synthetic design, then the
// real set's inputs and its labels under fixed-real, or the real rows' inputs under fresh-real),
// then each round its fresh real batch (fresh-real), its synthetic batch (batches.ts), and, from
// round 2 of accumulate-subsample, the subsample (one uniform per row kept).
import type { Engine, F64Block, RandomStream } from "../../engine/index.js";
import { RowPool, SchedulePlan } from "../../schedules/index.js";
import type { MetricValues, ReplicateOptions } from "../scenario.js";
import type { Params } from "./params.js";
import { Inputs, Labelled } from "./batches.js";
import { DistinctRows, LeastSquares } from "./least-squares.js";
import { ConditionalError, type ConditionalRound } from "./conditional.js";
import { theoryColumns } from "./metrics.js";
import { replicateRows } from "../replicate-rows.js";

export class ChainRun {
  /** w_t. */
  readonly w: F64Block;
  readonly truth: F64Block;
  private readonly plan: SchedulePlan;
  private readonly synthetic: Inputs;
  private readonly real: Inputs | null = null;
  private readonly batch: Labelled;
  /** The real set's batch (fixed-real, labelled once) or the round's real batch (fresh-real). */
  private readonly realBatch: Labelled;
  private readonly gram: F64Block;
  private readonly cross: F64Block;
  /** accumulate: the pool's Gram before the round, plus N lambda I (the conditional's carry). */
  private readonly carry: F64Block;
  private readonly noiseGram: F64Block;
  private readonly inverse: F64Block;
  private readonly rows: DistinctRows;
  /** accumulate, fresh design: the pool's rows while it has fewer than d. */
  private readonly poolRows: DistinctRows;
  /** accumulate, fixed design: each input's labels summed over the rounds. */
  private readonly labelSums: F64Block;
  private readonly fit: LeastSquares;
  private readonly conditional: ConditionalError | null;
  private readonly pool: RowPool | null = null;
  private readonly owned: Array<{ free(): void }> = [];
  private pooled = 0;

  constructor(
    private readonly engine: Engine,
    private readonly p: Params,
    private readonly rng: RandomStream,
    generations: number,
  ) {
    const d = p.dim;
    const own = <T extends { free(): void }>(x: T) => (this.owned.push(x), x);
    const block = (length: number) => own(engine.f64(length));
    try {
      this.plan = new SchedulePlan(p.schedule, p.samples);
      const rounds = Array.from({ length: Math.max(1, generations) }, (_, i) => this.plan.round(i + 1));
      const fixed = p.design === "fixed";
      const kind = p.schedule.kind;
      const exact = p.method === "exact" && kind !== "accumulate-subsample";
      const synthetic = rounds.map((r) => r.synthetic);
      this.synthetic = own(new Inputs(engine, rng, d, fixed ? [synthetic[0]] : synthetic, fixed, exact));
      this.w = block(d);
      this.truth = block(d);
      this.truth.view[0] = p.signal;
      this.w.view.set(this.truth.view);
      if (d > 1) this.w.view[1] = p.shift;
      this.batch = own(new Labelled(engine, d));
      this.realBatch = own(new Labelled(engine, d));
      if (kind === "fixed-real") {
        const n = this.plan.realSet;
        this.real = own(new Inputs(engine, rng, d, [n], true, exact));
        this.real.label(rng, n, this.truth, p.noise, this.realBatch);
      } else if (kind === "fresh-real") {
        const real = rounds.map((r) => r.freshReal);
        this.real = own(new Inputs(engine, rng, d, fixed ? [real[0]] : real, fixed, exact));
      }
      this.gram = block(d * d);
      this.cross = block(d);
      this.carry = block(d * d);
      this.noiseGram = block(d * d);
      this.inverse = block(d * d);
      this.rows = own(new DistinctRows(engine, d));
      this.poolRows = own(new DistinctRows(engine, d));
      // Label sums of the fixed inputs: all of them under accumulate-subsample, fewer than d under
      // accumulate (only a rank-deficient round needs them), none otherwise; never a block of
      // samples entries where the exact method draws no rows.
      this.labelSums = block(!fixed ? 1 : kind === "accumulate-subsample" ? p.samples : kind === "accumulate" ? Math.max(1, Math.min(p.samples, d)) : 1);
      this.fit = own(new LeastSquares(engine, d));
      this.conditional = computesConditional(p) ? own(new ConditionalError(engine, d, p.noise, this.truth, this.w)) : null;
      if (kind === "accumulate-subsample") this.pool = own(new RowPool(engine, fixed ? 2 : d + 1, this.plan.poolAfter(generations)));
    } catch (error) {
      this.free();
      throw error;
    }
  }

  /** Round t; returns conditionalTestError (null when not computed). */
  step(t: number): number | null {
    const { p, engine, rng, batch, realBatch } = this;
    const d = p.dim, lambda = p.ridge, round = this.plan.round(t);
    const ridgeOnly = lambda === 0;
    this.rows.clear();
    let singular = false, count = round.training;
    const conditional: ConditionalRound = { pseudoInverse: this.inverse, carry: batch.gram, noiseGram: batch.gram, realGram: null, fixedNoise: false };
    switch (p.schedule.kind) {
      case "replace":
        if (ridgeOnly && this.synthetic.statistics(round.synthetic)) {
          // Least squares on statistics: w + sigma A^-T z, no Gram, no factorisation (batches.ts).
          const conditionalOn = this.conditional !== null;
          this.fit.useFactor((factor) => this.synthetic.replaceStep(rng, round.synthetic, this.w, p.noise, conditionalOn ? batch.gram : null, conditionalOn ? factor : null));
          if (!this.conditional) return null;
          this.fit.pseudoInverse(this.inverse);
          return this.conditional.step(conditional);
        }
        this.synthetic.label(rng, round.synthetic, this.w, p.noise, batch);
        this.gram.set(batch.gram.view);
        this.cross.set(batch.cross.view);
        singular = ridgeOnly && round.synthetic < d;
        if (singular) this.rows.add(batch.rows!.view, round.synthetic, batch.labels!.view);
        break;
      case "accumulate": {
        const before = this.pooled;
        this.synthetic.label(rng, round.synthetic, this.w, p.noise, batch);
        if (t === 1) this.gram.view.fill(0);
        this.carry.set(this.gram.view);
        for (let i = 0; i < d; i++) this.carry.view[i * d + i] += before * lambda;
        engine.axpy(1, batch.gram, this.gram, d * d);
        engine.axpy(1, batch.gram, this.carry, d * d);
        if (t === 1) this.cross.view.fill(0);
        engine.axpy(1, batch.cross, this.cross, d);
        this.pooled += round.synthetic;
        count = this.pooled;
        conditional.carry = this.carry;
        if (p.design === "fixed") {
          singular = ridgeOnly && round.synthetic < d;
          if (singular) {
            const sums = this.labelSums.view, labels = batch.labels!.view;
            for (let i = 0; i < round.synthetic; i++) sums[i] += labels[i];
            const means = labels.map((_, i) => sums[i] / t);
            this.rows.add(batch.rows!.view, round.synthetic, means, t);
          }
        } else {
          singular = ridgeOnly && this.pooled < d;
          if (singular) {
            this.poolRows.add(batch.rows!.view, round.synthetic, batch.labels!.view);
            this.rows.add(this.poolRows.rows.view, this.poolRows.count, this.poolRows.labels.view);
          }
        }
        break;
      }
      case "accumulate-subsample":
        singular = this.subsample(round.synthetic, round.subsample);
        break;
      case "fixed-real":
        this.synthetic.label(rng, round.synthetic, this.w, p.noise, batch);
        singular = ridgeOnly && count < d;
        this.combine(realBatch, batch, singular);
        Object.assign(conditional, { realGram: realBatch.gram, fixedNoise: true });
        break;
      case "fresh-real":
        this.real!.label(rng, round.freshReal, this.truth, p.noise, realBatch);
        this.synthetic.label(rng, round.synthetic, this.w, p.noise, batch);
        singular = ridgeOnly && count < d;
        this.combine(realBatch, batch, singular);
        this.noiseGram.set(this.gram.view);
        Object.assign(conditional, { realGram: realBatch.gram, noiseGram: this.noiseGram });
        break;
    }
    if (singular) this.fit.interpolate(this.rows, this.w);
    else this.fit.solve(this.gram, count * lambda, this.cross, this.w);
    if (!this.conditional) return null;
    this.fit.pseudoInverse(this.inverse);
    return this.conditional.step(conditional);
  }

  /** The training statistics of a real and a synthetic batch together; their rows too when the fit is singular. */
  private combine(real: Labelled, synthetic: Labelled, singular: boolean): void {
    const { engine, gram, cross } = this, d = this.p.dim;
    gram.set(real.gram.view);
    engine.axpy(1, synthetic.gram, gram, d * d);
    cross.set(real.cross.view);
    engine.axpy(1, synthetic.cross, cross, d);
    if (singular) {
      this.rows.add(real.rows!.view, real.count, real.labels!.view);
      this.rows.add(synthetic.rows!.view, synthetic.count, synthetic.labels!.view);
    }
  }

  /**
   * accumulate-subsample: adds the round's n labelled rows to the pool, draws the training set
   * (the whole pool in round 1) and puts its statistics in gram and cross; returns whether the
   * fit is singular (ridge 0 and fewer than d distinct inputs), with the distinct rows in `rows`.
   */
  private subsample(n: number, draw: boolean): boolean {
    const { p, engine, rng, batch } = this;
    const d = p.dim, pool = this.pool!;
    this.synthetic.label(rng, n, this.w, p.noise, batch);
    const x = batch.rows!.view, labels = batch.labels!.view;
    const width = pool.width, added = pool.next(n).view;
    for (let i = 0; i < n; i++) {
      if (p.design === "fixed") {
        added[2 * i] = i;
        added[2 * i + 1] = labels[i];
      } else {
        added.set(x.subarray(i * d, (i + 1) * d), i * width);
        added[i * width + d] = labels[i];
      }
    }
    pool.add(n);
    const training = draw ? pool.subsample(rng, n) : pool.all();
    const ridgeOnly = p.ridge === 0;
    if (p.design === "fresh") {
      engine.transposeProduct(training, training, this.gram, n, d, d, width, width, false, true);
      engine.transposeProduct(training, training.slice(d, training.length - d), this.cross, n, d, 1, width, width);
      if (ridgeOnly && n < d) {
        this.rows.add(training.view, n, training.view, 1, width, width, d);
        return true;
      }
      return false;
    }
    // Fixed design: multiplicities and label sums of the fixed inputs.
    const counts = new Float64Array(n), sums = this.labelSums.view.subarray(0, n);
    sums.fill(0);
    const drawn = training.view;
    for (let k = 0; k < n; k++) {
      const i = drawn[2 * k];
      counts[i] += 1;
      sums[i] += drawn[2 * k + 1];
    }
    const scaled = this.rowsScratch(n * d);
    scaled.set(batch.rows!.view);
    for (let i = 0; i < n; i++) if (counts[i] !== 1) engine.scale(counts[i], scaled.slice(i * d, d), d);
    engine.transposeProduct(scaled, batch.rows!, this.gram, n, d, d, d, d, false, true);
    engine.transposeProduct(batch.rows!, this.labelSums, this.cross, n, d, 1);
    let distinct = 0;
    for (let i = 0; i < n; i++) if (counts[i] > 0) distinct++;
    if (!(ridgeOnly && distinct < d)) return false;
    for (let i = 0; i < n; i++) {
      if (counts[i] > 0) this.rows.add(x.subarray(i * d, (i + 1) * d), 1, Float64Array.of(sums[i] / counts[i]), counts[i]);
    }
    return true;
  }

  private scratch: F64Block | null = null;

  /** An engine block of at least `length` entries, kept across rounds. */
  private rowsScratch(length: number): F64Block {
    if (!this.scratch || this.scratch.length < length) {
      this.scratch?.free();
      this.scratch = this.engine.f64(length);
    }
    return this.scratch;
  }

  /** testError and weightNormSq of w_t. */
  metrics(): { testError: number; weightNormSq: number } {
    const w = this.w.view, truth = this.truth.view;
    let error = 0, norm = 0;
    for (let i = 0; i < w.length; i++) {
      const e = w[i] - truth[i];
      error += e * e;
      norm += w[i] * w[i];
    }
    return { testError: error, weightNormSq: norm };
  }

  free(): void {
    this.scratch?.free();
    this.scratch = null;
    this.owned.forEach((x) => x.free());
    this.owned.length = 0;
  }
}

export function runReplicate(engine: Engine, p: Params, options: ReplicateOptions): MetricValues[] {
  const initial = { conditionalTestError: computesConditional(p) ? p.shift * p.shift : null };
  return replicateRows(engine, options, theoryColumns(p, options.generations), initial, (rng) => {
    const run = new ChainRun(engine, p, rng, options.generations);
    return { metrics: () => run.metrics(), step: (t) => ({ conditionalTestError: run.step(t) }), free: () => run.free() };
  });
}

/** Whether a replicate computes conditionalTestError (never under accumulate-subsample). */
function computesConditional(p: Params): boolean {
  return p.conditional && p.schedule.kind !== "accumulate-subsample";
}
