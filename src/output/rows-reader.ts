// Reading tasks' lines back as bytes, from wherever a RowIndex says they are, without holding a
// rows file whole.
import { closeSync, openSync, readSync } from "node:fs";
import type { TaskRows } from "./rows-file.js";

/** Reads tasks' lines back from their files, keeping each file open until closed. */
export class RowsReader {
  private readonly files = new Map<string, number>();

  bytes(rows: TaskRows): Buffer {
    let fd = this.files.get(rows.path);
    if (fd === undefined) this.files.set(rows.path, (fd = openSync(rows.path, "r")));
    const parts: Buffer[] = [];
    for (let i = 0; i < rows.ranges.length; i += 2) {
      const start = rows.ranges[i], length = rows.ranges[i + 1] - start;
      const part = Buffer.allocUnsafe(length);
      for (let got = 0; got < length; ) {
        const read = readSync(fd, part, got, length - got, start + got);
        if (read === 0) throw new Error(`${rows.path} ended before byte ${start + length}: was it changed while being read?`);
        got += read;
      }
      parts.push(part);
    }
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }

  /** A task's lines, each ending in a newline. */
  text(rows: TaskRows): string {
    return this.bytes(rows).toString("utf8");
  }

  close(): void {
    for (const fd of this.files.values()) closeSync(fd);
    this.files.clear();
  }
}
