// assembly/filtered-mixture-moments.ts's filteredMixtureMoments in plain TypeScript: the same
// draws from the stream in the same order, the same scores (so the same keep decisions), and
// the same moment sums in the same order, block by block with the same compensation: the
// results are bit-identical to every wasm build's.
import { fillUniform, fillNormal } from "./samplers.js";
import { fillWishart } from "./wishart.js";
import { multinomialCounts } from "./count-samplers.js";
import { nextBinomial } from "./binomial.js";
import { labelNeedsDraw, acceptanceNeedsDraw, plusProbability, selectCandidate, type PointRule } from "./filtered-mixture-rule.js";
import {
  LABEL_FLIP, LABEL_SAMPLED, CHECK_NONE, MOMENTS_BLOCK as BLOCK, MOMENTS_ENTRIES as MOMENTS,
} from "../constants/filtered-mixture.js";

/** The points' rules, as the kernel's arguments give them. */
interface Rules extends PointRule {
  k: number;
  nFiltered: number;
  nClean: number;
  shift: number;
  /** The labelling direction's coordinates, padded with zeros to 3. */
  c: readonly [number, number, number];
  sharpness: number;
  /** The check direction's coordinates, padded with zeros to 3. */
  v: readonly [number, number, number];
}

interface Counts {
  kept: number;
  keptAgree: number;
  candidatesAgree: number;
}

/** Scratch: per-block draws and kept rows (10 blocks of entries), the block's moments, totals and compensations. */
export function filteredMixtureMomentsWorkLength(): number {
  return 10 * BLOCK + 3 * MOMENTS;
}

/** Entry (i, j), i <= j, of the padded 4 x 4 moments' upper triangle. */
function entry(i: number, j: number): number {
  return i * 4 - (i * (i - 1)) / 2 + (j - i);
}

/** The upper triangle of sum_r row_r row_r^T over `count` padded rows (p0, p1, p2, label), each entry a sequential sum. */
function blockMoments(rows: Float64Array, count: number, out: Float64Array): void {
  let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s11 = 0, s12 = 0, s13 = 0, s22 = 0, s23 = 0, s33 = 0;
  for (let r = 0; r < count; r++) {
    const p0 = rows[4 * r], p1 = rows[4 * r + 1], p2 = rows[4 * r + 2], y = rows[4 * r + 3];
    s00 += p0 * p0;
    s01 += p0 * p1;
    s02 += p0 * p2;
    s03 += p0 * y;
    s11 += p1 * p1;
    s12 += p1 * p2;
    s13 += p1 * y;
    s22 += p2 * p2;
    s23 += p2 * y;
    s33 += y * y;
  }
  out.set([s00, s01, s02, s03, s11, s12, s13, s22, s23, s33]);
}

/** totals += block with Neumaier's compensation kept in comps. */
function addCompensated(block: Float64Array, totals: Float64Array, comps: Float64Array): void {
  for (let e = 0; e < MOMENTS; e++) {
    const t = totals[e], x = block[e];
    const s = t + x;
    comps[e] += Math.abs(t) >= Math.abs(x) ? (t - s) + x : (x - s) + t;
    totals[e] = s;
  }
}

/** Adds n points of sign s and label y whose noise sums to v with scatter zz (k x k) to the padded totals. */
function addGroup(totals: Float64Array, k: number, n: number, s: number, y: number, shift: number, v: Float64Array, zz: Float64Array): void {
  const a0 = s * shift;
  for (let i = 0; i < k; i++) {
    const ai = i === 0 ? a0 : 0, vi = v[i];
    for (let j = i; j < k; j++) {
      const aj = j === 0 ? a0 : 0;
      totals[entry(i, j)] += (((n * ai) * aj + ai * v[j]) + vi * aj) + zz[i * k + j];
    }
    totals[entry(i, 3)] += y * (n * ai + vi);
  }
  totals[entry(3, 3)] += n;
}

/** Label-only rules: the group counts one multinomial draw, then each group's sums drawn whole. */
function labelOnlyMoments(state: Uint32Array, rules: Rules, totals: Float64Array): Counts {
  const { k, shift, flipProb, keepIfAgree, keepIfDisagree } = rules;
  const agree = 0.5 * (1.0 - flipProb) * keepIfAgree, disagree = 0.5 * flipProb * keepIfDisagree;
  const weights = Float64Array.of(agree, disagree, agree, disagree, (1.0 - flipProb) * (1.0 - keepIfAgree), flipProb * (1.0 - keepIfDisagree));
  const category = new Float64Array(weights.length);
  multinomialCounts(state, weights, weights.length, rules.nFiltered, category);
  const cleanPlus = nextBinomial(state, rules.nClean, 0.5);
  const [c0, c1, c2, c3, droppedAgree] = category;
  const groups: [n: number, s: number, y: number][] = [
    [c0 + cleanPlus, 1, 1], [c1, 1, -1], [c2 + (rules.nClean - cleanPlus), -1, -1], [c3, -1, 1],
  ];
  const v = new Float64Array(k), zz = new Float64Array(k * k), wishartWork = new Float64Array(4 * k);
  for (const [n, s, y] of groups) {
    if (n === 0) continue;
    fillNormal(state, v, k);
    fillWishart(state, zz, k, n - 1, k, wishartWork);
    const root = Math.sqrt(n);
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) zz[i * k + j] += v[i] * v[j];
    }
    for (let i = 0; i < k; i++) v[i] = root * v[i];
    addGroup(totals, k, n, s, y, shift, v, zz);
  }
  const keptAgree = c0 + c2;
  return { kept: ((c0 + c1) + c2) + c3, keptAgree, candidatesAgree: keptAgree + droppedAgree };
}

