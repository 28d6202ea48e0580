// What a study will cost before it starts: tasks, rows, bytes on disk, peak memory and time,
// from a short calibration (replicate 0 of a few cells, over a few rounds, on one worker thread,
// cut off after CALIBRATION_SECONDS). The CLI prints it (run --dry-run) and refuses a run whose
// estimate passes the machine's disk or memory, or a time the user did not accept.
import type { Study } from "../study/spec.js";
import type { Task } from "../study/task.js";
import { runInWorkers } from "./worker-pool.js";
import type { WarmWorkers } from "./warm-workers.js";
import { taskKey } from "./rows-file.js";

/** The calibration stops after this long; a study whose rounds are slower is estimated from what it saw. */
export const CALIBRATION_SECONDS = 8;
/** Rounds each calibration task runs (fewer when the study has fewer). */
const CALIBRATION_ROUNDS = 2;
/** What the main thread holds per task while it tracks and rewrites rows (measured; see MAX_TASKS). */
const MAIN_BYTES_PER_TASK = 500;
/** summary.csv, summary-long.csv and the other tables per summary row, in rows.jsonl lines (measured on amin-rate: about 3). */
const TABLE_LINES_PER_SUMMARY_ROW = 3;

export interface StudyEstimate {
  tasks: number;
  /** Tasks still to compute (fewer than tasks on a resume). */
  tasksLeft: number;
  cells: number;
  rows: number;
  /** Mean bytes of a rows.jsonl line in the calibration. */
  bytesPerRow: number;
  /** rows.jsonl and the tables when the run is done. */
  bytesOnDisk: number;
  /** At most while rows.jsonl is rewritten in canonical order (a second copy beside the first). */
  peakBytesOnDisk: number;
  /** Resident memory at most: this process, plus each worker's engine and scratch. */
  peakMemoryBytes: number;
  memoryPerWorkerBytes: number;
  /** Wall time on `workers` workers; a lower bound when `timeIsLowerBound`. */
  seconds: number;
  timeIsLowerBound: boolean;
  workers: number;
  /** What the calibration ran, for the printout. */
  calibration: { tasks: number; rounds: number; seconds: number };
}

/** The cells to calibrate on, among those the tasks use: the first, the middle and the last (grids often grow along a key). */
function calibrationTasks(tasks: readonly Task[]): Task[] {
  const cells = [...new Set(tasks.map((task) => task.cell))];
  const picks = new Set([cells[0], cells[Math.floor((cells.length - 1) / 2)], cells[cells.length - 1]]);
  return [...picks].map((cell) => tasks.find((task) => task.cell === cell)!);
}

export interface EstimateOptions {
  workers: number;
  workerImports?: readonly string[];
  /** Caps the calibration (tests use a short one). */
  calibrationSeconds?: number;
  /** Keys (taskKey) of tasks already complete (a resume): counted on disk, not in the time. */
  done?: ReadonlySet<string>;
  /** Where the calibration's worker is kept when it finishes, for the run to take (warm-workers.ts). */
  warm?: WarmWorkers;
}

/** Estimates running `tasks` of `study`, calibrating on a worker thread. */
export async function estimateStudy(study: Study, tasks: readonly Task[], options: EstimateOptions): Promise<StudyEstimate> {
  const generations = study.spec.generations;
  const cells = new Set(tasks.map((task) => task.cell)).size;
  const rows = tasks.length * (generations + 1);
  const left = options.done ? tasks.filter((task) => !options.done!.has(taskKey(task))) : tasks;
  const workers = Math.max(1, Math.min(options.workers, left.length));
  const rounds = Math.min(generations, CALIBRATION_ROUNDS);
  const sample = tasks.length > 0 ? calibrationTasks(left.length > 0 ? left : tasks) : [];

  // Calibrate: replicate 0 of a few cells over a few rounds, timed, its lines measured.
  const baseline = process.memoryUsage().rss;
  let peakRss = baseline;
  const poll = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const controller = new AbortController();
  const cap = setTimeout(() => controller.abort(new Error("calibration time is up")), 1000 * (options.calibrationSeconds ?? CALIBRATION_SECONDS));
  const started = performance.now();
  let ready = started;
  let lineBytes = 0, lines = 0, finished = 0;
  /** Rounds done of the task under way when time ran out. */
  let partialRounds = 0;
  let timedOut = false;
  try {
    // A small study's calibration runs in this thread (run-here.ts), a larger one's on a worker.
    await runInWorkers({ ...study, spec: { ...study.spec, generations: rounds } }, sample, {
      workers: 1,
      workerImports: options.workerImports,
      signal: controller.signal,
      warm: options.warm,
      keepWarm: true,
      onReady: () => (ready = performance.now()),
      onDone: (_task, text) => {
        finished++;
        partialRounds = 0;
        for (const line of text.split("\n")) if (line !== "") {
          lineBytes += Buffer.byteLength(line) + 1;
          lines++;
        }
      },
      onGeneration: (_task, generation) => (partialRounds = generation),
    });
  } catch (error) {
    if (!controller.signal.aborted) throw error;
    timedOut = true;
  } finally {
    clearTimeout(cap);
    clearInterval(poll);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const calibrationSeconds = (performance.now() - started) / 1000;
  const computeSeconds = (performance.now() - ready) / 1000;

  // Time: seconds a row (a round, generation 0 included) on one worker, times the rows, over the workers.
  const rowsSeen = finished * (rounds + 1) + partialRounds;
  const secondsPerRow = computeSeconds / Math.max(rowsSeen, 1);
  const seconds = (secondsPerRow * left.length * (generations + 1)) / workers;

  // Disk: rows.jsonl at the measured line size (or a typical one when nothing finished), and the tables.
  const bytesPerRow = lines > 0 ? lineBytes / lines : 400;
  const rowsBytes = rows * bytesPerRow;
  const tableBytes = cells * (generations + 1) * bytesPerRow * TABLE_LINES_PER_SUMMARY_ROW;
  const memoryPerWorkerBytes = Math.max(0, peakRss - baseline);
  return {
    tasks: tasks.length,
    cells,
    rows,
    bytesPerRow,
    bytesOnDisk: rowsBytes + tableBytes,
    peakBytesOnDisk: 2 * rowsBytes + tableBytes,
    peakMemoryBytes: baseline + tasks.length * MAIN_BYTES_PER_TASK + workers * memoryPerWorkerBytes,
    tasksLeft: left.length,
    memoryPerWorkerBytes,
    seconds,
    timeIsLowerBound: timedOut && rowsSeen === 0,
    workers,
    calibration: { tasks: finished, rounds, seconds: calibrationSeconds },
  };
}
