// study.json: what a result directory holds. The resolved spec, the package version and the
// engine build together determine every number, so a resume or a merge across directories is
// refused unless they all agree.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { canonicalJson } from "../study/canonical.js";
import { isObject } from "../study/flatten.js";
import { formatValue } from "../validation/spec-error.js";
import type { Study, StudySpec } from "../study/spec.js";
import type { Shard } from "../study/shard.js";
import { resolveBuild } from "../engine/load.js";
import { packageVersion } from "./package-version.js";
import { ResultDirError } from "./result-dir-error.js";
import { writeFileAtomic } from "./atomic-write.js";

export const STUDY_FILE = "study.json";

export interface StudyRecord {
  collapseSim: string;
  engineBuild: string;
  spec: StudySpec;
  /** The preset the spec came from, whose plot settings `plot` reuses. */
  preset: string | null;
  shard: Shard | null;
  cells: number;
  tasks: number;
  /** Set by commands that own the directory they write (`collapse-sim default`), which may replace it. */
  writtenBy?: string;
}

/** The build a fresh engine of this kind uses on this machine, without instantiating one. */
export function engineBuildFor(kind: StudySpec["engine"]): string {
  return kind === "js" ? "reference" : resolveBuild("auto");
}

export function makeStudyRecord(study: Study, preset: string | null, shard: Shard | null, tasks: number, writtenBy?: string): StudyRecord {
  return {
    collapseSim: packageVersion(),
    engineBuild: engineBuildFor(study.spec.engine),
    spec: study.spec,
    preset,
    shard: shard && shard.count > 1 ? shard : null,
    cells: study.cells.length,
    tasks,
    ...(writtenBy === undefined ? {} : { writtenBy }),
  };
}

export function writeStudyRecord(dir: string, record: StudyRecord): void {
  writeFileAtomic(join(dir, STUDY_FILE), `${JSON.stringify(record, null, 2)}\n`);
}

export function readStudyRecord(dir: string): StudyRecord {
  const path = join(dir, STUDY_FILE);
  if (!existsSync(path)) throw new ResultDirError(`${dir} holds no ${STUDY_FILE}: not a collapse-sim result directory`);
  try {
    return JSON.parse(readFileSync(path, "utf8")) as StudyRecord;
  } catch (error) {
    throw new ResultDirError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

const MAX_DIFFERENCES = 10;

/**
 * Where two records differ, as "path: a vs b" lines down to the differing leaves
 * ("spec.seed: 2502 vs 5", "spec.grid.drift: [0,0.1] vs [0]"); empty when compatible.
 */
export function recordDifferences(a: StudyRecord, b: StudyRecord, fields: ReadonlyArray<keyof StudyRecord>): string[] {
  const out: string[] = [];
  for (const field of fields) leafDifferences(field, a[field] ?? null, b[field] ?? null, out);
  if (out.length <= MAX_DIFFERENCES) return out;
  return [...out.slice(0, MAX_DIFFERENCES), `... and ${out.length - MAX_DIFFERENCES} more`];
}

function leafDifferences(path: string, a: unknown, b: unknown, out: string[]): void {
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) leafDifferences(`${path}.${key}`, a[key], b[key], out);
  } else if (canonicalJson(a) !== canonicalJson(b)) {
    out.push(`${path}: ${shown(a)} vs ${shown(b)}`);
  }
}

function shown(value: unknown): string {
  return value === undefined ? "(none)" : formatValue(value);
}
