// Progress on stderr: a live bar (tasks and cells done, rate, time left) when stderr is a
// terminal, else nothing until the one-line summary at the end; --quiet silences both.
import { SingleBar } from "cli-progress";
import type { StudyProgress } from "../output/study-progress.js";

export interface ProgressReporter {
  start(progress: StudyProgress): void;
  update(progress: StudyProgress): void;
  finish(progress: StudyProgress, seconds: number, workers: number): void;
  log(line: string): void;
  /** Ends a live bar where it is (the command is interrupted), giving the terminal its cursor back. */
  stop(): void;
}

export function formatSummary(label: string, progress: StudyProgress, seconds: number, workers: number): string {
  const computed = progress.tasksDone - progress.tasksSkipped;
  const rate = seconds > 0 ? computed / seconds : 0;
  const resumed = progress.tasksSkipped > 0 ? `, ${progress.tasksSkipped} already done` : "";
  return `${label}: ${progress.tasksDone}/${progress.tasksTotal} tasks in ${progress.cellsTotal} cells${resumed}; ${computed} computed in ${seconds.toFixed(1)} s (${rate.toFixed(1)} tasks/s, ${workers} workers)`;
}

export function progressReporter(label: string, quiet: boolean, stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  const live = !quiet && stream.isTTY === true;
  let bar: SingleBar | undefined;
  let started = 0;
  let skipped = 0;
  const payload = (p: StudyProgress) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? (p.tasksDone - skipped) / seconds : 0;
    return { cellsDone: p.cellsDone, cellsTotal: p.cellsTotal, rate: rate.toFixed(1) };
  };
  return {
    start(progress) {
      started = performance.now();
      skipped = progress.tasksSkipped;
      if (!live) return;
      bar = new SingleBar({
        stream,
        format: `${label} {bar} {percentage}% | tasks {value}/{total} | cells {cellsDone}/{cellsTotal} | {rate} tasks/s | ETA {eta_formatted}`,
        hideCursor: true,
        etaBuffer: 50,
        fps: 5,
      });
      bar.start(progress.tasksTotal, progress.tasksDone, payload(progress));
    },
    update(progress) {
      bar?.update(progress.tasksDone, payload(progress));
    },
    finish(progress, seconds, workers) {
      bar?.stop();
      if (!quiet) stream.write(`${formatSummary(label, progress, seconds, workers)}\n`);
    },
    log(line) {
      if (!quiet) stream.write(`${line}\n`);
    },
    stop() {
      bar?.stop();
    },
  };
}