/** Other rules: each point's k coordinates drawn, its candidates labelled and one selected; kept rows' moments summed per block. */
function pointwiseMoments(state: Uint32Array, rules: Rules, work: Float64Array, totals: Float64Array, comps: Float64Array): Counts {
  const { k, shift, labelRule, candidates, sharpness } = rules;
  const [c0, c1, c2] = rules.c;
  const [v0, v1, v2] = rules.v;
  // The wasm kernel's layout of the work block.
  const signs = work.subarray(0, BLOCK), labelUniforms = work.subarray(BLOCK, 2 * BLOCK);
  const acceptances = work.subarray(2 * BLOCK, 3 * BLOCK), normals = work.subarray(3 * BLOCK, 6 * BLOCK);
  const rows = work.subarray(6 * BLOCK, 10 * BLOCK), block = work.subarray(10 * BLOCK, 10 * BLOCK + MOMENTS);
  const drawLabels = labelNeedsDraw(labelRule);
  const drawAcceptance = acceptanceNeedsDraw(rules.keepIfAgree, rules.keepIfDisagree);
  const pointsPerBlock = Math.floor(BLOCK / candidates);
  let kept = 0, keptAgree = 0, candidatesAgree = 0;

  for (let remaining = rules.nFiltered; remaining > 0;) {
    const b = Math.min(remaining, pointsPerBlock);
    remaining -= b;
    fillUniform(state, signs, b);
    if (drawLabels) fillUniform(state, labelUniforms, b * candidates);
    if (drawAcceptance) fillUniform(state, acceptances, b * candidates);
    fillNormal(state, normals, b * k);
    let count = 0;
    for (let i = 0; i < b; i++) {
      const s = signs[i] < 0.5 ? 1 : -1;
      const p0 = normals[i * k] + s * shift;
      const p1 = k > 1 ? normals[i * k + 1] : 0;
      const p2 = k > 2 ? normals[i * k + 2] : 0;
      const labelScore = (c0 * p0 + c1 * p1) + c2 * p2;
      const checkScore = (v0 * p0 + v1 * p1) + v2 * p2;
      const plus = labelRule === LABEL_SAMPLED ? plusProbability(sharpness, labelScore) : 0;
      const selection = selectCandidate(rules, s, plus, labelScore, checkScore, labelUniforms, drawAcceptance ? acceptances : null, i * candidates);
      candidatesAgree += selection.correct;
      if (!selection.kept) continue;
      rows.set([p0, p1, p2, selection.label], 4 * count);
      count++;
      if (selection.label === s) keptAgree++;
    }
    kept += count;
    blockMoments(rows, count, block);
    addCompensated(block, totals, comps);
  }

  for (let remaining = rules.nClean; remaining > 0;) {
    const b = Math.min(remaining, BLOCK);
    remaining -= b;
    fillUniform(state, signs, b);
    fillNormal(state, normals, b * k);
    for (let i = 0; i < b; i++) {
      const s = signs[i] < 0.5 ? 1 : -1;
      rows.set([normals[i * k] + s * shift, k > 1 ? normals[i * k + 1] : 0, k > 2 ? normals[i * k + 2] : 0, s], 4 * i);
    }
    blockMoments(rows, b, block);
    addCompensated(block, totals, comps);
  }
  return { kept, keptAgree, candidatesAgree };
}

/** Sets moments ((k+1) x (k+1)) to M^T M over the kept points and counts to [kept, kept with label s, candidates with label s] (see the wasm kernel). */
export function filteredMixtureMoments(
  state: Uint32Array, k: number, nFiltered: number, nClean: number, shift: number,
  labelRule: number, flipProb: number, c0: number, c1: number, c2: number, sharpness: number, candidates: number,
  keepIfAgree: number, keepIfDisagree: number,
  checkRule: number, v0: number, v1: number, v2: number, margin: number,
  work: Float64Array, moments: Float64Array, counts: Float64Array,
): void {
  const rules: Rules = {
    k, nFiltered, nClean, shift, labelRule, flipProb, c: [c0, c1, c2], sharpness, candidates,
    keepIfAgree, keepIfDisagree, checkRule, v: [v0, v1, v2], margin,
  };
  const totals = work.subarray(10 * BLOCK + MOMENTS, 10 * BLOCK + 2 * MOMENTS).fill(0);
  const comps = work.subarray(10 * BLOCK + 2 * MOMENTS, 10 * BLOCK + 3 * MOMENTS).fill(0);
  const { kept, keptAgree, candidatesAgree } = labelRule === LABEL_FLIP && checkRule === CHECK_NONE && candidates === 1
    ? labelOnlyMoments(state, rules, totals)
    : pointwiseMoments(state, rules, work, totals, comps);
  const size = k + 1;
  for (let i = 0; i < size; i++) {
    const pi = i < k ? i : 3;
    for (let j = 0; j < size; j++) {
      const pj = j < k ? j : 3;
      const e = entry(Math.min(pi, pj), Math.max(pi, pj));
      moments[i * size + j] = totals[e] + comps[e];
    }
  }
  counts[0] = kept;
  counts[1] = keptAgree;
  counts[2] = candidatesAgree;
}
