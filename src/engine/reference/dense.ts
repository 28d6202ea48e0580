// assembly/dense.ts in plain TypeScript, every sum in the same order: the same bits as every
// wasm build.
import { dotInOrder } from "./ordered-dot.js";

export function matrixProduct(a: Float64Array, b: Float64Array, c: Float64Array, m: number, k: number, n: number, accumulate: boolean): void {
  for (let i = 0; i < m; i++) {
    if (!accumulate) c.fill(0, i * n, (i + 1) * n);
    for (let h = 0; h < k; h++) {
      const aih = a[i * k + h];
      for (let j = 0; j < n; j++) c[i * n + j] += aih * b[h * n + j];
    }
  }
}

function pythag(a: number, b: number): number {
  const absa = Math.abs(a), absb = Math.abs(b);
  if (absa > absb) {
    const r = absb / absa;
    return absa * Math.sqrt(1.0 + r * r);
  }
  if (absb === 0.0) return 0.0;
  const r = absa / absb;
  return absb * Math.sqrt(1.0 + r * r);
}

function tridiagonalize(a: Float64Array, d: number, values: Float64Array, work: Float64Array): void {
  for (let i = d - 1; i > 0; i--) {
    const l = i - 1;
    const ai = i * d;
    let h = 0.0;
    if (l > 0) {
      let scale = 0.0;
      for (let k = 0; k <= l; k++) scale += Math.abs(a[ai + k]);
      if (scale === 0.0) {
        work[i] = a[ai + l];
      } else {
        for (let k = 0; k <= l; k++) {
          const v = a[ai + k] / scale;
          a[ai + k] = v;
          h += v * v;
        }
        let f = a[ai + l];
        let g = f >= 0.0 ? -Math.sqrt(h) : Math.sqrt(h);
        work[i] = scale * g;
        h -= f * g;
        a[ai + l] = f - g;
        f = 0.0;
        for (let j = 0; j <= l; j++) {
          g = 0.0;
          for (let k = 0; k <= j; k++) g += a[j * d + k] * a[ai + k];
          for (let k = j + 1; k <= l; k++) g += a[k * d + j] * a[ai + k];
          const ej = g / h;
          work[j] = ej;
          f += ej * a[ai + j];
        }
        const hh = f / (h + h);
        for (let j = 0; j <= l; j++) {
          f = a[ai + j];
          g = work[j] - hh * f;
          work[j] = g;
          for (let k = 0; k <= j; k++) a[j * d + k] = a[j * d + k] - (f * work[k] + g * a[ai + k]);
        }
      }
    } else {
      work[i] = a[ai + l];
    }
  }
  for (let i = 0; i < d; i++) values[i] = a[i * d + i];
  for (let i = 1; i < d; i++) work[i - 1] = work[i];
  if (d > 0) work[d - 1] = 0.0;
}

export function symmetricEigenvalues(a: Float64Array, d: number, values: Float64Array, work: Float64Array): number {
  tridiagonalize(a, d, values, work);
  for (let l = 0; l < d; l++) {
    let iterations = 0;
    let m = l;
    do {
      for (m = l; m < d - 1; m++) {
        const dd = Math.abs(values[m]) + Math.abs(values[m + 1]);
        if (Math.abs(work[m]) <= 2.220446049250313e-16 * dd) break;
      }
      if (m !== l) {
        if (iterations++ === 60) return 1;
        const dl = values[l], el = work[l];
        let g = (values[l + 1] - dl) / (2.0 * el);
        let r = pythag(g, 1.0);
        g = values[m] - dl + el / (g + (g >= 0.0 ? Math.abs(r) : -Math.abs(r)));
        let s = 1.0, c = 1.0, p = 0.0;
        let underflow = false;
        for (let i = m - 1; i >= l; i--) {
          const ei = work[i];
          const f = s * ei, b = c * ei;
          r = pythag(f, g);
          work[i + 1] = r;
          if (r === 0.0) {
            values[i + 1] -= p;
            work[m] = 0.0;
            underflow = true;
            break;
          }
          s = f / r;
          c = g / r;
          g = values[i + 1] - p;
          r = (values[i] - g) * s + 2.0 * c * b;
          p = s * r;
          values[i + 1] = g + p;
          g = c * r - b;
        }
        if (underflow) continue;
        values[l] -= p;
        work[l] = g;
        work[m] = 0.0;
      }
    } while (m !== l);
  }
  return 0;
}

export function transposeProduct(
  a: Float64Array, b: Float64Array, c: Float64Array, rows: number, m: number, n: number, lda: number, ldb: number, accumulate: boolean, upper: boolean,
): void {
  if (!accumulate) c.fill(0, 0, m * n);
  for (let r = 0; r < rows; r++) {
    const ar = r * lda, br = r * ldb;
    for (let i = 0; i < m; i++) {
      const ari = a[ar + i];
      for (let j = upper ? i : 0; j < n; j++) c[i * n + j] += ari * b[br + j];
    }
  }
  if (upper) for (let i = 1; i < m; i++) for (let j = 0; j < i; j++) c[i * n + j] = c[j * n + i];
}

export function rowGram(a: Float64Array, rows: number, d: number, lda: number, out: Float64Array): void {
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j <= i; j++) {
      const v = dotInOrder(a, i * lda, a, j * lda, d);
      out[i * rows + j] = v;
      out[j * rows + i] = v;
    }
  }
}
