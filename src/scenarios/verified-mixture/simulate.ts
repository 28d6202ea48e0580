// One replicate of the verified-mixture scenario: generation 0 is the generator; each round
// draws fresh inputs, labels them with the current generator, filters them with the verifier,
// adds real points and fits ridge; from round 2 on, the generator is the last model
// (self-consuming loop), the verifier stays the same.
import type { Engine, F64Block, MixtureCheck, MixtureLabelling, RandomStream } from "../../engine/index.js";
import type { MetricValues, ReplicateOptions } from "../scenario.js";
import type { VerifiedMixtureParams, Verifier } from "./params.js";
import { bayesAccuracy, generatorAccuracy, firstRoundAccuracy, labelOnlyAcceptance } from "./theory.js";
import { modelAccuracy, norm } from "./metrics.js";

/** Writes the unit vector at `degrees` from e1 towards e2 into a zeroed block. */
function planeDirection(block: F64Block, degrees: number): F64Block {
  const radians = (degrees * Math.PI) / 180;
  const view = block.view;
  view.fill(0);
  view[0] = Math.cos(radians);
  view[1] = Math.sin(radians);
  return block;
}

/** The verifier as the kernel's keep rule: acceptance probabilities and a geometric check. */
function keepRule(verifier: Verifier, verifierDirection: F64Block | null): { keepIfAgree: number; keepIfDisagree: number; check: MixtureCheck } {
  const acceptance = labelOnlyAcceptance(verifier);
  if (acceptance) return { keepIfAgree: acceptance.phi, keepIfDisagree: acceptance.psi, check: { kind: "none" } };
  if (verifier.kind === "linear") {
    return { keepIfAgree: 1, keepIfDisagree: 1, check: { kind: "direction", direction: verifierDirection!, margin: verifier.margin } };
  }
  if (verifier.kind === "self") return { keepIfAgree: 1, keepIfDisagree: 1, check: { kind: "labelMargin", margin: verifier.margin } };
  throw new Error(`unhandled verifier ${JSON.stringify(verifier)}`);
}

interface Round {
  kept: number;
  keptAgree: number;
}

/** One round: the kept points' ridge fit w = (G / N + ridge I)^-1 (b / N), N = points drawn, left in `w`. */
function fitRound(
  engine: Engine, rng: RandomStream, params: VerifiedMixtureParams,
  labelling: MixtureLabelling, rule: ReturnType<typeof keepRule>, g: F64Block, w: F64Block,
): Round {
  const { d, nSynthetic, nReal } = params;
  g.view.fill(0);
  w.view.fill(0);
  const counts = engine.filteredMixtureGram(rng, {
    d, nFiltered: nSynthetic, nClean: nReal, shift: params.mu, labelling, ...rule,
  }, g, w);
  engine.gramSymmetrize(g, d);
  // (G / N + ridge I) w = b / N is (G + ridge N I) w = b: no rescaling pass needed.
  const failed = engine.cholesky(g, d, params.ridge * (nSynthetic + nReal));
  if (failed !== 0) throw new Error(`verified-mixture: the ridge system is not positive definite at pivot ${failed - 1}`);
  engine.choleskySolve(g, d, w);
  return counts;
}

export function runReplicate(engine: Engine, params: VerifiedMixtureParams, options: ReplicateOptions): MetricValues[] {
  const { d, mu } = params;
  const bayes = bayesAccuracy(mu);
  const initial = generatorAccuracy(mu, params.generator);
  const rows: MetricValues[] = [
    { accuracy: initial, bayesAccuracy: bayes, keptFraction: null, keptLabelAccuracy: null, theoryAccuracy: initial },
  ];
  if (options.generations === 0) return rows;

  const rng = engine.stream(options.seed, 0);
  const g = engine.f64(d * d), w = engine.f64(d), generatorDirection = engine.f64(d);
  const verifierDirection = params.verifier.kind === "linear" ? planeDirection(engine.f64(d), params.verifier.angle) : null;
  try {
    const rule = keepRule(params.verifier, verifierDirection);
    let labelling: MixtureLabelling = params.generator.kind === "flip"
      ? { kind: "flip", probability: params.generator.eps }
      : { kind: "direction", direction: planeDirection(generatorDirection, params.generator.angle) };
    for (let generation = 1; generation <= options.generations; generation++) {
      const round = fitRound(engine, rng, params, labelling, rule, g, w);
      const model = w.view;
      rows.push({
        accuracy: modelAccuracy(mu, model),
        bayesAccuracy: bayes,
        keptFraction: round.kept / params.nSynthetic,
        keptLabelAccuracy: round.kept > 0 ? round.keptAgree / round.kept : null,
        theoryAccuracy: generation === 1 ? firstRoundAccuracy(params) : null,
      });
      // The model becomes the generator: labels sign(w . x), margins against the unit w / |w|.
      const length = norm(model);
      const direction = generatorDirection.view;
      for (let i = 0; i < d; i++) direction[i] = length === 0 ? 0 : model[i] / length;
      labelling = { kind: "direction", direction: generatorDirection };
    }
  } finally {
    g.free();
    w.free();
    generatorDirection.free();
    verifierDirection?.free();
    rng.free();
  }
  return rows;
}
