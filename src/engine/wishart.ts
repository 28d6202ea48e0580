// What Engine.fillWishart accepts, checked the same way for every engine before any random
// number is drawn. assembly/wishart.ts documents the draw itself and the order in which it
// consumes the random stream.
import type { F64Block } from "./block.js";

/** Rejects a Wishart draw the kernels cannot make: dof > p - 1, or an integer in [0, p - 1]. */
export function checkWishart(out: F64Block, p: number, dof: number, stride: number): void {
  if (!Number.isInteger(p) || p < 0) throw new RangeError(`fillWishart: p must be a non-negative integer, got ${p}`);
  if (!Number.isInteger(stride) || stride < p) throw new RangeError(`fillWishart: stride must be an integer >= p = ${p}, got ${stride}`);
  if (!(Number.isFinite(dof) && (dof > p - 1 || (Number.isInteger(dof) && dof >= 0)))) {
    throw new RangeError(`fillWishart: dof must be > p - 1 = ${p - 1} or an integer in [0, ${p - 1}], got ${dof}`);
  }
  const needed = p === 0 ? 0 : (p - 1) * stride + p;
  if (out.length < needed) throw new RangeError(`fillWishart: out needs ${needed} entries for p = ${p}, stride ${stride}; the block holds ${out.length}`);
}
