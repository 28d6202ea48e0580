// assembly/wishart.ts's fillWishart in plain TypeScript: the same draws in the same order and
// the same sums in the same order, so the same bits as every wasm build.
import { fillNormal } from "./samplers.js";
import { drawBartlettRows } from "./triangular.js";
import { dotInOrder } from "./ordered-dot.js";

function mirrorLower(out: Float64Array, p: number, ld: number): void {
  for (let i = 0; i < p; i++) {
    for (let j = i + 1; j < p; j++) out[i * ld + j] = out[j * ld + i];
  }
}

function bartlett(state: Uint32Array, out: Float64Array, p: number, dof: number, ld: number): void {
  drawBartlettRows(state, out, p, dof, ld);
  for (let i = p - 1; i >= 0; i--) {
    for (let j = i; j >= 0; j--) out[i * ld + j] = dotInOrder(out, i * ld, out, j * ld, j + 1);
  }
  mirrorLower(out, p, ld);
}

function gaussianRows(state: Uint32Array, out: Float64Array, p: number, rows: number, ld: number, work: Float64Array): void {
  for (let i = 0; i < p; i++) out.fill(0, i * ld, i * ld + i + 1);
  for (let t = 0; t < rows; t += 4) {
    const r = Math.min(4, rows - t);
    fillNormal(state, work, r * p);
    for (let i = 0; i < p; i++) {
      for (let j = 0; j <= i; j++) {
        let acc = out[i * ld + j];
        for (let h = 0; h < r; h++) acc += work[h * p + i] * work[h * p + j];
        out[i * ld + j] = acc;
      }
    }
  }
  mirrorLower(out, p, ld);
}

/** Scratch for dimension p: four drawn rows (the Gram matrix of a few rows, dof <= p - 1). */
export function wishartWorkLength(p: number): number {
  return 4 * p;
}

/** One Wishart_p(dof, I) draw into out (row stride ld): Bartlett for dof > p - 1, else H^T H for an integer dof. */
export function fillWishart(state: Uint32Array, out: Float64Array, p: number, dof: number, ld: number, work: Float64Array): void {
  if (dof > p - 1) bartlett(state, out, p, dof, ld);
  else gaussianRows(state, out, p, dof, ld, work);
}
