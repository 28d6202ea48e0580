// One replicate of the verified-mixture scenario: generation 0 is the generator; each round
// draws fresh inputs, labels them with the current generator (one or k candidate labels a
// point), selects and filters them with the verifier, adds real points and fits the learner;
// from round 2 on, the generator is the last model (self-consuming loop), the verifier stays
// the same. The rounds are drawn by the method the parameters choose (rounds.ts); the rows
// mean the same whichever it is.
import type { Engine } from "../../engine/index.js";
import type { MetricValues, ReplicateOptions } from "../scenario.js";
import { candidatesOf, type Params } from "./params.js";
import { bayesAccuracy, generatorAccuracy, firstGenerator, firstRoundAccuracy, verifierKeep, verifierAccuracy } from "./theory.js";
import { runRounds, type RoundResult } from "./rounds.js";

/** The measured proxies of a round: phi-hat, psi-hat and the breakdown point they imply, null where undefined. */
function proxies(round: RoundResult, candidates: number): MetricValues {
  const right = round.candidatesAgree, wrong = candidates - round.candidatesAgree;
  const keptCorrectRate = right > 0 ? round.keptAgree / right : null;
  const keptWrongRate = wrong > 0 ? (round.kept - round.keptAgree) / wrong : null;
  const breakdownPoint = keptCorrectRate !== null && keptWrongRate !== null && keptCorrectRate + keptWrongRate > 0
    ? keptCorrectRate / (keptCorrectRate + keptWrongRate) : null;
  return { keptCorrectRate, keptWrongRate, breakdownPoint };
}

export function runReplicate(engine: Engine, params: Params, options: ReplicateOptions): MetricValues[] {
  const { mu, verifier } = params;
  const bayes = bayesAccuracy(mu);
  const initial = generatorAccuracy(mu, params.generator);
  const k = candidatesOf(params);
  const rows: MetricValues[] = [{
    accuracy: initial, bayesAccuracy: bayes, keptFraction: null, keptLabelAccuracy: null,
    theoryAccuracy: initial, theoryKeptFraction: null, theoryKeptLabelAccuracy: null,
    keptCorrectRate: null, keptWrongRate: null, breakdownPoint: null, verifierAccuracy: null,
  }];
  // This round's generator: the first, then the previous round's model.
  let generator = firstGenerator(mu, params.generator, verifier);
  runRounds(engine, params, options).forEach((round, i) => {
    const keep = verifierKeep(mu, generator, verifier, k);
    rows.push({
      accuracy: round.accuracy,
      bayesAccuracy: bayes,
      keptFraction: round.kept / params.nSynthetic,
      keptLabelAccuracy: round.kept > 0 ? round.keptAgree / round.kept : null,
      theoryAccuracy: i === 0 ? firstRoundAccuracy(params) : null,
      theoryKeptFraction: keep?.keptFraction ?? null,
      theoryKeptLabelAccuracy: keep?.keptLabelAccuracy ?? null,
      ...proxies(round, k * params.nSynthetic),
      verifierAccuracy: verifierAccuracy(mu, verifier, generator),
    });
    generator = round.model;
  });
  return rows;
}
