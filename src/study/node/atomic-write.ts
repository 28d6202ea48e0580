// Whole-file writes that are never seen half done: write a temporary file beside the target,
// flush it, then rename over the target (rename is atomic within a file system).
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from "node:fs";

export function writeFileAtomic(path: string, text: string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  const fd = openSync(temporary, "w");
  try {
    writeAll(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

/** writeSync may write less than asked; loop until every byte is out. */
export function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}
