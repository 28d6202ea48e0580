// How far a run is: tasks and cells done of those it runs, counting the ones a resume found
// complete, and the share of the running tasks' rounds done, as the CLI's progress shows it.
import type { Task } from "../study/task.js";
import { taskKey } from "./rows-file.js";

export interface StudyProgress {
  tasksDone: number;
  tasksTotal: number;
  cellsDone: number;
  cellsTotal: number;
  /** Tasks found complete in the result directory (resume), counted in tasksDone. */
  tasksSkipped: number;
  /** The running tasks' rounds done, in tasks (two tasks half done: 1); not in tasksDone. */
  tasksUnderWay: number;
}

export class ProgressCounter {
  readonly progress: StudyProgress;
  private readonly left = new Map<number, number>();
  /** Rounds done of each running task that has reported any. */
  private readonly running = new Map<string, number>();

  constructor(tasks: readonly Task[], private readonly generations = 0) {
    for (const task of tasks) this.left.set(task.cell, (this.left.get(task.cell) ?? 0) + 1);
    this.progress = { tasksDone: 0, tasksTotal: tasks.length, cellsDone: 0, cellsTotal: this.left.size, tasksSkipped: 0, tasksUnderWay: 0 };
  }

  done(task: Task, skipped = false): void {
    this.progress.tasksDone++;
    if (skipped) this.progress.tasksSkipped++;
    const left = this.left.get(task.cell)! - 1;
    this.left.set(task.cell, left);
    if (left === 0) this.progress.cellsDone++;
    this.running.delete(taskKey(task));
    this.sumUnderWay();
  }

  /** A running task has done `generation` of its rounds. */
  underWay(task: Task, generation: number): void {
    if (this.generations <= 0) return;
    this.running.set(taskKey(task), Math.min(generation, this.generations));
    this.sumUnderWay();
  }

  private sumUnderWay(): void {
    let rounds = 0;
    for (const done of this.running.values()) rounds += done;
    this.progress.tasksUnderWay = this.generations > 0 ? rounds / this.generations : 0;
  }
}
