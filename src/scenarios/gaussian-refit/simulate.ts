// One replicate of gaussian-refit: generation 0 is the truth N(0, sigma0^2 I); each round the
// schedule assembles a training set of synthetic points, drawn from the previous fit with its
// covariance times the temperature, and of real points from the truth, and the model is refitted.
//
// Replace, exact method: the fit of m points of N(mu, tau L L^T) is mu + sqrt(tau/m) L z and
// (tau/c) L A A^T L^T (batches.ts), so L_t = sqrt(tau/c) L_(t-1) A stays lower triangular: a
// product, never a Cholesky factorisation, and ln det Sigma grows by d ln(tau/c) + 2 sum ln A_ii.
// The other schedules pool batch statistics (accumulate, fixed-real, fresh-real) and refit
// through a Cholesky factor; accumulate-subsample keeps the points of the pool and draws n of them
// without replacement each round (the schedule layer's RowPool).
//
// Stream order (one stream per replicate): fixed-real draws its real set before round 1; then each
// round draws, in order, its fresh real batch (fresh-real), its synthetic batch (batches.ts: the
// exact law or the points; under replace with the exact method, d normals then the Bartlett factor
// or one chi-square), and, from round 2 of accumulate-subsample, the subsample (one uniform per
// point kept, after the round's points).
import type { Engine, RandomStream } from "../../engine/index.js";
import { detLog } from "../../math/fdlibm.js";
import { RowPool, SchedulePlan } from "../../schedules/index.js";
import type { MetricValues, ReplicateOptions } from "../scenario.js";
import type { Params } from "./params.js";
import { GaussianModel } from "./model.js";
import { PointStatistics, Scratch, directBatch, exactBatch } from "./batches.js";
import { divisor } from "./theory.js";
import { theoryColumns } from "./metrics.js";
import { replicateRows } from "../replicate-rows.js";

/** A replicate in progress: the model, the schedule's state, and its scratch memory. */
export class RefitRun {
  readonly model: GaussianModel;
  private readonly truth: GaussianModel;
  private readonly plan: SchedulePlan;
  private readonly scratch: Scratch;
  private readonly training: PointStatistics;
  private readonly batch: PointStatistics;
  /** accumulate's pool, fixed-real's real set. */
  private readonly kept: PointStatistics;
  private readonly pool: RowPool | null;
  private readonly draw: typeof exactBatch;
  private readonly owned: Array<{ free(): void }> = [];

  constructor(
    private readonly engine: Engine,
    private readonly p: Params,
    private readonly rng: RandomStream,
    generations: number,
  ) {
    const full = p.covariance === "full" && p.dim > 1;
    const own = <T extends { free(): void }>(x: T) => (this.owned.push(x), x);
    try {
      this.model = own(new GaussianModel(engine, p.dim, !full, p.sigma0));
      this.truth = own(new GaussianModel(engine, p.dim, !full, p.sigma0));
      this.plan = new SchedulePlan(p.schedule, p.samples);
      this.scratch = own(new Scratch(engine, p.dim, full));
      this.training = own(new PointStatistics(engine, p.dim, full));
      this.batch = own(new PointStatistics(engine, p.dim, full));
      this.kept = own(new PointStatistics(engine, p.dim, full));
      this.pool = p.schedule.kind === "accumulate-subsample" ? own(new RowPool(engine, p.dim, this.plan.poolAfter(generations))) : null;
      this.draw = p.method === "exact" ? exactBatch : directBatch;
      if (p.schedule.kind === "fixed-real") this.draw(engine, rng, this.truth, this.plan.realSet, 1, this.kept, this.scratch);
    } catch (error) {
      this.free();
      throw error;
    }
  }

  /** Round t. */
  step(t: number): void {
    const { engine, rng, model, p, scratch } = this;
    const round = this.plan.round(t);
    const tau = p.temperature;
    switch (p.schedule.kind) {
      case "replace":
        if (p.method === "exact") {
          this.replaceExactly(round.size);
          return;
        }
        this.draw(engine, rng, model, round.size, tau, this.training, scratch);
        break;
      case "accumulate":
        this.draw(engine, rng, model, round.size, tau, this.batch, scratch);
        this.kept.add(this.batch);
        this.training.copy(this.kept);
        break;
      case "accumulate-subsample": {
        const pool = this.pool!;
        engine.fillGaussianRows(rng, pool.next(round.size), round.size, p.dim, model.mean, model.factor, model.scale * Math.sqrt(tau));
        pool.add(round.size);
        const rows = round.subsample ? pool.subsample(rng, p.samples) : pool.all();
        this.training.fromRows(engine, rows, round.training, scratch);
        break;
      }
      case "fixed-real":
        this.draw(engine, rng, model, round.synthetic, tau, this.batch, scratch);
        this.training.copy(this.kept);
        this.training.add(this.batch);
        break;
      case "fresh-real":
        this.draw(engine, rng, this.truth, round.freshReal, 1, this.training, scratch);
        this.draw(engine, rng, model, round.synthetic, tau, this.batch, scratch);
        this.training.add(this.batch);
        break;
    }
    const c = divisor(p.estimator, this.training.count);
    model.refit(this.training.mean, this.training.scatter, this.training.trace, c);
  }

  /** Replace with the exact method: the mean's d normals, then L <- sqrt(tau/c) L A (full) or s^2 <- tau s^2 chi-square/(d c) (scalar). */
  private replaceExactly(n: number): void {
    const { engine, rng, model, p, scratch } = this;
    const d = p.dim, tau = p.temperature, c = divisor(p.estimator, n);
    engine.fillNormal(rng, scratch.vector, d);
    model.shiftMean(scratch.vector.view, model.scale * Math.sqrt(tau / n));
    const factor = model.factor.view;
    if (model.scalar) {
      engine.fillChiSquare(rng, scratch.vector, d * (n - 1), 1);
      const ratio = (tau * scratch.vector.view[0]) / (d * c);
      const root = Math.sqrt(ratio);
      for (let i = 0; i < d; i++) factor[i * d + i] *= root;
      model.logDet += d * detLog(ratio);
    } else {
      engine.fillBartlett(rng, scratch.matrix, d, n - 1);
      let logDet = d * detLog(tau / c);
      for (let i = 0; i < d; i++) logDet += 2 * detLog(scratch.matrix.view[i * d + i]);
      model.logDet += logDet;
      engine.lowerProduct(model.factor, scratch.matrix, d);
      const root = Math.sqrt(tau / c);
      for (let i = 0; i < d * d; i++) factor[i] *= root;
    }
    model.renormalise();
  }

  free(): void {
    this.owned.forEach((x) => x.free());
    this.owned.length = 0;
  }
}

export function runReplicate(engine: Engine, p: Params, options: ReplicateOptions): MetricValues[] {
  return replicateRows(engine, options, theoryColumns(p, options.generations), NOTHING_KNOWN, (rng) => {
    const run = new RefitRun(engine, p, rng, options.generations);
    return { metrics: () => run.model.metrics(p.sigma0), step: (t) => (run.step(t), NOTHING_KNOWN), free: () => run.free() };
  });
}

/** gaussian-refit has no conditional columns: a round adds nothing to its row beforehand. */
const NOTHING_KNOWN: MetricValues = {};
