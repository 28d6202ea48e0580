// The curated-choice scenario's metrics per generation and its closed-form columns: the exact
// expectations of generation 1 (and of every generation with K = 1), the exact expectations given
// the previous generation, and the expected-mode trajectory as an asymptotic overlay.
import type { MetricDefinition, MetricValues } from "../scenario.js";
import { perCell } from "../replicate-rows.js";
import { SchedulePlan } from "../../schedules/index.js";
import { rewardsOf, type Params } from "./params.js";
import { curationMap } from "./curation.js";
import {
  TWO_ATOM_MAX_SAMPLES, baseOf, conditionalSupport, expectedTrajectory, kimuraFixation, rewardSummary, twoAtomChain, weightsOf,
} from "./theory.js";

export const metrics: readonly MetricDefinition[] = [
  { name: "meanReward", description: "E_(p_t)[r], the model's expected reward" },
  { name: "topMass", description: "p_t's mass on the atoms of the highest reward" },
  { name: "topFixed", description: "1 once the atoms of the highest reward hold all of p_t's mass, else 0: its mean over replicates is the chance that they have taken over by generation t" },
  { name: "supportSize", description: "#{i : p_t(i) > 0}" },
  { name: "gini", description: "1 - sum p_t^2" },
  { name: "entropy", description: "-sum p_t ln p_t in nats (no closed form)" },
  { name: "klFromBase", description: "KL(p_t || p0), finite since the support of p_t lies in p0's (no closed form)" },
  { name: "conditionalMeanReward", theoryOf: "meanReward", closedForm: "conditional", description: "E[meanReward_t | generation t - 1] through the exact curation map; null under accumulate-subsample and in expected mode" },
  { name: "conditionalTopMass", theoryOf: "topMass", closedForm: "conditional", description: "E[topMass_t | generation t - 1], as conditionalMeanReward" },
  { name: "conditionalTopFixed", theoryOf: "topFixed", closedForm: "conditional", description: "P(topFixed_t | generation t - 1): 0 if a kept count lies off the top atoms, else p0(top)^real q(top)^synthetic; as conditionalMeanReward" },
  { name: "conditionalSupportSize", theoryOf: "supportSize", closedForm: "conditional", description: "E[supportSize_t | generation t - 1], as conditionalMeanReward" },
  { name: "theoryMeanReward", theoryOf: "meanReward", closedForm: "exact", description: "E meanReward: at generation 1 under every schedule and K; at every generation with choices = 1 (no curation: E p_t = p0); null elsewhere and in expected mode" },
  { name: "theoryTopMass", theoryOf: "topMass", closedForm: "exact", description: "E topMass, as theoryMeanReward" },
  {
    name: "theoryTopFixed", theoryOf: "topFixed", closedForm: "exact",
    description: `P(topFixed): at generation 0; at every generation for two atoms of different rewards under replace with a constant N <= ${TWO_ATOM_MAX_SAMPLES} (the exact (N + 1)-state chain, which also gives theoryMeanReward and theoryTopMass there); null elsewhere and in expected mode`,
  },
  {
    name: "kimuraTopFixed", theoryOf: "topFixed", closedForm: "asymptotic",
    description: "Kimura's diffusion approximation of the chance that the better of two atoms ever takes over, (1 - exp(-2 N s p0)) / (1 - exp(-2 N s)) with s = tanh(rewardScale gap / 2) = (1 - e^(-rewardScale gap)) / (1 + e^(-rewardScale gap)): two atoms, K = 2, replace with a constant N; the limit of P(topFixed) as t grows, drawn at every generation from 1",
  },
  { name: "theorySupportSize", theoryOf: "supportSize", closedForm: "exact", description: "E supportSize at generation 1 under every schedule and K; null elsewhere and in expected mode" },
  { name: "limitMeanReward", theoryOf: "meanReward", closedForm: "asymptotic", description: "meanReward of the expected-mode trajectory (N = infinity) at the same generation: asymptotic for finite N, for overlays" },
  { name: "limitTopMass", theoryOf: "topMass", closedForm: "asymptotic", description: "topMass of the expected-mode trajectory, as limitMeanReward" },
];

/** The theory columns of generations 0..generations (the conditional ones excepted: they depend on the run). */
export const theoryColumns = perCell(columnsOf);

function columnsOf(p: Params, generations: number): MetricValues[] {
  const plan = new SchedulePlan(p.schedule, p.samples);
  const p0 = baseOf(p.support, p.base), r = rewardsOf(p), w = weightsOf(r, p.rewardScale);
  const limits = expectedTrajectory(plan, p0, w, p.choices, generations).map((x) => rewardSummary(x, r));
  const start = rewardSummary(p0, r);
  const chain = twoAtoms(p, p0, r, w, generations);
  const rows: MetricValues[] = limits.map((limit, t) => ({
    theoryMeanReward: t === 0 || (!p.expected && p.choices === 1) ? start.meanReward : chain && t > 1 ? chain.meanReward[t] : null,
    theoryTopMass: t === 0 || (!p.expected && p.choices === 1) ? start.topMass : chain && t > 1 ? chain.mass[t] : null,
    theoryTopFixed: t === 0 ? (start.topMass === 1 ? 1 : 0) : chain ? chain.fixed[t] : null,
    kimuraTopFixed: t > 0 && chain?.kimura !== undefined ? chain.kimura : null,
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
  return rows;
}


/**
 * The two-atom chain's columns where it is exact (sampling mode, two atoms of different rewards,
 * replace with a constant N up to TWO_ATOM_MAX_SAMPLES), with Kimura's approximation for K = 2;
 * null elsewhere.
 */
function twoAtoms(p: Params, p0: Float64Array, r: number[], w: Float64Array, generations: number) {
  const constant = p.schedule.kind === "replace" && p.schedule.growth.kind === "constant";
  if (p.expected || p.support !== 2 || r[0] === r[1] || !constant || p.samples > TWO_ATOM_MAX_SAMPLES) return null;
  const top = r[1] > r[0] ? 1 : 0;
  const { mass, fixed } = twoAtomChain(p0, w, p.choices, top, p.samples, generations);
  const meanReward = mass.map((m) => m * r[top] + (1 - m) * r[1 - top]);
  const gap = p.rewardScale * Math.abs(r[1] - r[0]);
  return { mass, fixed, meanReward, kimura: p.choices === 2 ? kimuraFixation(p.samples, gap, p0[top]) : undefined };
}
