// Parameters of the verified-mixture scenario (docs/theory/verified-mixture.md), each with
// its meaning, with defaults at the theory page's table setting at eps 0.3, and the limits
// that follow from the engine: the d x d system lives in one wasm allocation; the direct
// method counts points in 32-bit counters, the exact method in f64 and at O(m k) cost; the
// logistic learner keeps every kept point, (nSynthetic + nReal) x d f64, in one allocation.
// `learner` and `selection` came later: their defaults stay out of the resolved parameters
// (implicitDefault), so earlier specs keep their rows and seeds.
import * as z from "zod/mini";
import { real, integer, oneOf, param, strictObject, byKind, implicitDefault } from "../../validation/schema.js";
import type { SpecIssue } from "../../validation/spec-error.js";
import { MAX_CANDIDATES } from "../../engine/index.js";

/** AssemblyScript's allocator serves blocks of at most 2^30 bytes less its header. */
const MAX_ALLOCATION_BYTES = 2 ** 30 - 64;
/** The largest d whose d x d f64 system (8 d^2 bytes) fits one allocation: 11585. */
export const MAX_D = Math.floor(Math.sqrt(MAX_ALLOCATION_BYTES / 8));
/** nSynthetic and nReal each with the direct method; their sum stays below its kernel's 2^31 - 1. */
export const MAX_POINTS_DIRECT = 1_000_000_000;
/**
 * nSynthetic and nReal each with the exact method. Its counts and sums are f64 (exact to 2^53,
 * compensated), so the bound is time where points are drawn one by one: about 5 ns per point,
 * some 1.5 hours per round at 10^12 (a label-only round draws no point and takes no longer at 10^12).
 */
export const MAX_POINTS_EXACT = 1_000_000_000_000;

/**
 * How a round's sufficient statistics are drawn: "direct" draws every point in d dimensions
 * (O(m d^2)); "exact" draws the points' k <= 3 relevant coordinates and the rest of X^T X and
 * X^T y from their exact law (O(m k + d^3)); "auto" is exact wherever the noise is isotropic,
 * which is every parameter set of this scenario.
 */
export const METHODS = ["auto", "direct", "exact"] as const;

/** Most points drawn a round (nSynthetic + nReal) the logistic learner can keep at dimension d: its rows and its fit's scratch (5 f64 a point) each fit one allocation. */
export function maxLogisticPoints(d: number): number {
  const entries = MAX_ALLOCATION_BYTES / 8;
  return Math.max(0, Math.min(Math.floor(entries / d), Math.floor((entries - d * d - 10 * d - 2) / 5)));
}

const probability = () => real(0, 1);
const angle = () => real(-180, 180, { unit: "(degrees)" });
const margin = () => real(0, Infinity);

export const generatorSchema = param(byKind([
  param(strictObject({ kind: z.literal("flip"), eps: param(probability(), { description: "probability that a label is flipped" }) }), {
    description: "the true label, flipped independently with probability eps (errors independent of x)",
  }),
  param(strictObject({ kind: z.literal("linear"), angle: param(angle(), { description: "signed angle of theta_gen from mu_vec towards e2" }) }), {
    description: "sign(theta_gen . x) for the unit vector theta_gen at `angle` from mu_vec: right with probability Phi(mu cos angle)",
  }),
  param(strictObject({
    kind: z.literal("logistic"),
    angle: param(angle(), { description: "signed angle of theta_gen from mu_vec towards e2" }),
    sharpness: param(real(0, 1e6, { loOpen: true }), { description: "s: a label is +1 with probability sigma(s theta_gen . x); as s grows it becomes the linear generator" }),
  }), {
    description: "draws each label, +1 with probability sigma(sharpness theta_gen . x) (sigma the logistic function); its likelier label is right with probability Phi(mu cos angle)",
  }),
]), { description: "how the first round's synthetic labels are made (from round 2 on, the last model labels them)" });

export const verifierSchema = param(byKind([
  param(strictObject({ kind: z.literal("none") }), { description: "keeps every point" }),
  param(strictObject({ kind: z.literal("oracle") }), { description: "keeps exactly the correctly labelled points" }),
  param(strictObject({ kind: z.literal("random"), keep: param(probability(), { description: "probability that a point is kept" }) }), {
    description: "keeps each point with probability keep, whatever its label",
  }),
  param(strictObject({
    kind: z.literal("noisy"),
    phi: param(probability(), { description: "probability that a correctly labelled point is kept" }),
    psi: param(probability(), { description: "probability that a wrongly labelled point is kept" }),
  }), { description: "keeps a correct label with probability phi and a wrong one with probability psi" }),
  param(strictObject({
    kind: z.literal("linear"),
    angle: param(angle(), { description: "signed angle of theta_v from mu_vec towards e2" }),
    margin: param(margin(), { default: 0, description: "least |theta_v . x| kept (0: every point whose label theta_v agrees with)" }),
  }), { description: "keeps a point when sign(theta_v . x) agrees with its label and |theta_v . x| >= margin, theta_v a unit vector at `angle`" }),
  param(strictObject({ kind: z.literal("self"), margin: param(margin(), { description: "least margin |theta_gen . x| kept" }) }), {
    description: "self-selection: keeps a point when the generator's own margin |theta_gen . x| (theta_gen of unit norm) is at least margin",
  }),
]), { description: "which labelled synthetic points are kept for training; the same verifier in every round" });

