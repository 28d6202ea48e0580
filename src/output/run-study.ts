// Running a study in parallel: into a result directory (rows appended per finished task,
// resumable, then rewritten in canonical order with the summary, plots and report), or, with
// no directory, to a stream (run-to-stream.ts).
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { resolveStudy, type Study } from "../study/spec.js";
import { studyTasks } from "../study/task.js";
import { shardTasks, type Shard } from "../study/shard.js";
import type { ReportSection } from "../report/report-html.js";
import { runInWorkers } from "./worker-pool.js";
import type { WarmWorkers } from "./warm-workers.js";
import type { LineFormat } from "../parallel/protocol.js";
import { ROWS_FILE, readRows, taskKey, type TaskRows } from "./rows-file.js";
import { RowsAppender } from "./rows-appender.js";
import { writeCanonicalRows } from "./canonical-rows.js";
import { STUDY_FILE, makeStudyRecord, readStudyRecord, recordDifferences, writeStudyRecord, type StudyRecord } from "./study-record.js";
import { writeStudyOutputs } from "./study-outputs.js";
import { ResultDirError } from "./result-dir-error.js";
import { checkOutDirectory, makeOutDirectory, probeOutDirectory } from "./out-directory.js";
import { ProgressCounter, type StudyProgress } from "./study-progress.js";
import { runToStream } from "./run-to-stream.js";
import { extendRows, extensionProblem } from "./extend-study.js";

export interface RunStudyOptions {
  /** A study spec (--set overrides already applied). */
  spec: unknown;
  /** `spec` already resolved (the CLI resolves it once, for its estimate and the run). */
  study?: Study;
  /** The preset it came from, if any (for plots and the report). */
  preset?: string | null;
  workers: number;
  /** Result directory; without it rows go to `stream`. */
  out?: string;
  resume?: boolean;
  shard?: Shard;
  /** Row format on `stream`. */
  format?: LineFormat;
  stream?: NodeJS.WritableStream;
  /** Recorded in study.json as the command that wrote it (see StudyRecord.writtenBy). */
  writtenBy?: string;
  /** Write plots and report.html at the end (result directory, whole study only); default true. */
  plots?: boolean;
  workerImports?: readonly string[];
  /** Work a small study may do in this thread, in seconds (run-here.ts); 0: all on worker threads. */
  inThreadSeconds?: number;
  /** Workers an earlier run of this command left running (the cost estimate's calibration, a default study's part), taken first (warm-workers.ts). */
  warm?: WarmWorkers;
  /** Hand the workers left idle at the end to `warm` for the next run instead of ending them. */
  keepWarm?: boolean;
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

export async function runStudy(options: RunStudyOptions): Promise<RunStudyResult> {
  const study = options.study ?? resolveStudy(options.spec);
  const tasks = shardTasks(studyTasks(study), options.shard);
  const started = performance.now();
  const counter = new ProgressCounter(tasks, study.spec.generations);
  if (options.out === undefined) {
    await runToStream(study, tasks, counter, { ...options, stream: options.stream ?? process.stdout, format: options.format ?? "jsonl" });
    return { study, progress: counter.progress, seconds: (performance.now() - started) / 1000 };
  }
  const dir = resolve(options.out);
  const record = makeStudyRecord(study, options.preset ?? null, options.shard ?? null, tasks.length, options.writtenBy);
  prepareDirectory(options.out, dir, record, study, options.resume === true);
  const rowsPath = join(dir, ROWS_FILE);
  const stored = options.resume ? readRows(rowsPath, study).complete : new Map<string, TaskRows>();
  for (const task of tasks) if (stored.has(taskKey(task))) counter.done(task, true);
  // Start from the complete tasks only: a torn line or a partial task is dropped here.
  const complete = writeCanonicalRows(rowsPath, tasks, stored);
  options.onStart?.(counter.progress);
  const appender = new RowsAppender(rowsPath);
  try {
    await runInWorkers(study, tasks.filter((t) => !complete.has(taskKey(t))), {
      workers: options.workers,
      workerImports: options.workerImports,
      inThreadSeconds: options.inThreadSeconds,
      warm: options.warm,
      keepWarm: options.keepWarm,
      onReady: (build) => checkBuild(build, record),
      onDone: (task, lines) => {
        complete.set(taskKey(task), appender.append(lines));
        counter.done(task);
        options.onProgress?.(counter.progress);
      },
      onGeneration: (task, generation) => {
        counter.underWay(task, generation);
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

/** The checks on --out that need no study: made before an estimate's calibration (`probe`: can it be made?), and again before writing. */
export function checkResultDirectory(shown: string, resume: boolean, probe = false): void {
  const dir = resolve(shown);
  if (probe) probeOutDirectory(shown, dir);
  else checkOutDirectory(shown, dir);
  if (existsSync(join(dir, STUDY_FILE)) && !resume) {
    throw new ResultDirError(`${shown} already holds a study; pass --resume to continue it, or choose another --out`);
  }
}

function prepareDirectory(shown: string, dir: string, record: StudyRecord, study: Study, resume: boolean): void {
  checkResultDirectory(shown, resume);
  if (existsSync(join(dir, STUDY_FILE))) {
    const old = readStudyRecord(dir);
    const differences = recordDifferences(old, record, ["spec", "collapseSim", "engineBuild", "shard"]);
    if (differences.length > 0) {
      // More seeds or grid values: the finished tasks are kept, renumbered as the extended study numbers them.
      const problem = extensionProblem(old, record);
      if (problem !== undefined) {
        throw new ResultDirError(`cannot resume ${shown}: it holds a different study (a resume may add seeds or grid values only: ${problem})\n  ${differences.join("\n  ")}`);
      }
      extendRows(dir, old, study);
    }
  } else if (existsSync(join(dir, ROWS_FILE))) {
    throw new ResultDirError(`${shown} holds ${ROWS_FILE} but no ${STUDY_FILE}; refusing to overwrite it`);
  }
  makeOutDirectory(shown, dir);
  writeStudyRecord(dir, record);
}

function checkBuild(build: string, record: StudyRecord): void {
  if (build !== record.engineBuild) {
    throw new Error(`a worker runs engine build ${build}, but study.json records ${record.engineBuild}`);
  }
}
