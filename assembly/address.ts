// Addresses of f64 array entries in linear memory, the one pointer helper every kernel uses.

/** Byte address of entry i of the f64 array at ptr. */
// @ts-ignore: decorator
@inline export function at(ptr: usize, i: i32): usize {
  return ptr + (<usize>i << 3);
}
