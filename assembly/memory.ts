// Raw allocation for buffers that TypeScript views through Float64Array and friends.
// The allocator aligns blocks to 16 bytes, so v128 loads on them are aligned.

export function alloc(bytes: usize): usize {
  return heap.alloc(bytes);
}

export function free(ptr: usize): void {
  heap.free(ptr);
}