export const selectionSchema = byKind([
  param(strictObject({ kind: z.literal("filter") }), { description: "one label per point, which the verifier keeps or drops" }),
  param(strictObject({
    kind: z.literal("bestOfK"),
    k: param(integer(1, MAX_CANDIDATES), { description: "candidate labels the generator proposes per point" }),
  }), {
    description: "k candidate labels per point (independent draws; identical for a deterministic generator); the first the verifier keeps is taken (self-selection prefers the generator's likelier label), and the point is dropped if it keeps none",
  }),
]);

export const LEARNERS = ["ridge", "logistic"] as const;

export const params = strictObject({
  d: param(integer(1, MAX_D), { default: 200, description: "dimension of the inputs x" }),
  mu: param(real(0, 100), { default: 1, description: "norm of the class mean mu_vec = mu e1: x = y mu_vec + z, z ~ N(0, I_d)" }),
  nSynthetic: param(integer(1, MAX_POINTS_EXACT), { default: 2000, description: "m: synthetic points drawn and labelled each round, kept or not" }),
  nReal: param(integer(0, MAX_POINTS_EXACT), { default: 0, description: "real points with true labels added to each round's training set, always kept" }),
  ridge: param(real(0, 1e6, { loOpen: true }), {
    default: 1,
    description: "ridge term g: w = (X^T X / N + g I)^-1 X^T y' / N over the kept points, N = nSynthetic + nReal the points drawn",
  }),
  learner: implicitDefault(oneOf(LEARNERS, {
    ridge: "w = (X^T X / N + g I)^-1 X^T y' / N over the kept points",
    logistic: "minimises (1/N) sum log(1 + exp(-y' w . x)) + (g/2) |w|^2 over the kept points (Newton's method); as the next generator, it draws labels +1 with probability sigma(w . x)",
  }), "ridge", { description: "how the model is fitted on the kept points, N = nSynthetic + nReal the points drawn, g = ridge" }),
  generator: param(generatorSchema, { default: { kind: "flip", eps: 0.3 } }),
  verifier: param(verifierSchema, { default: { kind: "noisy", phi: 0.8, psi: 0.3 } }),
  selection: implicitDefault(selectionSchema, { kind: "filter" }, { description: "how each synthetic point's training label is chosen and kept" }),
  method: param(oneOf(METHODS, {
    auto: "exact with the ridge learner, direct with the logistic one",
    direct: "draws every point in d dimensions: O(m d^2) a round; the reference",
    exact: "draws the points' k <= 3 relevant coordinates and the rest of X^T X and X^T y' from their exact law: O(m k + d^3) a round",
  }), { default: "auto", description: "how a round's sufficient statistics X^T X and X^T y' are drawn (the rows mean the same either way)" }),
});

export type Params = z.output<typeof params>;
export type Generator = Params["generator"];
export type Verifier = Params["verifier"];
export type Selection = z.output<typeof selectionSchema>;
export type Learner = (typeof LEARNERS)[number];

/** The learner, its absence read as ridge. */
export function learnerOf(params: Params): Learner {
  return params.learner ?? "ridge";
}

/** Candidate labels per synthetic point: 1 for filtering. */
export function candidatesOf(params: Params): number {
  return params.selection?.kind === "bestOfK" ? params.selection.k : 1;
}

/** Limits across parameters; paths relative to params. */
export function checkParams(params: Params): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const linear = params.generator.kind === "linear" || params.verifier.kind === "linear";
  if (linear && params.d < 2) {
    issues.push({
      path: "d", value: params.d, problem: "out of range",
      allowed: `an integer in [2, ${MAX_D}] with a linear generator or verifier (their directions lie in span{e1, e2})`,
    });
  }
  if (params.verifier.kind === "self" && params.generator.kind === "flip") {
    issues.push({
      path: "verifier.kind", value: "self", problem: "not allowed with generator.kind \"flip\"",
      allowed: "one of \"none\", \"oracle\", \"random\", \"noisy\", \"linear\" with a flip generator (self-selection needs a generator with a margin)",
    });
  }
  if (learnerOf(params) === "logistic") {
    if (params.method === "exact") {
      issues.push({
        path: "method", value: "exact", problem: "not allowed with learner \"logistic\"",
        allowed: "one of \"auto\", \"direct\" with the logistic learner (its loss needs every point, not the sufficient statistics the exact method draws)",
      });
    }
    const most = maxLogisticPoints(params.d);
    if (params.nSynthetic + params.nReal > most) {
      issues.push({
        path: "nSynthetic", value: params.nSynthetic, problem: "out of range",
        allowed: `at most ${most} points a round (nSynthetic + nReal) with the logistic learner at d = ${params.d} (it keeps every kept point, d f64 each, in one wasm allocation)`,
      });
    }
  }
  if (params.method === "direct") {
    for (const [path, lo] of [["nSynthetic", 1], ["nReal", 0]] as const) {
      if (params[path] > MAX_POINTS_DIRECT) {
        issues.push({
          path, value: params[path], problem: "out of range",
          allowed: `an integer in [${lo}, ${MAX_POINTS_DIRECT}] with method "direct" (up to ${MAX_POINTS_EXACT} with "exact" or "auto")`,
        });
      }
    }
  }
  return issues;
}
