// Timing a group of variants of one workload with tinybench, back to back in this process, as
// nanoseconds per element. Each variant's function processes `elementsPerCall` elements; a fast
// call repeats inside one timed iteration, so that an iteration lasts well beyond the timer's
// resolution and the cost of calling into wasm.
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
  /** Milliseconds of timed iterations per variant (at least `iterations` iterations run). */
  time: number;
  warmupTime: number;
  iterations: number;
  /** Shortest timed iteration, in milliseconds: fast calls repeat until they fill it. */
  iterationTime: number;
}

export const FULL_BUDGET: Budget = { time: 250, warmupTime: 50, iterations: 5, iterationTime: 0.5 };
export const QUICK_BUDGET: Budget = { time: 10, warmupTime: 2, iterations: 2, iterationTime: 0.2 };

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

/** Median nanoseconds per element of each variant, in the variants' order. */
export async function nsPerElement(variants: Variant[], elementsPerCall: number, budget: Budget): Promise<number[]> {
  const bench = new Bench({ time: budget.time, warmupTime: budget.warmupTime, iterations: budget.iterations, warmupIterations: 1, throws: true });
  const reps = variants.map((variant) => {
    variant.reset?.();
    variant.run(); // compiled and warm before the rough timing
    return repetitions(variant, budget);
  });
  variants.forEach(({ label, run, reset }, k) => {
    const calls = reps[k];
    const repeated = calls === 1 ? run : () => {
      for (let r = 0; r < calls; r++) run();
    };
    bench.add(label, repeated, reset ? { beforeEach: reset } : undefined);
  });
  await bench.run();
  return bench.tasks.map((task, k) => {
    const result = task.result;
    if (result.state !== "completed") throw new Error(`benchmark ${task.name} did not complete (${result.state})`);
    // The median resists the odd iteration slowed by another process on a shared machine.
    return (result.latency.p50 * 1e6) / (reps[k] * elementsPerCall);
  });
}
