// One replicate of the verified-mixture scenario: generation 0 is the generator; each round
// draws fresh inputs, labels them with the current generator, filters them with the verifier,
// adds real points and fits ridge; from round 2 on, the generator is the last model
// (self-consuming loop), the verifier stays the same. The rounds are drawn by the method the
// parameters choose (rounds.ts); the rows mean the same whichever it is.
import type { Engine } from "../../engine/index.js";
import type { MetricValues, ReplicateOptions } from "../scenario.js";
import type { Params } from "./params.js";
import { bayesAccuracy, generatorAccuracy, firstRoundAccuracy, labelOnlyAcceptance, labelOnlyKeep } from "./theory.js";
import { runRounds } from "./rounds.js";

export function runReplicate(engine: Engine, params: Params, options: ReplicateOptions): MetricValues[] {
  const bayes = bayesAccuracy(params.mu);
  const initial = generatorAccuracy(params.mu, params.generator);
  const acceptance = labelOnlyAcceptance(params.verifier);
  const rows: MetricValues[] = [{
    accuracy: initial, bayesAccuracy: bayes, keptFraction: null, keptLabelAccuracy: null,
    theoryAccuracy: initial, theoryKeptFraction: null, theoryKeptLabelAccuracy: null,
  }];
  runRounds(engine, params, options).forEach((round, i) => {
    // This round's generator is the previous row's model (generation 0: the generator itself).
    const keep = acceptance ? labelOnlyKeep(acceptance, rows[i].accuracy as number) : null;
    rows.push({
      accuracy: round.accuracy,
      bayesAccuracy: bayes,
      keptFraction: round.kept / params.nSynthetic,
      keptLabelAccuracy: round.kept > 0 ? round.keptAgree / round.kept : null,
      theoryAccuracy: i === 0 ? firstRoundAccuracy(params) : null,
      theoryKeptFraction: keep?.keptFraction ?? null,
      theoryKeptLabelAccuracy: keep?.keptLabelAccuracy ?? null,
    });
  });
  return rows;
}
