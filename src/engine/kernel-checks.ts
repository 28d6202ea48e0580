// Argument checks the engine body makes before a kernel runs, worded the same for every
// kernel: "refitCategoricalRows: gamma must be in [0, 1], got 2".

export function fail(kernel: string, what: string, value: unknown, allowed: string): never {
  throw new RangeError(`${kernel}: ${what} must be ${allowed}, got ${String(value)}`);
}

export function checkInteger(kernel: string, what: string, value: number, lo: number, hi: number): void {
  if (!Number.isInteger(value) || value < lo || value > hi) fail(kernel, what, value, `an integer in [${lo}, ${hi}]`);
}

export function checkProbability(kernel: string, what: string, value: number): void {
  if (!(value >= 0 && value <= 1)) fail(kernel, what, value, "in [0, 1]");
}
