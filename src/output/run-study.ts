// Running a study in parallel: into a result directory (rows appended per finished task,
// resumable, then rewritten in canonical order with the summary, plots and report), or to a
// stream (rows in canonical order as soon as they are ready).
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { resolveStudy, type Study } from "../study/spec.js";
import { studyTasks, type Task } from "../study/task.js";
import { shardTasks, type Shard } from "../study/shard.js";
import { rowColumns } from "../study/columns.js";
import { csvCell } from "../report/csv.js";
import { runInWorkers } from "./worker-pool.js";
import type { RowFormat } from "./worker-protocol.js";
import { ROWS_FILE, RowsAppender, readRows, taskKey, writeCanonicalRows, type TaskRows } from "./rows-file.js";
import { STUDY_FILE, makeStudyRecord, readStudyRecord, recordDifferences, type StudyRecord } from "./study-record.js";
import { writeFileAtomic } from "./atomic-write.js";
import { writeStudyOutputs } from "./study-outputs.js";
import { ResultDirError } from "./result-dir-error.js";
import { checkOutDirectory, makeOutDirectory } from "./out-directory.js";
import type { ReportSection } from "../report/report-html.js";

export interface StudyProgress {
  tasksDone: number;
  tasksTotal: number;
  cellsDone: number;
  cellsTotal: number;
  /** Tasks found complete in the result directory (resume), counted in tasksDone. */
  tasksSkipped: number;
}

export interface RunStudyOptions {
  /** A study spec (--set overrides already applied). */
  spec: unknown;
  /** The preset it came from, if any (for plots and the report). */
  preset?: string | null;
  workers: number;
  /** Result directory; without it rows go to `stream`. */
  out?: string;
  resume?: boolean;
  shard?: Shard;
  /** Row format on `stream`. */
  format?: RowFormat;
  stream?: NodeJS.WritableStream;
  /** Recorded in study.json as the command that wrote it (see StudyRecord.writtenBy). */
  writtenBy?: string;
  /** Write plots and report.html at the end (result directory, whole study only); default true. */
  plots?: boolean;
  workerImports?: readonly string[];
  onStart?(progress: StudyProgress): void;
  onProgress?(progress: StudyProgress): void;
}

export interface RunStudyResult {
  study: Study;
  progress: StudyProgress;
  seconds: number;
  /** Set when a report was written. */
  report?: string;
  section?: ReportSection;
}

class ProgressCounter {
  readonly progress: StudyProgress;
  private readonly left = new Map<number, number>();

  constructor(tasks: readonly Task[]) {
    for (const task of tasks) this.left.set(task.cell, (this.left.get(task.cell) ?? 0) + 1);
    this.progress = { tasksDone: 0, tasksTotal: tasks.length, cellsDone: 0, cellsTotal: this.left.size, tasksSkipped: 0 };
  }

  done(task: Task, skipped = false): void {
    this.progress.tasksDone++;
    if (skipped) this.progress.tasksSkipped++;
    const left = this.left.get(task.cell)! - 1;
    this.left.set(task.cell, left);
    if (left === 0) this.progress.cellsDone++;
  }
}

export async function runStudy(options: RunStudyOptions): Promise<RunStudyResult> {
  const study = resolveStudy(options.spec);
  const tasks = shardTasks(studyTasks(study), options.shard);
  const started = performance.now();
  const counter = new ProgressCounter(tasks);
  if (options.out === undefined) {
    await runToStream(study, tasks, counter, options);
    return { study, progress: counter.progress, seconds: (performance.now() - started) / 1000 };
  }
  const dir = resolve(options.out);
  const record = makeStudyRecord(study, options.preset ?? null, options.shard ?? null, tasks.length, options.writtenBy);
  prepareDirectory(options.out, dir, record, options.resume === true);
  const rowsPath = join(dir, ROWS_FILE);
  const stored = options.resume ? readRows(rowsPath, study).complete : new Map<string, TaskRows>();
  for (const task of tasks) if (stored.has(taskKey(task))) counter.done(task, true);
  // Start from the complete tasks only: a torn line or a partial task is dropped here.
  const complete = writeCanonicalRows(rowsPath, tasks, stored);
  options.onStart?.(counter.progress);
  const appender = new RowsAppender(rowsPath);
  try {
    await runInWorkers(study.spec, tasks.filter((t) => !complete.has(taskKey(t))), {
      workers: options.workers,
      workerImports: options.workerImports,
      onReady: (build) => checkBuild(build, record),
      onDone: (task, lines) => {
        complete.set(taskKey(task), appender.append(lines));
        counter.done(task);
        options.onProgress?.(counter.progress);
      },
    });
  } finally {
    appender.close();
  }
  const canonical = writeCanonicalRows(rowsPath, tasks, complete);
  const seconds = (performance.now() - started) / 1000;
  const plots = options.plots !== false && record.shard === null;
  const outputs = await writeStudyOutputs(dir, study, record, tasks, canonical, { plots });
  return { study, progress: counter.progress, seconds, ...outputs };
}

function prepareDirectory(shown: string, dir: string, record: StudyRecord, resume: boolean): void {
  checkOutDirectory(shown, dir);
  if (existsSync(join(dir, STUDY_FILE))) {
    if (!resume) throw new ResultDirError(`${shown} already holds a study; pass --resume to continue it, or choose another --out`);
    const differences = recordDifferences(readStudyRecord(dir), record, ["spec", "collapseSim", "engineBuild", "shard"]);
    if (differences.length > 0) {
      throw new ResultDirError(`cannot resume ${shown}: it holds a different study\n  ${differences.join("\n  ")}`);
    }
  } else if (existsSync(join(dir, ROWS_FILE))) {
    throw new ResultDirError(`${shown} holds ${ROWS_FILE} but no ${STUDY_FILE}; refusing to overwrite it`);
  }
  makeOutDirectory(shown, dir);
  writeFileAtomic(join(dir, STUDY_FILE), `${JSON.stringify(record, null, 2)}\n`);
}

function checkBuild(build: string, record: StudyRecord): void {
  if (build !== record.engineBuild) {
    throw new Error(`a worker runs engine build ${build}, but study.json records ${record.engineBuild}`);
  }
}

/** Rows go out in canonical order: finished tasks wait until every earlier one is out. */
async function runToStream(study: Study, tasks: readonly Task[], counter: ProgressCounter, options: RunStudyOptions): Promise<void> {
  const stream = options.stream ?? process.stdout;
  const format = options.format ?? "jsonl";
  if (format === "csv") stream.write(`${rowColumns(study).map(csvCell).join(",")}\n`);
  const waiting = new Map<string, string>();
  let next = 0;
  options.onStart?.(counter.progress);
  await runInWorkers(study.spec, tasks, {
    workers: options.workers,
    workerImports: options.workerImports,
    format,
    onDone: (task, lines) => {
      waiting.set(taskKey(task), lines);
      counter.done(task);
      options.onProgress?.(counter.progress);
      while (next < tasks.length && waiting.has(taskKey(tasks[next]))) {
        const key = taskKey(tasks[next++]);
        const text = waiting.get(key)!;
        waiting.delete(key);
        stream.write(text);
      }
    },
  });
}
