// Shards: the I-th of N deterministic slices of a study's tasks, for batch schedulers that
// run one slice per job. Tasks are dealt round-robin in canonical order, so every shard gets
// a similar mix of cheap and expensive cells, and the slices depend only on the study.
import type { Task } from "./task.js";

export interface Shard {
  /** 0-based: 0 <= index < count. */
  index: number;
  count: number;
}

export function shardTasks(tasks: readonly Task[], shard: Shard | undefined): Task[] {
  if (shard === undefined || shard.count === 1) return [...tasks];
  return tasks.filter((_, i) => i % shard.count === shard.index);
}
