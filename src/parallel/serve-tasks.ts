// A worker's loop: told its study, it resolves it, makes its own engine, then runs the tasks
// it is sent one at a time, answering each with the task's rows (as objects, or as JSON or CSV
// lines: task-lines.ts). Told another study, it serves that one with the same engine: a worker
// that calibrated the cost estimate goes on to run the study, without starting again.
import { createEngine, type Engine } from "../engine/index.js";
import { resolveStudy } from "../study/spec.js";
import { runTask } from "../study/task.js";
import { taskLines } from "./task-lines.js";
import type { RunnerPort } from "./endpoint.js";
import type { ToWorker, WorkerSetup } from "./protocol.js";

const GENERATION_REPORT_MS = 1000;

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

async function start(port: RunnerPort, setup: WorkerSetup, engines: Map<string, Engine>): Promise<(message: ToWorker) => void> {
  for (const url of setup.imports) await import(url);
  const study = resolveStudy(setup.spec);
  const engine = engines.get(study.spec.engine) ?? (await createEngine(study.spec.engine));
  engines.set(study.spec.engine, engine);
  const lines = setup.format === "rows" ? undefined : taskLines(study, setup.format);
  port.post({ type: "ready", build: engine.build });
  return (message) => {
    if (message.type !== "task") return;
    // Progress within the task, at most once a second: the runner's progress does not sit at 0%
    // through one long task, and a short task sends nothing.
    let reported = performance.now();
    const rows = runTask(engine, study, message.task, (generation) => {
      const now = performance.now();
      if (now - reported < GENERATION_REPORT_MS || generation === study.spec.generations) return;
      reported = now;
      port.post({ type: "generation", task: message.task, generation });
    });
    if (lines === undefined) return port.post({ type: "done", task: message.task, rows });
    port.post({ type: "done", task: message.task, lines: lines(rows) });
  };
}

/** Serves the runner on `port` until it ends the worker; every failure is reported as an error message. */
export function serveTasks(port: RunnerPort): void {
  let handle: ((message: ToWorker) => void) | undefined;
  const engines = new Map<string, Engine>();
  port.onMessage((message) => {
    try {
      if (message.type === "setup") {
        handle = undefined;
        start(port, message.setup, engines).then(
          (ready) => { handle = ready; },
          (error: unknown) => port.post({ type: "error", message: describeError(error) }),
        );
      } else handle?.(message);
    } catch (error) {
      port.post({ type: "error", message: describeError(error) });
    }
  });
}
