// Timing a group of variants of one workload with tinybench, back to back in this process, as
// nanoseconds per element. Each variant's function processes `elementsPerCall` elements; a fast
// call repeats inside one timed iteration, so that an iteration lasts well beyond the timer's
// resolution and the cost of calling into wasm. The variants take turns over a few rounds and
// each keeps its best round's median: on a shared host a burst of a neighbour's work then
// spoils one round of one variant, not the ratio between them.
import { Bench } from "tinybench";

export interface Variant {
  /** The label of the variant (an engine, or a native routine). */
  label: string;
  /** One call: processes elementsPerCall elements. */
  run: () => void;
  /** Untimed work before each timed iteration (restoring an input the call overwrites). */
  reset?: () => void;
}

export interface Budget {
  /** Rounds in which every variant is timed in turn. */
  rounds: number;
  /** Milliseconds of timed iterations per variant and round (at least `iterations` iterations run). */
  time: number;
  warmupTime: number;
  iterations: number;
  /** Shortest timed iteration, in milliseconds: fast calls repeat until they fill it. */
  iterationTime: number;
}

export const FULL_BUDGET: Budget = { rounds: 3, time: 80, warmupTime: 20, iterations: 3, iterationTime: 0.5 };
export const QUICK_BUDGET: Budget = { rounds: 1, time: 10, warmupTime: 2, iterations: 2, iterationTime: 0.2 };

/** Calls per timed iteration: enough to fill budget.iterationTime, from a rough timing of a few calls. */
function repetitions(variant: Variant, budget: Budget): number {
  // A variant that restores its input before each iteration must run once per iteration.
  if (variant.reset) return 1;
  let calls = 0;
  const start = performance.now();
  do {
    variant.run();
    calls++;
  } while (performance.now() - start < budget.iterationTime / 4 && calls < 1e6);
  const perCall = (performance.now() - start) / calls;
  return Math.max(1, Math.ceil(budget.iterationTime / perCall));
}

/** Nanoseconds per element of each variant (its best round's median), in the variants' order. */
export async function nsPerElement(variants: Variant[], elementsPerCall: number, budget: Budget): Promise<number[]> {
  const reps = variants.map((variant) => {
    variant.reset?.();
    variant.run(); // compiled and warm before the rough timing
    return repetitions(variant, budget);
  });
  const best = variants.map(() => Infinity);
  for (let round = 0; round < budget.rounds; round++) {
    const bench = new Bench({ time: budget.time, warmupTime: budget.warmupTime, iterations: budget.iterations, warmupIterations: 1, throws: true });
    variants.forEach(({ label, run, reset }, k) => {
      const calls = reps[k];
      const repeated = calls === 1 ? run : () => {
        for (let r = 0; r < calls; r++) run();
      };
      bench.add(label, repeated, reset ? { beforeEach: reset } : undefined);
    });
    await bench.run();
    bench.tasks.forEach((task, k) => {
      const result = task.result;
      if (result.state !== "completed") throw new Error(`benchmark ${task.name} did not complete (${result.state})`);
      best[k] = Math.min(best[k], (result.latency.p50 * 1e6) / (reps[k] * elementsPerCall));
    });
  }
  return best;
}
