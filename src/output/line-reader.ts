// The lines of a file, read a chunk at a time: a file of any size, never held whole (V8 caps a
// string near 512 MiB), each line with its byte range so that it can be copied later without
// being kept.
import { closeSync, openSync, readSync } from "node:fs";

export const LINE_CHUNK_BYTES = 1 << 20;

/**
 * Calls `visit` for every line that ends in "\n", with its text (without the "\n") and its
 * bytes [start, end) in the file (the "\n" included). Returns the number of bytes after the last
 * "\n": a torn write when not 0. Memory: one chunk plus the longest line.
 */
export function forEachLine(path: string, visit: (text: string, start: number, end: number) => void, chunkBytes = LINE_CHUNK_BYTES): number {
  const fd = openSync(path, "r");
  try {
    const chunk = Buffer.allocUnsafe(chunkBytes);
    // The start of a line that continues into the next chunk, copied out of the reused chunk.
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let position = 0;
    for (;;) {
      const read = readSync(fd, chunk, 0, chunkBytes, position);
      if (read === 0) return pendingBytes;
      const view = chunk.subarray(0, read);
      let from = 0;
      for (let newline = view.indexOf(10); newline !== -1; newline = view.indexOf(10, from)) {
        const piece = view.subarray(from, newline);
        const text = pendingBytes === 0 ? piece.toString("utf8") : Buffer.concat([...pending, piece]).toString("utf8");
        visit(text, position + from - pendingBytes, position + newline + 1);
        pending = [];
        pendingBytes = 0;
        from = newline + 1;
      }
      if (from < read) {
        pending.push(Buffer.from(view.subarray(from)));
        pendingBytes += read - from;
      }
      position += read;
    }
  } finally {
    closeSync(fd);
  }
}
