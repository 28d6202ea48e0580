// Scratch result directories and a child-process CLI for the study tests.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../..", import.meta.url));
export const registerToy = join(root, "test/fixtures/register-toy.ts");
const cli = join(root, "src/cli/main.ts");

export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `collapse-sim-${prefix}-`));
}

export function read(dir: string, file: string): string {
  return readFileSync(join(dir, file), "utf8");
}

const nodeArgs = (args: string[]) => ["--import", "tsx", "--import", registerToy, cli, ...args];
// Scheduler variables of the machine running the tests must not pick a shard.
const cleanEnv = () => {
  const env = { ...process.env };
  for (const name of ["SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_MAX", "SLURM_ARRAY_TASK_STEP", "JOB_COMPLETION_INDEX", "COLLAPSE_SIM_SHARDS", "COLLAPSE_SIM_PROGRESS_SECONDS"]) delete env[name];
  return env;
};

/** Runs the CLI (from source, with the toy scenario registered) to completion. */
export function cliSync(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, nodeArgs(args), { cwd: root, encoding: "utf8", env: { ...cleanEnv(), ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the CLI in the background. */
export function cliSpawn(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, nodeArgs(args), { cwd: root, env: { ...cleanEnv(), ...env }, stdio: ["ignore", "ignore", "pipe"] });
}
