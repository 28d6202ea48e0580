// status.json in a result directory: how far a run is, for a person or a dashboard to poll
// while it runs (rewritten atomically every few seconds, so a reader never sees half a file),
// and how it ended. rows.jsonl and study.json stay the record of the results; this is not one.
import { hostname } from "node:os";
import { join } from "node:path";
import { writeFileAtomic } from "./atomic-write.js";
import type { StudyProgress } from "./study-progress.js";

export const STATUS_FILE = "status.json";

export type RunState = "running" | "done" | "interrupted" | "failed";

export interface RunStatus {
  state: RunState;
  /** What runs (the preset or spec file, and the shard). */
  label: string;
  pid: number;
  host: string;
  started: string;
  updated: string;
  tasksDone: number;
  tasksTotal: number;
  tasksSkipped: number;
  cellsDone: number;
  cellsTotal: number;
  /** Tasks done plus the share of the running tasks' rounds done, over tasksTotal. */
  fractionDone: number;
  /** Tasks computed (not resumed) a second, rounds under way included. */
  tasksPerSecond: number;
  secondsElapsed: number;
  /** Estimated from the rate so far; null until there is one. */
  secondsLeft: number | null;
  /** Why it stopped, when it was interrupted or failed. */
  reason?: string;
}

/** The figures of a progress line and of status.json, from the progress and the seconds since the start. */
export function progressFigures(progress: StudyProgress, seconds: number): Pick<RunStatus, "fractionDone" | "tasksPerSecond" | "secondsElapsed" | "secondsLeft"> {
  const computed = progress.tasksDone - progress.tasksSkipped + progress.tasksUnderWay;
  const total = progress.tasksTotal;
  const rate = seconds > 0 ? computed / seconds : 0;
  const left = total - progress.tasksDone - progress.tasksUnderWay;
  return {
    fractionDone: total > 0 ? (progress.tasksDone + progress.tasksUnderWay) / total : 1,
    tasksPerSecond: rate,
    secondsElapsed: seconds,
    secondsLeft: left <= 0 ? 0 : rate > 0 ? left / rate : null,
  };
}

export function writeStatus(dir: string, status: RunStatus): void {
  writeFileAtomic(join(dir, STATUS_FILE), `${JSON.stringify(status, null, 2)}\n`);
}

export function statusOf(state: RunState, label: string, started: Date, progress: StudyProgress, reason?: string): RunStatus {
  const seconds = (Date.now() - started.getTime()) / 1000;
  const { tasksDone, tasksTotal, tasksSkipped, cellsDone, cellsTotal } = progress;
  return {
    state, label, pid: process.pid, host: hostname(), started: started.toISOString(), updated: new Date().toISOString(),
    tasksDone, tasksTotal, tasksSkipped, cellsDone, cellsTotal, ...progressFigures(progress, seconds),
    ...(reason !== undefined && { reason }),
  };
}
