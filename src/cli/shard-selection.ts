// Which shard this process runs: --shard I/N, else a batch scheduler's environment:
//   SLURM job arrays:      SLURM_ARRAY_TASK_ID (minus SLURM_ARRAY_TASK_MIN) of SLURM_ARRAY_TASK_COUNT;
//   Kubernetes Indexed Jobs: JOB_COMPLETION_INDEX of --shards N (or COLLAPSE_SIM_SHARDS), the
//                          Job's completions.
// Shard indexes are 0-based.
import type { Shard } from "../study/shard.js";
import { FlagIssues, integerFlag } from "./options.js";

export const MAX_SHARDS = 1_000_000;

export interface ShardChoice {
  shard?: Shard;
  /** Where the choice came from, for the log. */
  from?: string;
}

export function selectShard(issues: FlagIssues, flag: string | undefined, shardsFlag: string | undefined, env: NodeJS.ProcessEnv): ShardChoice {
  if (flag !== undefined) {
    const match = /^(\d+)\/(\d+)$/.exec(flag.trim());
    const allowed = "I/N with 0 <= I < N (0-based), e.g. 0/4";
    if (!match) return { shard: issues.add("--shard", flag, "malformed", allowed) };
    const index = Number(match[1]), count = Number(match[2]);
    if (count < 1 || count > MAX_SHARDS || index >= count) return { shard: issues.add("--shard", flag, "out of range", allowed) };
    if (shardsFlag !== undefined) issues.add("--shards", shardsFlag, "conflicts with --shard", "--shard I/N alone (it gives the count), or --shards N with JOB_COMPLETION_INDEX");
    return { shard: { index, count }, from: "--shard" };
  }
  // Without the count the index says nothing: running the whole study in every array task
  // would compute it N times over and merge into nothing.
  if (env.SLURM_ARRAY_TASK_ID !== undefined && env.SLURM_ARRAY_TASK_COUNT === undefined) {
    return {
      shard: issues.add(
        "SLURM_ARRAY_TASK_COUNT", undefined, "missing",
        "the job array's task count when SLURM_ARRAY_TASK_ID is set; or choose the shard with --shard I/N (--shard 0/1 runs the whole study)",
      ),
    };
  }
  if (env.SLURM_ARRAY_TASK_ID !== undefined) {
    const id = integerFlag(issues, "SLURM_ARRAY_TASK_ID", env.SLURM_ARRAY_TASK_ID, 0, Number.MAX_SAFE_INTEGER);
    const min = integerFlag(issues, "SLURM_ARRAY_TASK_MIN", env.SLURM_ARRAY_TASK_MIN ?? "0", 0, Number.MAX_SAFE_INTEGER);
    const count = integerFlag(issues, "SLURM_ARRAY_TASK_COUNT", env.SLURM_ARRAY_TASK_COUNT, 1, MAX_SHARDS);
    if (id === undefined || min === undefined || count === undefined) return {};
    const rerun = "or choose the shard with --shard I/N (rerunning one task of an N-task array: --shard I/N --resume, or scontrol requeue JOBID_I)";
    // A stepped array (--array=0-6:2) numbers its tasks 0, 2, 4, 6: id - min would pick shards past the count.
    if (env.SLURM_ARRAY_TASK_STEP !== undefined && env.SLURM_ARRAY_TASK_STEP.trim() !== "1") {
      return { shard: issues.add("SLURM_ARRAY_TASK_STEP", env.SLURM_ARRAY_TASK_STEP, "not 1", `a contiguous array (--array=0-15, no :step); ${rerun}`) };
    }
    // A partial array (--array=0,3,5, or --array=1 to rerun one task) is not the study's shards.
    if (env.SLURM_ARRAY_TASK_MAX !== undefined) {
      const max = integerFlag(issues, "SLURM_ARRAY_TASK_MAX", env.SLURM_ARRAY_TASK_MAX, 0, Number.MAX_SAFE_INTEGER);
      if (max === undefined) return {};
      if (max - min + 1 !== count) {
        return { shard: issues.add("SLURM_ARRAY_TASK_COUNT", env.SLURM_ARRAY_TASK_COUNT, `not the span ${min}-${max} of the array`, `a contiguous array (--array=${min}-${max}); ${rerun}`) };
      }
    }
    if (count === 1 && id !== 0) {
      return { shard: issues.add("SLURM_ARRAY_TASK_ID", env.SLURM_ARRAY_TASK_ID, "alone in its array", `an array of the study's shards (--array=0-15); a one-task array (--array=${id}) would run the whole study; ${rerun}`) };
    }
    const index = id - min;
    if (index < 0 || index >= count) {
      return { shard: issues.add("SLURM_ARRAY_TASK_ID", env.SLURM_ARRAY_TASK_ID, "out of range", `SLURM_ARRAY_TASK_MIN + [0, ${count}) for an array of contiguous indexes`) };
    }
    return { shard: { index, count }, from: "SLURM_ARRAY_TASK_ID" };
  }
  if (env.JOB_COMPLETION_INDEX !== undefined) {
    const index = integerFlag(issues, "JOB_COMPLETION_INDEX", env.JOB_COMPLETION_INDEX, 0, MAX_SHARDS - 1);
    const countText = shardsFlag ?? env.COLLAPSE_SIM_SHARDS;
    if (countText === undefined) {
      return { shard: issues.add("--shards", undefined, "missing", "the number of shards (the Job's completions) when JOB_COMPLETION_INDEX is set; or set COLLAPSE_SIM_SHARDS") };
    }
    const count = integerFlag(issues, shardsFlag !== undefined ? "--shards" : "COLLAPSE_SIM_SHARDS", countText, 1, MAX_SHARDS);
    if (index === undefined || count === undefined) return {};
    if (index >= count) return { shard: issues.add("JOB_COMPLETION_INDEX", env.JOB_COMPLETION_INDEX, "out of range", `an integer in [0, ${count - 1}] (--shards ${count})`) };
    return { shard: { index, count }, from: "JOB_COMPLETION_INDEX" };
  }
  if (shardsFlag !== undefined) issues.add("--shards", shardsFlag, "unused", "only with JOB_COMPLETION_INDEX set (Kubernetes Indexed Jobs); use --shard I/N otherwise");
  return {};
}
