// Appending finished tasks to rows.jsonl during a run: a crash leaves at most a torn last task,
// which reading drops.
import { closeSync, fstatSync, openSync } from "node:fs";
import { writeAll } from "./atomic-write.js";
import type { TaskRows } from "./rows-file.js";

/** Appends whole tasks' lines to rows.jsonl; each append is one write, flushed to the OS. */
export class RowsAppender {
  private readonly fd: number;
  private position: number;

  constructor(private readonly path: string) {
    this.fd = openSync(path, "a");
    this.position = fstatSync(this.fd).size;
  }

  /** Appends one task's lines; returns where they went. */
  append(lines: string): TaskRows {
    const bytes = Buffer.from(lines, "utf8");
    writeAll(this.fd, bytes, this.path);
    const start = this.position;
    this.position += bytes.length;
    return { path: this.path, ranges: [start, this.position] };
  }

  close(): void {
    closeSync(this.fd);
  }
}
