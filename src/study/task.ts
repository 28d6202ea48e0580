// The unit of work: one replicate of one cell. Runners hand these out in any order, to any
// worker; the result depends only on the cell, the replicate index and the base seed.
import type { Engine } from "../engine/index.js";
import type { Study } from "./spec.js";
import { replicateSeed } from "./seeds.js";
import { replicateRows, type Row } from "./rows.js";

export interface Task {
  cell: number;
  replicate: number;
}

/** All tasks of a study, cell-major. */
export function studyTasks(study: Study): Task[] {
  const tasks: Task[] = [];
  for (const cell of study.cells) {
    for (let replicate = 0; replicate < study.spec.seeds; replicate++) tasks.push({ cell: cell.index, replicate });
  }
  return tasks;
}

/** `onGeneration` hears each finished round of the task (progress within a long task). */
export function runTask(engine: Engine, study: Study, task: Task, onGeneration?: (generation: number) => void): Row[] {
  const cell = study.cells[task.cell];
  const seed = replicateSeed(cell.key, task.replicate, study.spec.seed);
  const metrics = study.scenario.runReplicate(engine, cell.params, { generations: study.spec.generations, seed, onGeneration });
  return replicateRows(cell, task.replicate, metrics);
}
