// The machine's memory-bandwidth limit for a streaming kernel, measured in this process with
// the fastest native read the runtime offers: Buffer.compare of two equal buffers, glibc's
// vectorised memcmp, which reads both and computes nothing else. Timed in the same group as
// the kernel it bounds, on buffers of the kernel's own footprint, so that both see the same
// machine (a neighbour's load on a shared host changes the bandwidth from minute to minute).
import type { Variant } from "./measure.js";

/**
 * A variant reading two buffers of `entries` f64 each: its time per entry bounds from below a
 * kernel that must read 16 bytes per entry (dot, axpy) from the same footprint.
 */
export function nativeRead(entries: number): Variant & { dispose(): void } {
  // Filled with a non-zero byte: untouched zero pages all map to one physical page and would
  // read from cache.
  let a: Buffer | undefined = Buffer.alloc(8 * entries, 1);
  let b: Buffer | undefined = Buffer.alloc(8 * entries, 1);
  return {
    label: "native read",
    run: () => {
      if (Buffer.compare(a!, b!) !== 0) throw new Error("buffers differ");
    },
    dispose: () => {
      a = b = undefined;
    },
  };
}
