// A dot product summed in one fixed order, in every build: where a sum decides something (a
// keep decision comparing a projection with a threshold) or must come out bit-identical (a
// Wishart draw), src/engine/reference/ordered-dot.ts adds in exactly this order.
import { at } from "./address";

/** x . y over n entries: four interleaved partial sums, (s0 + s1) + (s2 + s3), then the tail in order. */
export function dotInOrder(x: usize, y: usize, n: i32): f64 {
  let i = 0;
  let sum: f64;
  if (ASC_FEATURE_SIMD) {
    // Lanes (s0, s1) and (s2, s3): the same IEEE operations as the scalar sums.
    let a01 = f64x2.splat(0), a23 = f64x2.splat(0);
    for (; i + 4 <= n; i += 4) {
      const px = at(x, i), py = at(y, i);
      a01 = f64x2.add(a01, f64x2.mul(v128.load(px), v128.load(py)));
      a23 = f64x2.add(a23, f64x2.mul(v128.load(px, 16), v128.load(py, 16)));
    }
    sum = (f64x2.extract_lane(a01, 0) + f64x2.extract_lane(a01, 1)) + (f64x2.extract_lane(a23, 0) + f64x2.extract_lane(a23, 1));
  } else {
    let s0: f64 = 0, s1: f64 = 0, s2: f64 = 0, s3: f64 = 0;
    for (; i + 4 <= n; i += 4) {
      s0 += load<f64>(at(x, i)) * load<f64>(at(y, i));
      s1 += load<f64>(at(x, i), 8) * load<f64>(at(y, i), 8);
      s2 += load<f64>(at(x, i), 16) * load<f64>(at(y, i), 16);
      s3 += load<f64>(at(x, i), 24) * load<f64>(at(y, i), 24);
    }
    sum = (s0 + s1) + (s2 + s3);
  }
  for (; i < n; i++) sum += load<f64>(at(x, i)) * load<f64>(at(y, i));
  return sum;
}
