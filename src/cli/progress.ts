// Progress on stderr and in status.json. On a terminal, a live bar (tasks and cells done, rate,
// time left); elsewhere (a batch scheduler's log, nohup) a line at the start and then one every
// interval (30 s by default), so a log always says how far a run is. With --out, status.json
// in the result directory says the same for a person or a dashboard to poll, and how the run
// ended. --quiet silences stderr (status.json is still written). Progress counts the rounds of
// the tasks under way, so one long task does not sit at 0%.
import { SingleBar } from "cli-progress";
import type { StudyProgress } from "../output/study-progress.js";
import { progressFigures, statusOf, writeStatus, type RunState } from "../output/status-file.js";

export interface ProgressReporter {
  start(progress: StudyProgress): void;
  update(progress: StudyProgress): void;
  finish(progress: StudyProgress, seconds: number, workers: number): void;
  log(line: string): void;
  /** Ends where it is (interrupted or failed): a live bar gives the terminal its cursor back, status.json says why. */
  stop(state?: Exclude<RunState, "running" | "done">, reason?: string): void;
}

export interface ProgressOptions {
  stream?: NodeJS.WriteStream;
  /** The result directory to keep status.json in. */
  statusDir?: string;
  /** Seconds between progress lines when stderr is not a terminal. */
  intervalSeconds?: number;
}

export const DEFAULT_PROGRESS_SECONDS = 30;
/** status.json is rewritten at least this often (more often when the line interval is shorter). */
const STATUS_SECONDS = 10;

export function formatSummary(label: string, progress: StudyProgress, seconds: number, workers: number): string {
  const computed = progress.tasksDone - progress.tasksSkipped;
  const rate = seconds > 0 ? computed / seconds : 0;
  const resumed = progress.tasksSkipped > 0 ? `, ${progress.tasksSkipped} already done` : "";
  return `${label}: ${progress.tasksDone}/${progress.tasksTotal} tasks in ${progress.cellsTotal} cells${resumed}; ${computed} computed in ${seconds.toFixed(1)} s (${rate.toFixed(1)} tasks/s, ${workers} workers)`;
}

/** A duration as a person reads it: 45 s, 12 min, 3.2 h, 2.5 days. */
export function formatDuration(seconds: number): string {
  if (seconds < 10) return `${Number(seconds.toFixed(1))} s`;
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} days`;
}

/** The line written every interval when stderr is not a terminal. */
export function progressLine(label: string, progress: StudyProgress, seconds: number): string {
  const { fractionDone, tasksPerSecond, secondsLeft } = progressFigures(progress, seconds);
  const left = secondsLeft === null ? "time left not known yet" : `about ${formatDuration(secondsLeft)} left`;
  const rate = tasksPerSecond >= 0.1 ? `${tasksPerSecond.toFixed(1)} tasks/s` : `${formatDuration(1 / Math.max(tasksPerSecond, 1e-9))} a task`;
  return `${label}: ${progress.tasksDone}/${progress.tasksTotal} tasks done (${(100 * fractionDone).toFixed(1)}% with the tasks under way), cells ${progress.cellsDone}/${progress.cellsTotal}, ${tasksPerSecond > 0 ? rate : "rate not known yet"}, ${left}`;
}

export function progressReporter(label: string, quiet: boolean, options: ProgressOptions = {}): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  const interval = options.intervalSeconds ?? DEFAULT_PROGRESS_SECONDS;
  const live = !quiet && stream.isTTY === true;
  let bar: SingleBar | undefined;
  let started = 0;
  let startedAt = new Date();
  let latest: StudyProgress | undefined;
  const timers: NodeJS.Timeout[] = [];
  const seconds = () => (performance.now() - started) / 1000;
  const payload = (p: StudyProgress) => {
    const rate = progressFigures(p, seconds()).tasksPerSecond;
    return { tasks: p.tasksDone, cellsDone: p.cellsDone, cellsTotal: p.cellsTotal, rate: rate.toFixed(1) };
  };
  const status = (state: RunState, reason?: string) => {
    if (options.statusDir === undefined || latest === undefined) return;
    try {
      writeStatus(options.statusDir, statusOf(state, label, startedAt, latest, reason));
    } catch {
      // A status that cannot be written (a full disk) must not end the run; rows.jsonl is the record.
    }
  };
  const every = (secondsBetween: number, action: () => void) => {
    const timer = setInterval(action, secondsBetween * 1000);
    timer.unref();
    timers.push(timer);
  };
  const end = () => {
    for (const timer of timers.splice(0)) clearInterval(timer);
    bar?.stop();
    bar = undefined;
  };
  return {
    start(progress) {
      started = performance.now();
      startedAt = new Date();
      latest = progress;
      status("running");
      if (options.statusDir !== undefined) every(Math.min(interval, STATUS_SECONDS), () => status("running"));
      if (live) {
        bar = new SingleBar({
          stream,
          format: `${label} {bar} {percentage}% | tasks {tasks}/{total} | cells {cellsDone}/{cellsTotal} | {rate} tasks/s | ETA {eta_formatted}`,
          hideCursor: true,
          etaBuffer: 50,
          fps: 5,
        });
        bar.start(progress.tasksTotal, progress.tasksDone, payload(progress));
      } else if (!quiet) {
        const resumed = progress.tasksSkipped > 0 ? ` (${progress.tasksSkipped} already done)` : "";
        stream.write(`${label}: ${progress.tasksTotal} tasks in ${progress.cellsTotal} cells${resumed}; progress every ${formatDuration(interval)}\n`);
        every(interval, () => stream.write(`${progressLine(label, latest!, seconds())}\n`));
      }
    },
    update(progress) {
      latest = progress;
      bar?.update(progress.tasksDone + progress.tasksUnderWay, payload(progress));
    },
    finish(progress, seconds, workers) {
      latest = progress;
      end();
      status("done");
      if (!quiet) stream.write(`${formatSummary(label, progress, seconds, workers)}\n`);
    },
    log(line) {
      if (!quiet) stream.write(`${line}\n`);
    },
    stop(state = "interrupted", reason) {
      end();
      status(state, reason);
    },
  };
}

/** The interval from COLLAPSE_SIM_PROGRESS_SECONDS: DEFAULT_PROGRESS_SECONDS when it is unset or empty, undefined when it is not a positive number. */
export function progressSecondsFrom(env: NodeJS.ProcessEnv): number | undefined {
  const text = env.COLLAPSE_SIM_PROGRESS_SECONDS;
  if (text === undefined || text.trim() === "") return DEFAULT_PROGRESS_SECONDS;
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}
