// A study worker: resolves the study, makes its own engine, then runs the tasks it is sent,
// one at a time, answering each with the task's rows as JSON lines.
import { parentPort, workerData } from "node:worker_threads";
import { createEngine } from "../../engine/index.js";
import { resolveStudy } from "../spec.js";
import { runTask } from "../task.js";
import type { FromWorker, ToWorker, WorkerSetup } from "./worker-protocol.js";

const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);

async function start(): Promise<void> {
  const setup = workerData as WorkerSetup;
  for (const url of setup.imports) await import(url);
  const study = resolveStudy(setup.spec);
  const engine = await createEngine(study.spec.engine);
  port.on("message", (message: ToWorker) => {
    if (message.type === "stop") {
      port.close();
      return;
    }
    try {
      const rows = runTask(engine, study, message.task);
      post({ type: "done", task: message.task, lines: rows.map((row) => `${JSON.stringify(row)}\n`).join("") });
    } catch (error) {
      post({ type: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
  post({ type: "ready", build: engine.build });
}

start().catch((error: unknown) => {
  post({ type: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
});
