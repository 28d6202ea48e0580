// The logistic-regression fit (logisticFit) as the engine API takes it: its checks, the same for
// every engine, before any work. assembly/logistic-fit.ts documents the method.
import type { F64Block } from "./block.js";
import { LOGISTIC_TOLERANCE } from "./constants/logistic-fit.js";

export { LOGISTIC_TOLERANCE };

export function checkLogisticProblem(
  x: F64Block, labels: F64Block, n: number, d: number, normaliser: number, ridge: number, w: F64Block, tolerance: number,
): void {
  const fail = (message: string) => {
    throw new RangeError(`logisticFit: ${message}`);
  };
  if (!Number.isInteger(n) || n < 0) fail(`n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(d) || d < 1) fail(`d must be a positive integer, got ${d}`);
  if (!(normaliser >= 1 && normaliser < Infinity)) fail(`normaliser must be finite and >= 1, got ${normaliser}`);
  if (!(ridge > 0 && ridge < Infinity)) fail(`ridge must be finite and > 0, got ${ridge}`);
  if (!(tolerance > 0)) fail(`tolerance must be > 0, got ${tolerance}`);
  if (x.length < n * d) fail(`x needs ${n * d} entries, the block holds ${x.length}`);
  if (labels.length < n) fail(`labels needs ${n} entries, the block holds ${labels.length}`);
  if (w.length < d) fail(`w needs ${d} entries, the block holds ${w.length}`);
}
