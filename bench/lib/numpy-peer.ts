// A numpy peer (bench/peers/NAME.py) run as a child process: its printed JSON, or why it could
// not run (no python3 with numpy, or the script failed), for the benchmark to print instead.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** One BLAS thread: a peer timed against one core of wasm. */
export const ONE_BLAS_THREAD = { OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };

/** Whether python3 imports numpy, probed on the first peer run (a benchmark may run several). */
let numpyAvailable: boolean | undefined;

export function runNumpyPeer<T>(name: string, args: ReadonlyArray<string | number | null>, env: Record<string, string> = {}): T | string {
  numpyAvailable ??= (() => {
    const probe = spawnSync("python3", ["-c", "import numpy"], { encoding: "utf8" });
    return !probe.error && probe.status === 0;
  })();
  if (!numpyAvailable) return "python3 with numpy is not available";
  const script = fileURLToPath(new URL(`../peers/${name}.py`, import.meta.url));
  const out = spawnSync("python3", [script, ...args.map(String)], { encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 1 << 20 });
  if (out.status !== 0) return `the numpy peer failed: ${out.stderr.trim().split("\n").pop()}`;
  return JSON.parse(out.stdout) as T;
}
