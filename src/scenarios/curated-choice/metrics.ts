// The curated-choice scenario's metrics per generation and its closed-form columns: the exact
// expectations of generation 1 (and of every generation with K = 1), the exact expectations given
// the previous generation, and the expected-mode trajectory as an asymptotic overlay.
import type { MetricDefinition, MetricValues } from "../scenario.js";
import { SchedulePlan } from "../../schedules/index.js";
import { rewardsOf, type Params } from "./params.js";
import { curationMap } from "./curation.js";
import { baseOf, conditionalSupport, expectedTrajectory, rewardSummary, weightsOf } from "./theory.js";

export const metrics: readonly MetricDefinition[] = [
  { name: "meanReward", description: "E_(p_t)[r], the model's expected reward" },
  { name: "topMass", description: "p_t's mass on the atoms of the highest reward" },
  { name: "supportSize", description: "#{i : p_t(i) > 0}" },
  { name: "gini", description: "1 - sum p_t^2" },
  { name: "entropy", description: "-sum p_t ln p_t in nats (no closed form)" },
  { name: "klFromBase", description: "KL(p_t || p0), finite since the support of p_t lies in p0's (no closed form)" },
  { name: "conditionalMeanReward", theoryOf: "meanReward", closedForm: "conditional", description: "E[meanReward_t | generation t - 1] through the exact curation map; null under accumulate-subsample and in expected mode" },
  { name: "conditionalTopMass", theoryOf: "topMass", closedForm: "conditional", description: "E[topMass_t | generation t - 1], as conditionalMeanReward" },
  { name: "conditionalSupportSize", theoryOf: "supportSize", closedForm: "conditional", description: "E[supportSize_t | generation t - 1], as conditionalMeanReward" },
  { name: "theoryMeanReward", theoryOf: "meanReward", closedForm: "exact", description: "E meanReward: at generation 1 under every schedule and K; at every generation with choices = 1 (no curation: E p_t = p0); null elsewhere and in expected mode" },
  { name: "theoryTopMass", theoryOf: "topMass", closedForm: "exact", description: "E topMass, as theoryMeanReward" },
  { name: "theorySupportSize", theoryOf: "supportSize", closedForm: "exact", description: "E supportSize at generation 1 under every schedule and K; null elsewhere and in expected mode" },
  { name: "limitMeanReward", theoryOf: "meanReward", closedForm: "asymptotic", description: "meanReward of the expected-mode trajectory (N = infinity) at the same generation: asymptotic for finite N, for overlays" },
  { name: "limitTopMass", theoryOf: "topMass", closedForm: "asymptotic", description: "topMass of the expected-mode trajectory, as limitMeanReward" },
];

/** The theory columns of generations 0..generations (the conditional ones excepted: they depend on the run). */
export function theoryColumns(p: Params, generations: number): MetricValues[] {
  const key = JSON.stringify([p, generations]);
  if (cached?.key === key) return cached.rows;
  const plan = new SchedulePlan(p.schedule, p.samples);
  const p0 = baseOf(p.support, p.base), r = rewardsOf(p), w = weightsOf(r, p.rewardScale);
  const limits = expectedTrajectory(plan, p0, w, p.choices, generations).map((x) => rewardSummary(x, r));
  const start = rewardSummary(p0, r);
  const rows: MetricValues[] = limits.map((limit, t) => ({
    theoryMeanReward: t === 0 || (!p.expected && p.choices === 1) ? start.meanReward : null,
    theoryTopMass: t === 0 || (!p.expected && p.choices === 1) ? start.topMass : null,
    theorySupportSize: t === 0 ? p0.filter((x) => x > 0).length : null,
    limitMeanReward: limit.meanReward,
    limitTopMass: limit.topMass,
  }));
  if (!p.expected && generations >= 1) {
    // Round 1 draws curated samples of p0 and real samples of p0: E p_1 mixes C_K(p0) and p0 by the round's sizes.
    const q0 = curationMap(p0, w, p.choices), round = plan.round(1), mix = plan.weights(1);
    const first = rewardSummary(Float64Array.from(p0, (x, i) => mix.synthetic * q0[i] + mix.real * x), r);
    const real = round.freshReal + round.fixedReal;
    Object.assign(rows[1], {
      theoryMeanReward: first.meanReward,
      theoryTopMass: first.topMass,
      theorySupportSize: conditionalSupport(p0, q0, { fixed: null, real, synthetic: round.synthetic }),
    });
  }
  cached = { key, rows };
  return rows;
}

let cached: { key: string; rows: MetricValues[] } | undefined;
