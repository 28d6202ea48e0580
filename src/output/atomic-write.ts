// Whole-file writes that are never seen half done: write a temporary file beside the target,
// flush it, then rename over the target (rename is atomic within a file system). The writer
// takes the file in pieces, so no file needs to exist as one string (V8 caps a string near
// 512 MiB; rows and summaries of a large sweep exceed it).
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";

/** Pieces are gathered up to this size, then written in one call. */
const CHUNK_BYTES = 1 << 20;

export class AtomicWriter {
  private readonly temporary: string;
  private readonly fd: number;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly path: string) {
    this.temporary = `${path}.tmp-${process.pid}`;
    this.fd = openSync(this.temporary, "w");
  }

  write(piece: string | Buffer): void {
    const bytes = typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= CHUNK_BYTES) this.flush();
  }

  /** Makes the file visible under its name, complete. */
  commit(): void {
    try {
      this.flush();
      fsyncSync(this.fd);
    } catch (error) {
      this.abort();
      throw error;
    }
    closeSync(this.fd);
    try {
      renameSync(this.temporary, this.path);
    } catch (error) {
      rmSync(this.temporary, { force: true });
      throw error;
    }
  }

  /** Leaves the target as it was. */
  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      // Already closed.
    }
    rmSync(this.temporary, { force: true });
  }

  private flush(): void {
    writeAll(this.fd, this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes), this.path);
    this.pending = [];
    this.pendingBytes = 0;
  }
}

export function writeFileAtomic(path: string, text: string): void {
  const writer = new AtomicWriter(path);
  try {
    writer.write(text);
  } catch (error) {
    writer.abort();
    throw error;
  }
  writer.commit();
}

/**
 * writeSync may write less than asked; loop until every byte is out. `path` names the file in
 * an error (a full disk), which writeSync's own errors do not.
 */
export function writeAll(fd: number, data: string | Buffer, path?: string): void {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  let offset = 0;
  try {
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
  } catch (error) {
    const errno = error as NodeJS.ErrnoException;
    if (path !== undefined && errno.path === undefined) errno.path = path;
    throw error;
  }
}
