// The labelling and keep rules that filteredMixtureGram and projectedMixtureMoments share, and
// their checks: both kernels label and filter points the same way (assembly/label-keep.ts) and
// differ only in how a direction is given (d entries of a block, or k frame coordinates).

export interface MixtureRules {
  /** Points labelled and filtered by the rules. */
  nFiltered: number;
  /** Points drawn after them, labelled by their class sign and always kept. */
  nClean: number;
  shift: number;
  labelling: { kind: "flip"; probability: number } | { kind: "direction" };
  keepIfAgree: number;
  keepIfDisagree: number;
  check: { kind: "none" } | { kind: "direction"; margin: number } | { kind: "labelMargin"; margin: number };
}

/** Rejects rules the kernel named `kernel` cannot run; directions are the caller's to check. */
export function checkMixtureRules(kernel: string, rules: MixtureRules, maxPoints: number): void {
  const { nFiltered, nClean, shift, labelling, check } = rules;
  const probability = (name: string, p: number) => {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`${kernel}: ${name} must be in [0, 1], got ${p}`);
  };
  for (const [name, n] of [["nFiltered", nFiltered], ["nClean", nClean]] as const) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`${kernel}: ${name} must be a non-negative integer, got ${n}`);
  }
  if (nFiltered + nClean > maxPoints) {
    throw new RangeError(`${kernel}: nFiltered + nClean must be at most ${maxPoints}, got ${nFiltered + nClean}`);
  }
  if (!Number.isFinite(shift)) throw new RangeError(`${kernel}: shift must be finite, got ${shift}`);
  probability("keepIfAgree", rules.keepIfAgree);
  probability("keepIfDisagree", rules.keepIfDisagree);
  if (labelling.kind === "flip") probability("flip probability", labelling.probability);
  if (check.kind !== "none" && !(check.margin >= 0)) throw new RangeError(`${kernel}: margin must be >= 0, got ${check.margin}`);
  if (check.kind === "labelMargin" && labelling.kind !== "direction") {
    throw new RangeError(`${kernel}: a labelMargin check needs a direction labelling`);
  }
}
