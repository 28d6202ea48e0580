// The machine's memory bandwidth, measured in this process with native routines that stream
// as fast as the C library can: a read (Buffer.compare of two equal buffers, glibc's vectorised
// memcmp) and a copy (TypedArray.prototype.set, memmove). The buffers are twice the last-level
// cache each, so that both routines run from DRAM.
import { nsPerElement, type Budget } from "./measure.js";

export interface Bandwidth {
  /** Bytes read per nanosecond (GB/s) by the native read. */
  read: number;
  /** Bytes read plus bytes written per nanosecond (GB/s) by the native copy. */
  copy: number;
}

export async function measureBandwidth(bytes: number, budget: Budget): Promise<Bandwidth> {
  // Filled with a non-zero byte: untouched zero pages all map to one physical page and would
  // read from cache.
  const a = Buffer.alloc(bytes, 1), b = Buffer.alloc(bytes, 1), c = Buffer.alloc(bytes, 2);
  const [readNs, copyNs] = await nsPerElement(
    [
      {
        label: "native read (memcmp)",
        run: () => {
          if (Buffer.compare(a, b) !== 0) throw new Error("buffers differ");
        },
      },
      { label: "native copy (memmove)", run: () => c.set(a) },
    ],
    bytes,
    budget,
  );
  // memcmp reads both buffers; the copy reads one and writes the other.
  return { read: 2 / readNs, copy: 2 / copyNs };
}
