// The categorical-tails scenario's metrics per generation and its closed-form columns: exact
// where a closed form or exact recursion exists (theoryX), the exact expectation given the
// previous generation (conditionalX), and the asymptotic overlays (the Poisson-branching
// survival, the expected-mode trajectory); null where none exists.
import type { MetricDefinition, MetricValues } from "../scenario.js";
import { perCell } from "../replicate-rows.js";
import { SchedulePlan } from "../../schedules/index.js";
import type { Params } from "./params.js";
import { applyTransform, isIdentity, zipfBase, type Transform } from "./transform.js";
import {
  CHAIN_MAX_SAMPLES, CHAIN_MAX_SUPPORT, branchingSurvival, expectedTrajectory, firstRound, giniTheory, sumOfSquares, survivalChain, tail,
  type Survival,
} from "./theory.js";

const NO_TRANSFORM = "with no transform (temperature 1, no top-k or top-p cut)";

export const metrics: readonly MetricDefinition[] = [
  { name: "supportSize", description: "#{i : p_t(i) > 0}, the symbols the model can still produce" },
  { name: "lostMass", description: "sum of p0(i) over the symbols with p_t(i) = 0: the chance that a real token is one the model never produces (Tale of Tails' test error of the memorisation model)" },
  { name: "tailMass", description: "sum of p_t(i) over the symbols ranked after tailRank in p0" },
  { name: "gini", description: "1 - sum p_t(i)^2, the Wright-Fisher heterozygosity" },
  { name: "entropy", description: "-sum p_t ln p_t in nats (no closed form)" },
  { name: "conditionalSupportSize", theoryOf: "supportSize", closedForm: "conditional", description: "E[supportSize_t | generation t - 1], exact under every schedule but accumulate-subsample (null there and in expected mode)" },
  { name: "conditionalLostMass", theoryOf: "lostMass", closedForm: "conditional", description: "E[lostMass_t | generation t - 1], as conditionalSupportSize" },
  { name: "conditionalTailMass", theoryOf: "tailMass", closedForm: "conditional", description: "E[tailMass_t | generation t - 1], as conditionalSupportSize" },
  { name: "conditionalGini", theoryOf: "gini", closedForm: "conditional", description: "E[gini_t | generation t - 1], as conditionalSupportSize" },
  {
    name: "theorySupportSize", theoryOf: "supportSize", closedForm: "exact",
    description: `E supportSize: the binomial chain under replace ${NO_TRANSFORM}, constant n <= ${CHAIN_MAX_SAMPLES} and support <= ${CHAIN_MAX_SUPPORT}; generation 1 under every schedule and transform; every generation under accumulate (the support freezes after round 1); null elsewhere and in expected mode`,
  },
  { name: "theoryLostMass", theoryOf: "lostMass", closedForm: "exact", description: "E lostMass, where theorySupportSize has a value" },
  { name: "theoryTailMass", theoryOf: "tailMass", closedForm: "exact", description: `E tailMass = the tail mass of p0 under every schedule ${NO_TRANSFORM} (E p_t = p0); null with a transform and in expected mode` },
  { name: "theoryGini", theoryOf: "gini", closedForm: "exact", description: `E gini under every schedule ${NO_TRANSFORM} (exact recursions); null with a transform and in expected mode` },
  {
    name: "asymptoticSupportSize", theoryOf: "supportSize", closedForm: "asymptotic",
    description: `the Poisson-branching approximation sum (1 - exp(-n p0 g_t)), g_(t+1) = 1 - exp(-g_t) (Suresh et al.'s lower bound): under replace ${NO_TRANSFORM} and constant n; null elsewhere`,
  },
  { name: "asymptoticLostMass", theoryOf: "lostMass", closedForm: "asymptotic", description: "the Poisson-branching approximation of lostMass, as asymptoticSupportSize" },
  { name: "limitLostMass", theoryOf: "lostMass", closedForm: "asymptotic", description: "lostMass of the expected-mode trajectory (n = infinity) at the same generation: asymptotic for finite n, for overlays" },
  { name: "limitTailMass", theoryOf: "tailMass", closedForm: "asymptotic", description: "tailMass of the expected-mode trajectory at the same generation, as limitLostMass" },
];

export function transformOf(p: Params): Transform {
  return { temperature: p.temperature, topK: p.topK, topP: p.topP };
}

/** The theory columns of generations 0..generations (the conditional ones excepted: they depend on the run). */
export const theoryColumns = perCell(columnsOf);

function columnsOf(p: Params, generations: number): MetricValues[] {
  const plan = new SchedulePlan(p.schedule, p.samples);
  const p0 = zipfBase(p.support, p.zipfExponent, p.zipfOffset);
  const transform = transformOf(p);
  const identity = isIdentity(transform, p.support);
  const constant = !("growth" in p.schedule) || p.schedule.growth.kind === "constant";
  const sampled = !p.expected;
  const gini = sampled && identity ? giniTheory(plan, sumOfSquares(p0), generations) : null;
  const tail0 = tail(p0, p.tailRank);
  const limits = expectedTrajectory(plan, p0, transform, p.tailRank, generations);
  let survival: (Survival | null)[] = Array.from({ length: generations + 1 }, () => null);
  survival[0] = { supportSize: p0.filter((x) => x > 0).length, lostMass: 0 };
  if (sampled && generations >= 1) {
    const chain = p.schedule.kind === "replace" && identity && constant && p.samples <= CHAIN_MAX_SAMPLES && p.support <= CHAIN_MAX_SUPPORT;
    if (chain) survival = survivalChain(p0, p.samples, generations);
    else {
      const first = firstRound(plan, p0, applyTransform(p0, transform, new Float64Array(p.support)));
      for (let t = 1; t <= generations; t++) if (t === 1 || p.schedule.kind === "accumulate") survival[t] = first;
    }
  }
  const branching = sampled && identity && constant && p.schedule.kind === "replace" ? branchingSurvival(p0, p.samples, generations) : null;
  const rows = limits.map((limit, t): MetricValues => ({
    theorySupportSize: survival[t]?.supportSize ?? null,
    theoryLostMass: survival[t]?.lostMass ?? null,
    theoryTailMass: t === 0 || (sampled && identity) ? tail0 : null,
    theoryGini: t === 0 ? 1 - sumOfSquares(p0) : gini ? gini[t] : null,
    asymptoticSupportSize: branching ? branching[t].supportSize : null,
    asymptoticLostMass: branching ? branching[t].lostMass : null,
    limitLostMass: limit.lostMass,
    limitTailMass: limit.tailMass,
  }));
  return rows;
}

