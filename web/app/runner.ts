// One run of a study on Web Workers (simulateInWorker, off the page's thread): rows collected
// as replicates finish, progress, and Stop (an AbortController). The rows are the library's,
// so the same as the CLI's for the same spec, bit for bit.
import { simulateInWorker, type Row } from "../../src/index.js";

/** Workers: one core left to the page, at most four (a study's replicates are independent). */
export function workerCount(): number {
  return Math.max(1, Math.min((navigator.hardwareConcurrency || 2) - 1, 4));
}

export type RunOutcome = { state: "done"; rows: Row[] } | { state: "stopped"; rows: Row[] } | { state: "failed"; rows: Row[]; error: Error };

const byTask = (a: Row, b: Row) =>
  (a.cell as number) - (b.cell as number) || (a.replicate as number) - (b.replicate as number) || (a.generation as number) - (b.generation as number);

export class Runner {
  readonly rows: Row[] = [];
  readonly workers = workerCount();
  done = 0;
  total = 0;
  private readonly controller = new AbortController();

  constructor(readonly spec: unknown) {}

  /** Runs to the end or until stopped; onUpdate after each finished replicate. */
  async run(onUpdate: () => void): Promise<RunOutcome> {
    try {
      const rows = await simulateInWorker(this.spec, {
        workers: this.workers,
        signal: this.controller.signal,
        onRows: (rows) => this.rows.push(...rows),
        onProgress: ({ done, total }) => {
          this.done = done;
          this.total = total;
          onUpdate();
        },
      });
      return { state: "done", rows };
    } catch (error) {
      // What finished before a stop or a failure, in the order a full run gives (cell, replicate, generation).
      const rows = [...this.rows].sort(byTask);
      if (this.controller.signal.aborted) return { state: "stopped", rows };
      return { state: "failed", rows, error: error instanceof Error ? error : new Error(String(error)) };
    }
  }

  stop(): void {
    this.controller.abort();
  }
}
