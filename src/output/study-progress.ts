// How far a run is: tasks and cells done of those it runs, counting the ones a resume found
// complete, as the CLI's progress bar shows it.
import type { Task } from "../study/task.js";

export interface StudyProgress {
  tasksDone: number;
  tasksTotal: number;
  cellsDone: number;
  cellsTotal: number;
  /** Tasks found complete in the result directory (resume), counted in tasksDone. */
  tasksSkipped: number;
}

export class ProgressCounter {
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
