// assembly/softmax-model-fill.ts in plain TypeScript: the teacher, the prompts, their correct
// responses and the starting weights, consuming the random stream in the same order.
import { fillNormal } from "./samplers.js";
import { transposeWeights, logits } from "./softmax-model-logits.js";

function correctResponses(wt: Float64Array, features: Float64Array, correct: Int32Array, rows: number, cols: number, d: number, z: Float64Array): void {
  for (let x = 0; x < rows; x++) {
    logits(wt, features, x * d, z, 0, cols, d);
    let best = 0;
    for (let j = 1; j < cols; j++) if (z[j] > z[best]) best = j;
    correct[x] = best;
  }
}

export function fillSoftmaxModel(
  state: Uint32Array, features: Float64Array, correct: Int32Array, testFeatures: Float64Array, testCorrect: Int32Array,
  teacher: Float64Array, weights: Float64Array, rows: number, testRows: number, cols: number, d: number,
  initialScale: number, initialAlignment: number, work: Float64Array,
): void {
  const entries = cols * d;
  fillNormal(state, teacher, entries);
  fillNormal(state, weights, entries);
  fillNormal(state, features, rows * d);
  fillNormal(state, testFeatures, testRows * d);
  const root = Math.sqrt(d);
  const toTeacher = (initialScale * initialAlignment) / root;
  const toNoise = (initialScale * Math.sqrt(1.0 - initialAlignment * initialAlignment)) / root;
  for (let i = 0; i < entries; i++) weights[i] = toTeacher * teacher[i] + toNoise * weights[i];
  transposeWeights(teacher, work, cols, d);
  correctResponses(work, features, correct, rows, cols, d, work.subarray(entries));
  correctResponses(work, testFeatures, testCorrect, testRows, cols, d, work.subarray(entries));
}
