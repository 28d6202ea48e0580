// Worker threads kept running between two runs of one command: the cost estimate's calibration
// runs real tasks on a worker, and the run that follows takes that worker (told its own study,
// serve-tasks.ts) instead of starting another, which saves a thread's start-up (the bundled
// library loaded and the wasm compiled). Whoever makes a WarmWorkers closes it, ending what
// was not taken, or the process would not exit.
import type { WorkerEndpoint } from "../parallel/endpoint.js";

/**
 * A worker started before the runner listens to it: a failure or an exit in between is kept and
 * told to the runner's handlers when they come (else the run would wait for that worker forever).
 */
export function startedAhead(worker: WorkerEndpoint): WorkerEndpoint {
  let error: Error | undefined, code: number | undefined;
  let onError: ((error: Error) => void) | undefined, onExit: ((code: number) => void) | undefined;
  worker.onError((e) => (onError ? onError(e) : (error = e)));
  worker.onExit((c) => (onExit ? onExit(c) : (code = c)));
  return {
    post: (message) => worker.post(message),
    onMessage: (handler) => worker.onMessage(handler),
    terminate: () => worker.terminate(),
    onError: (handler) => {
      onError = handler;
      if (error !== undefined) handler(error);
    },
    onExit: (handler) => {
      onExit = handler;
      if (code !== undefined) handler(code);
    },
  };
}

export class WarmWorkers {
  private readonly kept: { launch: string; worker: WorkerEndpoint }[] = [];
  private closed = false;
  /** Workers taken so far (for tests). */
  taken = 0;

  /**
   * Keeps an idle worker for a later run; `launch` says how it was started (a worker that imports
   * modules of its own is started from another entry), and only a run started alike takes it.
   * False once closed: the caller ends the worker.
   */
  keep(launch: string, worker: WorkerEndpoint): boolean {
    if (this.closed) return false;
    this.kept.push({ launch, worker: startedAhead(worker) });
    return true;
  }

  /** Up to `count` kept workers started as `launch`. */
  take(launch: string, count: number): WorkerEndpoint[] {
    const out: WorkerEndpoint[] = [];
    for (let i = 0; i < this.kept.length && out.length < count; ) {
      if (this.kept[i].launch === launch) out.push(this.kept.splice(i, 1)[0].worker);
      else i++;
    }
    this.taken += out.length;
    return out;
  }

  /** Ends every worker not taken. */
  close(): void {
    this.closed = true;
    for (const { worker } of this.kept.splice(0)) worker.terminate();
  }
}
