// The direct method: every point drawn in all d dimensions, labelled, selected and filtered,
// and added to X^T X by the fused block kernel (Engine.filteredMixtureGram), O(m d^2) per
// round, or kept whole for the logistic learner (Engine.filteredMixtureRows). The reference
// the exact method is tested against.
import type {
  Engine, F64Block, FilteredMixtureCounts, FilteredMixtureProblem, MixtureCheck, MixtureLabelling, RandomStream,
} from "../../engine/index.js";
import { candidatesOf, learnerOf, type Params } from "./params.js";
import type { RoundSampler } from "./round-sampler.js";
import { labelOnlyAcceptance } from "./theory.js";
import { norm } from "./metrics.js";
import { planeDirection } from "./plane-direction.js";

/** Writes the unit vector at `degrees` from e1 towards e2 (planeDirection) into a block of d entries. */
function writePlaneDirection(block: F64Block, degrees: number): F64Block {
  const view = block.view;
  const [cos, sin] = planeDirection(degrees);
  view.fill(0);
  view[0] = cos;
  view[1] = sin;
  return block;
}

export class DirectRounds implements RoundSampler {
  private readonly generatorDirection: F64Block;
  private readonly verifierDirection: F64Block | null;
  private labelling: MixtureLabelling;
  private readonly keepIfAgree: number;
  private readonly keepIfDisagree: number;
  private readonly check: MixtureCheck;

  constructor(
    private readonly engine: Engine,
    private readonly rng: RandomStream,
    private readonly params: Params,
  ) {
    const { d, generator, verifier } = params;
    this.generatorDirection = engine.f64(d);
    this.verifierDirection = verifier.kind === "linear" ? writePlaneDirection(engine.f64(d), verifier.angle) : null;
    this.labelling = generator.kind === "flip" ? { kind: "flip", probability: generator.eps }
      : generator.kind === "linear" ? { kind: "direction", direction: writePlaneDirection(this.generatorDirection, generator.angle) }
      : { kind: "sampled", direction: writePlaneDirection(this.generatorDirection, generator.angle), sharpness: generator.sharpness };
    const acceptance = labelOnlyAcceptance(verifier) ?? { phi: 1, psi: 1 };
    this.keepIfAgree = acceptance.phi;
    this.keepIfDisagree = acceptance.psi;
    this.check = verifier.kind === "linear" ? { kind: "direction", direction: this.verifierDirection!, margin: verifier.margin }
      : verifier.kind === "self" ? { kind: "labelMargin", margin: verifier.margin }
      : { kind: "none" };
  }

  /** The round's points and rules as the kernels take them. */
  private problem(): FilteredMixtureProblem {
    const { d, nSynthetic, nReal, mu } = this.params;
    return {
      d, nFiltered: nSynthetic, nClean: nReal, shift: mu, labelling: this.labelling, candidates: candidatesOf(this.params),
      keepIfAgree: this.keepIfAgree, keepIfDisagree: this.keepIfDisagree, check: this.check,
    };
  }

  draw(system: F64Block, rhs: F64Block): FilteredMixtureCounts {
    system.view.fill(0);
    rhs.view.fill(0);
    const counts = this.engine.filteredMixtureGram(this.rng, this.problem(), system, rhs);
    this.engine.gramSymmetrize(system, this.params.d);
    return counts;
  }

  /** Draws a round and stores its kept points (synthetic, then real) as rows, with their labels; returns the counts and the rows written. */
  drawRows(rows: F64Block, labels: F64Block): FilteredMixtureCounts & { rows: number } {
    return this.engine.filteredMixtureRows(this.rng, this.problem(), rows, labels);
  }

  /**
   * The model becomes the generator, with the learner's rule: ridge labels sign(w . x), the
   * logistic learner draws +1 with probability sigma(w . x), that is the direction w / |w| at
   * sharpness |w|. Margins are against the unit w / |w| (the zero vector labels everything +1,
   * or by a fair coin).
   */
  adopt(model: Float64Array): void {
    const length = norm(model);
    const direction = this.generatorDirection.view;
    for (let i = 0; i < this.params.d; i++) direction[i] = length === 0 ? 0 : model[i] / length;
    this.labelling = learnerOf(this.params) === "logistic"
      ? { kind: "sampled", direction: this.generatorDirection, sharpness: length }
      : { kind: "direction", direction: this.generatorDirection };
  }

  free(): void {
    this.generatorDirection.free();
    this.verifierDirection?.free();
  }
}
