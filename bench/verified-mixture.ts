// npm run bench -- verified-mixture [--reps R] [--m 100,1000,10000]
// The sweep: d = 100, eps on 21 points in [0, 1], noisy verifier (phi 0.8, psi 0.3),
// ridge 1, R replicates, one generation, for each m. Times simulate() with the direct method
// (block sampling, O(m d^2): the workload as peers compute it) on the wasm engine and on the
// TypeScript reference in this process (one thread each), the study runner on all cores, the
// same workload in numpy (bench/peers/verified_mixture.py) with its BLAS on all cores and on
// one, and the default exact method (O(m + d^3), see bench/verified-mixture-exact.ts) on wasm.
import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Writable } from "node:stream";
import { simulate, createEngine, type Row } from "../src/index.js";
import { runStudy } from "../src/output/run-study.js";

const D = 100;
const EPS_POINTS = 21;
const PEER = fileURLToPath(new URL("./peers/verified_mixture.py", import.meta.url));

type Method = "direct" | "exact";

function spec(m: number, reps: number, engine: "wasm" | "js", method: Method = "direct") {
  return {
    scenario: "verified-mixture",
    params: { d: D, mu: 1, nSynthetic: m, ridge: 1, method, generator: { kind: "flip", eps: 0 }, verifier: { kind: "noisy", phi: 0.8, psi: 0.3 } },
    grid: { "generator.eps": Array.from({ length: EPS_POINTS }, (_, i) => i / (EPS_POINTS - 1)) },
    generations: 1,
    seeds: reps,
    seed: 1,
    engine,
  };
}

async function timeEngine(kind: "wasm" | "js", m: number, reps: number, method: Method = "direct"): Promise<{ seconds: number; rows: Row[] }> {
  const engine = await createEngine(kind);
  await simulate({ ...spec(m, 1, kind, method), grid: { "generator.eps": [0.3] } }, { engine }); // warm-up: JIT, memory growth
  const start = performance.now();
  const rows = await simulate(spec(m, reps, kind, method), { engine });
  return { seconds: (performance.now() - start) / 1000, rows };
}

/** The study runner's wall time on `workers` threads (worker start-up included), rows discarded. */
async function timeRunner(m: number, reps: number, workers: number): Promise<number> {
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const result = await runStudy({ spec: spec(m, reps, "wasm"), workers, stream: sink });
  return result.seconds;
}

/** numpy's timings per m, or a reason why there are none. */
function runPeer(ms: number[], reps: number, oneThread: boolean): Map<number, number> | string {
  const probe = spawnSync("python3", ["-c", "import numpy"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) return "python3 with numpy is not available: numpy peer skipped";
  const env = { ...process.env };
  if (oneThread) for (const key of ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"]) env[key] = "1";
  const run = spawnSync("python3", [PEER, String(D), ms.join(","), String(EPS_POINTS), String(reps)], { encoding: "utf8", env });
  if (run.status !== 0) return `numpy peer failed: ${run.stderr.trim()}`;
  const out = new Map<number, number>();
  for (const line of run.stdout.trim().split("\n")) {
    const { m, seconds } = JSON.parse(line) as { m: number; seconds: number };
    out.set(m, seconds);
  }
  return out;
}

export default async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { reps: { type: "string", default: "20" }, m: { type: "string", default: "100,1000,10000" } } });
  const reps = Number(values.reps);
  const ms = values.m.split(",").map(Number);
  console.log(`verified-mixture sweep: d ${D}, ${EPS_POINTS} eps points in [0, 1], noisy (0.8, 0.3), ridge 1, ${reps} replicates, 1 generation`);
  const wasm = await createEngine("wasm");
  console.log(`wasm build ${wasm.build}; ${availableParallelism()} cores; wasm and js on one thread`);
  const peerAll = runPeer(ms, reps, false);
  const peerOne = runPeer(ms, reps, true);
  if (typeof peerAll === "string") console.log(peerAll);
  const workers = availableParallelism();
  console.log(`direct method; "runner": the study runner on ${workers} workers vs numpy on ${workers} cores; "exact": the default method, wasm, one thread`);
  const header = ["m", "wasm s", "js s", "js/wasm", "runner s", "numpy s", "numpy/runner", "numpy1 s", "numpy1/wasm",
    "wasm ns/(pt*dim)", "js ns/(pt*dim)", "wasm Gram GFLOP/s", "exact s", "numpy/exact"];
  console.log(header.join("\t"));
  for (const m of ms) {
    const w = await timeEngine("wasm", m, reps);
    const j = await timeEngine("js", m, reps);
    const runner = await timeRunner(m, reps, workers);
    const exact = await timeEngine("wasm", m, reps, "exact");
    const pointDims = EPS_POINTS * reps * m * D;
    // Kept rows times the d(d+1)/2 multiply-adds of their Gram update, 2 flops each.
    const kept = w.rows.filter((r) => r.generation === 1).reduce((s, r) => s + (r.keptFraction as number) * m, 0);
    const gramFlops = kept * D * (D + 1);
    const all = typeof peerAll === "string" ? undefined : peerAll.get(m);
    const one = typeof peerOne === "string" ? undefined : peerOne.get(m);
    const f = (x: number | undefined, digits = 3) => (x === undefined ? "-" : x.toFixed(digits));
    console.log([
      m, f(w.seconds), f(j.seconds), f(j.seconds / w.seconds, 1),
      f(runner), f(all), f(all === undefined ? undefined : all / runner, 2),
      f(one), f(one === undefined ? undefined : one / w.seconds, 2),
      f((w.seconds * 1e9) / pointDims, 2), f((j.seconds * 1e9) / pointDims, 2), f(gramFlops / w.seconds / 1e9, 2),
      f(exact.seconds), f(all === undefined ? undefined : all / exact.seconds, 1),
    ].join("\t"));
  }
}
