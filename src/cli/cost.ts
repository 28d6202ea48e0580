// Cost up front: run --dry-run prints a study's estimate (src/output/estimate.ts), and a run
// whose estimate passes a limit stops before it writes anything, with the figures and the
// flag that accepts them: the free disk at --out, the machine's memory, and a time limit
// (--max-hours, 24 by default).
import { statfsSync } from "node:fs";
import { totalmem } from "node:os";
import { dirname, resolve } from "node:path";
import type { StudyEstimate } from "../output/estimate.js";
import { formatDuration } from "./progress.js";

export const DEFAULT_MAX_HOURS = 24;

/** Bytes as a person reads them: 512 B, 3.4 MB, 1.2 TB (powers of 1000). */
export function formatBytes(bytes: number): string {
  const units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
  let value = bytes, unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** Free bytes for an unprivileged writer where `path` is (or would be created). */
export function freeDiskBytes(path: string): number | undefined {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    try {
      const stats = statfsSync(dir);
      return stats.bavail * stats.bsize;
    } catch {
      if (dirname(dir) === dir) return undefined;
    }
  }
}

export interface Limits {
  /** Free disk where the results go; undefined for stdout. */
  freeDisk?: number;
  memory: number;
  maxHours: number;
}

export function machineLimits(out: string | undefined, maxHours: number): Limits {
  return { freeDisk: out === undefined ? undefined : freeDiskBytes(out), memory: totalmem(), maxHours };
}

/** The figures, one per line, as run --dry-run prints them. */
export function estimateText(estimate: StudyEstimate, limits: Limits): string {
  const { calibration } = estimate;
  const time = `${estimate.timeIsLowerBound ? "more than " : "about "}${formatDuration(estimate.seconds)}`;
  const lines = [
    `tasks: ${estimate.tasks} (cells x seeds) in ${estimate.cells} cells${estimate.tasksLeft < estimate.tasks ? `, ${estimate.tasks - estimate.tasksLeft} already done` : ""}`,
    `rows: ${estimate.rows} (tasks x (generations + 1))`,
    `disk: about ${formatBytes(estimate.bytesOnDisk)} (rows.jsonl at ${Math.round(estimate.bytesPerRow)} bytes a row, and the tables), ${formatBytes(estimate.peakBytesOnDisk)} at most while rows.jsonl is rewritten${limits.freeDisk === undefined ? "" : `; ${formatBytes(limits.freeDisk)} free`}`,
    `memory: about ${formatBytes(estimate.peakMemoryBytes)} at most (${estimate.workers} workers at ${formatBytes(estimate.memoryPerWorkerBytes)} each); the machine has ${formatBytes(limits.memory)}`,
    `time: ${time} on ${estimate.workers} workers (limit ${formatDuration(limits.maxHours * 3600)}: --max-hours)`,
    `calibration: ${calibration.tasks} tasks of ${calibration.rounds} rounds in ${calibration.seconds.toFixed(1)} s`,
  ];
  return `${lines.join("\n")}\n`;
}

/** What passes a limit, each with the flag that accepts it; empty when the run may start. */
export function overLimits(estimate: StudyEstimate, limits: Limits): string[] {
  const over: string[] = [];
  if (limits.freeDisk !== undefined && estimate.peakBytesOnDisk > limits.freeDisk) {
    over.push(`disk: about ${formatBytes(estimate.peakBytesOnDisk)} needed, ${formatBytes(limits.freeDisk)} free (--accept-cost starts anyway)`);
  }
  if (estimate.peakMemoryBytes > limits.memory) {
    over.push(`memory: about ${formatBytes(estimate.peakMemoryBytes)} needed, the machine has ${formatBytes(limits.memory)} (fewer --workers, or --accept-cost)`);
  }
  if (estimate.seconds > limits.maxHours * 3600) {
    over.push(`time: ${estimate.timeIsLowerBound ? "more than " : "about "}${formatDuration(estimate.seconds)} on ${estimate.workers} workers, over the limit of ${formatDuration(limits.maxHours * 3600)} (--max-hours H raises it; --accept-cost starts anyway)`);
  }
  return over;
}
