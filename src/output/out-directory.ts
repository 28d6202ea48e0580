// The result directory given as --out: checked before any work, so that a path that cannot
// be one (a file, a path under a file, a folder that cannot be written) is refused with
// exit code 2 rather than failing after the compute with a stack trace.
import { accessSync, constants, existsSync, mkdirSync, rmdirSync, statSync, type Stats } from "node:fs";
import { dirname } from "node:path";
import { ResultDirError } from "./result-dir-error.js";

/** `dir` is `shown` resolved; messages name paths as the user wrote them. */
export function checkOutDirectory(shown: string, dir: string): void {
  let existing = dir;
  let existingShown = shown;
  let stats: Stats | undefined;
  while (stats === undefined) {
    try {
      stats = statSync(existing);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Missing, or under a file: look at the parent, which must exist to be created in.
      if ((code !== "ENOENT" && code !== "ENOTDIR") || dirname(existing) === existing) {
        throw new ResultDirError(`--out ${shown} cannot be used: ${(error as Error).message}`);
      }
      existing = dirname(existing);
      existingShown = dirname(existingShown);
    }
  }
  if (!stats.isDirectory()) {
    throw new ResultDirError(existing === dir ? `--out ${shown} is a file, not a directory` : `--out ${shown} cannot be created: ${existingShown} is a file`);
  }
  try {
    accessSync(existing, constants.W_OK);
  } catch {
    throw new ResultDirError(existing === dir ? `--out ${shown} cannot be written to` : `--out ${shown} cannot be created: ${existingShown} cannot be written to`);
  }
}

/**
 * Whether a missing --out can be made, tried by making its first missing level and removing it
 * again: a file system that refuses folders (/proc) is named now, not after an estimate or a run.
 */
export function probeOutDirectory(shown: string, dir: string): void {
  checkOutDirectory(shown, dir);
  let first: string | undefined;
  for (let path = dir; !existsSync(path) && dirname(path) !== path; path = dirname(path)) first = path;
  if (first === undefined) return;
  try {
    mkdirSync(first);
  } catch (error) {
    throw new ResultDirError(`--out ${shown} cannot be created: ${(error as Error).message}`);
  }
  rmdirSync(first);
}

export function makeOutDirectory(shown: string, dir: string): void {
  checkOutDirectory(shown, dir);
  // One level at a time: a recursive mkdir under /proc spins forever on Node 20.
  const missing: string[] = [];
  for (let path = dir; !existsSync(path) && dirname(path) !== path; path = dirname(path)) missing.unshift(path);
  try {
    for (const path of missing) mkdirSync(path);
  } catch (error) {
    throw new ResultDirError(`--out ${shown} cannot be created: ${(error as Error).message}`);
  }
}
