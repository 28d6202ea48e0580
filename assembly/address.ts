// Addresses of array entries in linear memory, the pointer helpers every kernel uses.

/** Byte address of entry i of the f64 array at ptr. */
// @ts-ignore: decorator
@inline export function at(ptr: usize, i: i32): usize {
  return ptr + (<usize>i << 3);
}

/** Byte address of entry i of the i32 array at ptr. */
// @ts-ignore: decorator
@inline export function atI32(ptr: usize, i: i32): usize {
  return ptr + (<usize>i << 2);
}
