// A categorical model refitted under a schedule to count vectors, never token by token (the
// categorical scenarios): the model is the empirical frequency of its training counts. A round's
// synthetic counts come from the scenario (drawn from its sampling or curation of the model); real
// counts are one multinomial draw from the base p0, and accumulate-subsample's training set a
// multivariate hypergeometric subsample of the pool's counts. In expected mode the counts are
// replaced by their expectations.
//
// Stream order: fixed-real draws its real counts when the refit is made; each round then draws its
// fresh real counts (fresh-real), the synthetic counts and, from round 2 of accumulate-subsample,
// the subsample.
//
// With `compact`, symbols the model can no longer produce are dropped from the blocks after each
// round, so that a round costs in the live symbols, not in K: entry j of every block is then
// symbol symbols[j] (ascending), and the p0 mass of the dropped symbols is deadMass. A symbol is
// gone for good once the round's training source (the model; accumulate-subsample's pool) has it
// at 0 and no fresh real token can bring it back, so fresh-real in sampling mode never drops one.
import type { Engine, F64Block, I32Block, RandomStream } from "../engine/index.js";
import type { Schedule } from "./schedule.js";
import { SchedulePlan, type Round } from "./plan.js";

export class CountRefit {
  readonly plan: SchedulePlan;
  /** The current model p_t. */
  readonly model: F64Block;
  /** p0 in engine memory, the source of real counts. */
  readonly base: F64Block;
  /** The round's synthetic counts (and accumulate-subsample's subsample). */
  private readonly counts: F64Block;
  /** accumulate's and accumulate-subsample's pool, fixed-real's real counts, fresh-real's real counts of the round. */
  readonly kept: F64Block;
  private readonly owned: F64Block[] = [];
  /** The entries of the blocks in use: K, or the live symbols once compacted. */
  live: number;
  /** The symbol of each entry in use, ascending (null: entry j is symbol j). */
  symbols: Int32Array | null = null;
  /** The p0 mass of the symbols dropped from the blocks (each is at 0 in the model). */
  deadMass = 0;
  private readonly compact: boolean;
  /** dropDead's scratch: the entries it keeps. */
  private keep: I32Block | undefined;

  constructor(
    private readonly engine: Engine,
    private readonly rng: RandomStream,
    private readonly schedule: Schedule,
    private readonly samples: number,
    readonly p0: Float64Array,
    private readonly expected: boolean,
    { compact = false }: { compact?: boolean } = {},
  ) {
    this.live = p0.length;
    this.compact = compact && !(schedule.kind === "fresh-real" && !expected);
    const own = () => (this.owned.push(engine.f64(p0.length)), this.owned[this.owned.length - 1]);
    try {
      this.base = own();
      this.base.view.set(p0);
      this.model = own();
      this.model.view.set(p0);
      this.counts = own();
      this.kept = own();
      this.plan = new SchedulePlan(schedule, samples);
      if (schedule.kind === "fixed-real" && !expected) engine.multinomialCounts(rng, this.base, this.plan.realSet, this.kept);
    } catch (error) {
      this.free();
      throw error;
    }
  }

  /**
   * Round t's refit: its fresh real counts, then `synthetic` draws round.synthetic counts into
   * the first `live` entries of the block it is given (the live symbols'); the model becomes the
   * training counts' frequencies, and with compact the symbols gone for good are dropped.
   */
  refit(round: Round, synthetic: (count: number, into: F64Block) => void): void {
    const { engine, rng } = this;
    const n = this.live;
    const kept = this.kept.view.subarray(0, n), counts = this.counts.view.subarray(0, n), model = this.model.view.subarray(0, n);
    if (this.schedule.kind === "fresh-real") engine.multinomialCounts(rng, this.base, round.freshReal, this.kept, n);
    synthetic(round.synthetic, this.counts);
    switch (this.schedule.kind) {
      case "replace":
        engine.quotient(this.counts, round.size, this.model, n);
        break;
      case "accumulate":
        for (let i = 0; i < n; i++) kept[i] += counts[i];
        engine.quotient(this.kept, round.training, this.model, n);
        break;
      case "accumulate-subsample":
        for (let i = 0; i < n; i++) kept[i] += counts[i];
        if (round.subsample) engine.hypergeometricCounts(rng, this.kept, this.samples, this.counts, n);
        engine.quotient(round.subsample ? this.counts : this.kept, round.training, this.model, n);
        break;
      case "fixed-real":
      case "fresh-real":
        for (let i = 0; i < model.length; i++) model[i] = (kept[i] + counts[i]) / round.training;
        break;
    }
    this.dropDead();
  }

  /** Round t in expected mode: the model becomes the schedule's mixture of itself, q (the synthetic counts' law) and p0. */
  expectedRefit(t: number, q: ArrayLike<number>): void {
    const mix = this.plan.weights(t), model = this.model.view, base = this.base.view;
    for (let i = 0; i < this.live; i++) model[i] = mix.pooled * model[i] + mix.synthetic * q[i] + mix.real * base[i];
    this.dropDead();
  }

  /** The entries in use of the symbols below `symbol` (where a rank among all K symbols starts among the live ones). */
  entriesBelow(symbol: number): number {
    const symbols = this.symbols;
    if (symbols === null) return Math.min(symbol, this.live);
    let lo = 0, hi = this.live;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (symbols[mid] < symbol) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** With compact: moves the symbols still possible to the front of every block, in order, and adds the others' p0 mass to deadMass. */
  private dropDead(): void {
    if (!this.compact) return;
    const source = this.schedule.kind === "accumulate-subsample" && !this.expected ? this.kept : this.model;
    const n = this.live;
    this.keep ??= this.engine.i32(n);
    const { live, deadMass } = this.engine.liveSymbols(source, this.base, this.keep, n);
    if (live === n) return;
    const keep = this.keep.view;
    this.deadMass += deadMass;
    for (const block of this.owned) {
      const v = block.view;
      for (let j = 0; j < live; j++) v[j] = v[keep[j]];
    }
    if (this.symbols === null) this.symbols = keep.slice(0, live);
    else for (let j = 0; j < live; j++) this.symbols[j] = this.symbols[keep[j]];
    this.live = live;
  }

  /** The fixed counts a round trains on beside its fresh ones (accumulate's pool, fixed-real's real set), or null. */
  fixedCounts(): F64Block | null {
    return this.schedule.kind === "accumulate" || this.schedule.kind === "fixed-real" ? this.kept : null;
  }

  free(): void {
    this.owned.forEach((x) => x.free());
    this.owned.length = 0;
    this.keep?.free();
    this.keep = undefined;
  }
}
