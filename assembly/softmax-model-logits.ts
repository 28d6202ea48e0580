// The softmax model's forward pass for one prompt, shared by its kernels (softmax-model-*.ts):
// the logits z = W x of a prompt's features x (W: cols x d, row j the weights of response j),
// and their exponentials, from which the probabilities p = softmax(z) follow. Every build and
// src/engine/reference/softmax-model-logits.ts sum in the same order, so the bits match: a
// logit adds its d products in order from 0 (SIMD runs across responses, not across features),
// and the exponentials are summed in two interleaved partial sums, even and odd responses.
import { at } from "./address";
import { detExp, detExpLanes } from "./math";

/** wt (d x cols) = W^T: a response's weights become a column, so one feature's weights are contiguous. */
export function transposeWeights(weights: usize, wt: usize, cols: i32, d: i32): void {
  for (let j = 0; j < cols; j++) {
    for (let l = 0; l < d; l++) store<f64>(at(wt, l * cols + j), load<f64>(at(weights, j * d + l)));
  }
}

/** z[j] = sum over l of x[l] W[j][l], for j < cols, from wt = W^T (transposeWeights). */
export function logits(wt: usize, x: usize, z: usize, cols: i32, d: i32): void {
  const stride = <usize>cols << 3;
  let j = 0;
  if (ASC_FEATURE_SIMD) {
    // Eight responses at a time: four accumulators stay in registers across the d products.
    for (; j + 8 <= cols; j += 8) {
      let a0 = f64x2.splat(0), a1 = f64x2.splat(0), a2 = f64x2.splat(0), a3 = f64x2.splat(0);
      let w = at(wt, j);
      for (let l = 0; l < d; l++) {
        const xl = v128.load64_splat(at(x, l));
        a0 = f64x2.add(a0, f64x2.mul(xl, v128.load(w)));
        a1 = f64x2.add(a1, f64x2.mul(xl, v128.load(w, 16)));
        a2 = f64x2.add(a2, f64x2.mul(xl, v128.load(w, 32)));
        a3 = f64x2.add(a3, f64x2.mul(xl, v128.load(w, 48)));
        w += stride;
      }
      const out = at(z, j);
      v128.store(out, a0);
      v128.store(out, a1, 16);
      v128.store(out, a2, 32);
      v128.store(out, a3, 48);
    }
    for (; j + 2 <= cols; j += 2) {
      let a = f64x2.splat(0);
      let w = at(wt, j);
      for (let l = 0; l < d; l++) {
        a = f64x2.add(a, f64x2.mul(v128.load64_splat(at(x, l)), v128.load(w)));
        w += stride;
      }
      v128.store(at(z, j), a);
    }
  } else {
    // Four responses at a time: each feature is loaded once for four sums.
    for (; j + 4 <= cols; j += 4) {
      let a0: f64 = 0, a1: f64 = 0, a2: f64 = 0, a3: f64 = 0;
      let w = at(wt, j);
      for (let l = 0; l < d; l++) {
        const xl = load<f64>(at(x, l));
        a0 += xl * load<f64>(w);
        a1 += xl * load<f64>(w, 8);
        a2 += xl * load<f64>(w, 16);
        a3 += xl * load<f64>(w, 24);
        w += stride;
      }
      const out = at(z, j);
      store<f64>(out, a0);
      store<f64>(out, a1, 8);
      store<f64>(out, a2, 16);
      store<f64>(out, a3, 24);
    }
  }
  for (; j < cols; j++) {
    let a: f64 = 0;
    let w = at(wt, j);
    for (let l = 0; l < d; l++) {
      a += load<f64>(at(x, l)) * load<f64>(w);
      w += stride;
    }
    store<f64>(at(z, j), a);
  }
}

/**
 * z[j] <- detExp(z[j] - max z) in place; returns their sum (even and odd j in two partial
 * sums added at the end, then an odd last entry). p = z / sum is then softmax(z).
 */
export function exponentiate(z: usize, cols: i32): f64 {
  let top = load<f64>(z);
  for (let j = 1; j < cols; j++) top = max<f64>(top, load<f64>(at(z, j)));
  let j = 0;
  let sum: f64;
  if (ASC_FEATURE_SIMD) {
    const shift = f64x2.splat(top);
    let s = f64x2.splat(0);
    for (; j + 2 <= cols; j += 2) {
      const e = detExpLanes(f64x2.sub(v128.load(at(z, j)), shift));
      v128.store(at(z, j), e);
      s = f64x2.add(s, e);
    }
    sum = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  } else {
    let s0: f64 = 0, s1: f64 = 0;
    for (; j + 2 <= cols; j += 2) {
      const e0 = detExp(load<f64>(at(z, j)) - top), e1 = detExp(load<f64>(at(z, j), 8) - top);
      store<f64>(at(z, j), e0);
      store<f64>(at(z, j), e1, 8);
      s0 += e0;
      s1 += e1;
    }
    sum = s0 + s1;
  }
  if (j < cols) {
    const e = detExp(load<f64>(at(z, j)) - top);
    store<f64>(at(z, j), e);
    sum += e;
  }
  return sum;
}

/**
 * The response that column m of a prompt's categorical row stands for: the rows put the
 * correct response c first, then the others in order (column m <= c is response m - 1).
 */
// @ts-ignore: decorator
@inline export function responseOfColumn(m: i32, c: i32): i32 {
  return m == 0 ? c : m <= c ? m - 1 : m;
}
