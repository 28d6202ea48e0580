// A study worker: resolves the study, makes its own engine, then runs the tasks it is sent,
// one at a time, answering each with the task's rows as JSON or CSV lines.
import { parentPort, workerData } from "node:worker_threads";
import { createEngine } from "../engine/index.js";
import { resolveStudy } from "../study/spec.js";
import { runTask } from "../study/task.js";
import { rowColumns } from "../study/columns.js";
import { csvLine } from "../report/csv.js";
import type { FromWorker, ToWorker, WorkerSetup } from "./worker-protocol.js";

const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);

async function start(): Promise<void> {
  const setup = workerData as WorkerSetup;
  for (const url of setup.imports) await import(url);
  const study = resolveStudy(setup.spec);
  const engine = await createEngine(study.spec.engine);
  // Formatted here, where the rows are objects, rather than parsed back from JSON by the runner.
  const columns = setup.format === "csv" ? rowColumns(study) : undefined;
  port.on("message", (message: ToWorker) => {
    if (message.type === "stop") {
      port.close();
      return;
    }
    try {
      const rows = runTask(engine, study, message.task);
      const lines = columns ? rows.map((row) => csvLine(columns, row)) : rows.map((row) => `${JSON.stringify(row)}\n`);
      post({ type: "done", task: message.task, lines: lines.join("") });
    } catch (error) {
      post({ type: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
  post({ type: "ready", build: engine.build });
}

start().catch((error: unknown) => {
  post({ type: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
});
