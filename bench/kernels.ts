// npm run bench -- kernels [--quick] [--json]
//
// The compute core's kernels on inputs from in-cache to beyond the last cache level: ns per
// element for the wasm SIMD build, the wasm scalar build and the TypeScript reference, timed
// back to back in this process, with their ratios, the rate (GB/s streamed or GFLOP/s), and
// for dot and axpy out of cache the limit the machine's memory bandwidth sets (a native read
// of the same footprint, timed in the same group: lib/bandwidth.ts). --json prints only a JSON
// array of { name, engine, n, nsPerElement } on stdout, everything else on stderr. --quick
// runs a smoke-test subset briefly.
import { createEngine, simdSupported, type Engine, type F64Block } from "../src/engine/index.js";
import { FULL_BUDGET, QUICK_BUDGET, nsPerElement, type Budget, type Variant } from "./lib/measure.js";
import { nativeRead } from "./lib/bandwidth.js";
import { detectCaches, levelOf, type Caches } from "./lib/caches.js";

interface Workload {
  /** Kernel name, as in the JSON output. */
  name: string;
  /** The size parameter shown as n: entries, draws, rows of X, or d for Cholesky. */
  n: number;
  /** What one element is. */
  element: string;
  /** Elements one call processes. */
  elements: number;
  /** Bytes the call touches: where its working set lives. */
  footprint: number;
  /** Bytes streamed per element (GB/s), or flops per call (GFLOP/s). */
  rate: { bytesPerElement: number } | { flopsPerCall: number };
  /** Reads 16 bytes per element: bounded by memory bandwidth when the working set is in DRAM. */
  streamsTwoVectors?: boolean;
  /** Allocates the inputs in an engine; returns the timed call and how to free the inputs. */
  prepare(engine: Engine): Variant & { dispose(): void };
}

interface Row {
  workload: Workload;
  level: string;
  ns: Map<string, number>;
  limitNs?: number;
}

/** Makes the inputs (its normals are the same in every run) and is the third engine timed. */
const referenceEngine = await createEngine("js");

/** Keeps dot's results alive. */
let sink = 0;

function randomNormals(length: number, seed: number): Float64Array {
  const engine = referenceEngine;
  const block = engine.f64(length);
  engine.fillNormal(engine.stream(seed), block);
  return block.view;
}

function blockOf(engine: Engine, values: Float64Array): F64Block {
  const block = engine.f64(values.length);
  block.set(values);
  return block;
}

function freeAll(...blocks: { free(): void }[]): () => void {
  return () => blocks.forEach((b) => b.free());
}

function samplerWorkload(name: "normal" | "uniform", n: number): Workload {
  return {
    name, n, element: "draw", elements: n, footprint: 8 * n, rate: { bytesPerElement: 8 },
    prepare(engine) {
      const out = engine.f64(n);
      const rng = engine.stream(42);
      const run = name === "normal" ? () => engine.fillNormal(rng, out) : () => engine.fillUniform(rng, out);
      return { label: engine.build, run, dispose: freeAll(out, rng) };
    },
  };
}

function dotWorkload(n: number): Workload {
  const xs = randomNormals(n, 1), ys = randomNormals(n, 2);
  return {
    name: "dot", n, element: "entry", elements: n, footprint: 16 * n, rate: { bytesPerElement: 16 }, streamsTwoVectors: true,
    prepare(engine) {
      const x = blockOf(engine, xs), y = blockOf(engine, ys);
      return { label: engine.build, run: () => { sink += engine.dot(x, y); }, dispose: freeAll(x, y) };
    },
  };
}

function axpyWorkload(n: number): Workload {
  const xs = randomNormals(n, 3), ys = randomNormals(n, 4);
  return {
    // Reads x and y, writes y: 24 bytes of traffic, of which 16 must be read.
    name: "axpy", n, element: "entry", elements: n, footprint: 16 * n, rate: { bytesPerElement: 24 }, streamsTwoVectors: true,
    prepare(engine) {
      const x = blockOf(engine, xs), y = blockOf(engine, ys);
      return { label: engine.build, run: () => engine.axpy(1e-9, x, y), dispose: freeAll(x, y) };
    },
  };
}

function gramWorkload(d: number, rows: number): Workload {
  const xs = randomNormals(rows * d, 5), ys = randomNormals(rows, 6);
  return {
    // The upper triangle: d (d + 1) / 2 entries of G, one multiply and one add per row each.
    name: `gram d=${d}`, n: rows, element: "row of X", elements: rows, footprint: 8 * (rows * d + d * d),
    rate: { flopsPerCall: rows * d * (d + 1) },
    prepare(engine) {
      const x = blockOf(engine, xs), y = blockOf(engine, ys), g = engine.f64(d * d), b = engine.f64(d);
      return { label: engine.build, run: () => engine.gramAccumulate(x, y, rows, d, g, b), dispose: freeAll(x, y, g, b) };
    },
  };
}

/** A well-conditioned symmetric positive-definite d x d matrix: X^T X / 2d for 2d normal rows, plus I. */
function spdMatrix(d: number): Float64Array {
  const engine = referenceEngine;
  const rows = 2 * d;
  const x = engine.f64(rows * d), y = engine.f64(rows), g = engine.f64(d * d), b = engine.f64(d);
  x.set(randomNormals(rows * d, 7));
  engine.gramAccumulate(x, y, rows, d, g, b);
  engine.gramSymmetrize(g, d);
  engine.scale(1 / rows, g);
  for (let i = 0; i < d; i++) g.view[i * d + i] += 1;
  return g.view;
}

function choleskyWorkload(d: number): Workload {
  const spd = spdMatrix(d);
  return {
    name: "cholesky", n: d, element: "matrix entry", elements: d * d, footprint: 8 * d * d,
    rate: { flopsPerCall: (d * d * d) / 3 },
    prepare(engine) {
      const a = engine.f64(d * d);
      return {
        label: engine.build,
        run: () => {
          if (engine.cholesky(a, d, 0) !== 0) throw new Error("cholesky: matrix not positive definite");
        },
        // The factorisation overwrites its input: restore it, untimed, before each iteration.
        reset: () => a.set(spd),
        dispose: freeAll(a),
      };
    },
  };
}

/** Inputs at L1, L2, L3 and beyond L3 (twice to four times its size), by working-set bytes. */
function workloads(caches: Caches, quick: boolean): Workload[] {
  const pow2AtMost = (bytes: number, perElement: number) => 2 ** Math.floor(Math.log2(bytes / perElement));
  const streamSizes = (perElement: number, dramFactor: number) => [
    pow2AtMost(caches.l1 / 3, perElement),
    pow2AtMost(caches.l2 / 2, perElement),
    pow2AtMost(caches.l3 / 4, perElement),
    pow2AtMost(caches.l3 * dramFactor, perElement),
  ];
  const pick = <T>(sizes: T[]) => (quick ? sizes.slice(0, 2) : sizes);
  const rowsFor = (d: number, bytes: number) => Math.max(4, Math.round(bytes / (8 * d)));
  return [
    ...pick(streamSizes(8, 2)).map((n) => samplerWorkload("normal", n)),
    ...pick(streamSizes(8, 2)).map((n) => samplerWorkload("uniform", n)),
    ...pick(streamSizes(16, 4)).map((n) => dotWorkload(n)),
    ...pick(streamSizes(16, 4)).map((n) => axpyWorkload(n)),
    ...pick([rowsFor(100, caches.l2 / 4), rowsFor(100, caches.l3 / 4), rowsFor(100, caches.l3 * 2)]).map((rows) => gramWorkload(100, rows)),
    ...pick([rowsFor(20, caches.l2 / 4), rowsFor(20, caches.l3 * 2)]).map((rows) => gramWorkload(20, rows)),
    ...pick([rowsFor(400, caches.l2 / 4), rowsFor(400, caches.l3 / 4)]).map((rows) => gramWorkload(400, rows)),
    ...pick([100, 200, 500, 1000]).map((d) => choleskyWorkload(d)),
  ];
}

function format(x: number | undefined, digits = 3): string {
  if (x === undefined || !Number.isFinite(x)) return "-";
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toPrecision(digits);
}

function ratio(slow: number | undefined, fast: number | undefined): string {
  return slow === undefined || fast === undefined ? "-" : `${(slow / fast).toFixed(2)}x`;
}

function rateOf(workload: Workload, ns: number | undefined): string {
  if (ns === undefined) return "-";
  if ("bytesPerElement" in workload.rate) return `${format(workload.rate.bytesPerElement / ns)} GB/s`;
  return `${format(workload.rate.flopsPerCall / (ns * workload.elements))} GFLOP/s`;
}

function table(rows: Row[], labels: string[]): string {
  const [simd, scalar, reference] = labels;
  const header = ["kernel", "n", "element", "level", ...labels.map((l) => `${l} ns`), "ref/simd", "scalar/simd", "simd rate", "limit ns", "simd/limit", "scalar/limit"];
  const body = rows.map(({ workload: w, level, ns, limitNs }) => [
    w.name, String(w.n), w.element, level,
    ...labels.map((l) => format(ns.get(l))),
    ratio(ns.get(reference), ns.get(simd)),
    ratio(ns.get(scalar), ns.get(simd)),
    rateOf(w, ns.get(simd)),
    format(limitNs),
    ratio(ns.get(simd), limitNs),
    ratio(ns.get(scalar), limitNs),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c < 4 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
  const limits = rows.filter((r) => r.limitNs !== undefined).map((r) => 16 / r.limitNs!);
  const notes = [
    "ns = ns per element (median of a round, best of the rounds); ratios > 1x mean the second is faster; simd rate counts bytes read + written.",
    limits.length > 0
      ? `limit = ns per entry of a native read of the same two vectors (memcmp, ${limits.map((bw) => format(bw)).join(", ")} GB/s), timed beside the kernel, for working sets in DRAM.`
      : "limit: measured only for working sets in DRAM (not in --quick).",
  ];
  return [line(header), ...body.map(line), "", ...notes].join("\n");
}

export default async function kernels(args: string[]): Promise<void> {
  const json = args.includes("--json");
  const quick = args.includes("--quick");
  const unknown = args.filter((a) => a !== "--json" && a !== "--quick");
  if (unknown.length > 0) {
    process.stderr.write(`kernels: unknown option(s) ${unknown.join(" ")}\nusage: npm run bench -- kernels [--quick] [--json]\n`);
    process.exitCode = 2;
    return;
  }
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const budget: Budget = quick ? QUICK_BUDGET : FULL_BUDGET;
  const caches = detectCaches();

  const engines: Engine[] = [];
  if (simdSupported()) engines.push(await createEngine("wasm", { build: "release-simd" }));
  engines.push(await createEngine("wasm", { build: "release" }), referenceEngine);
  const labels = ["release-simd", "release", "reference"];

  const started = performance.now();
  const rows: Row[] = [];
  for (const workload of workloads(caches, quick)) {
    const level = levelOf(workload.footprint, caches);
    const t0 = performance.now();
    const prepared = engines.map((engine) => workload.prepare(engine));
    const bounded = workload.streamsTwoVectors === true && level === "DRAM";
    if (bounded) prepared.push(nativeRead(workload.n));
    let times: number[];
    try {
      times = await nsPerElement(prepared, workload.elements, budget);
    } finally {
      prepared.forEach((p) => p.dispose());
    }
    const ns = new Map(engines.map((engine, k) => [engine.build as string, times[k]]));
    const limitNs = bounded ? times[engines.length] : undefined;
    rows.push({ workload, level, ns, limitNs });
    log(`${workload.name} n=${workload.n} (${level}): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  log(`measured in ${((performance.now() - started) / 1000).toFixed(1)} s (sink ${sink === 0 ? 0 : 1})\n`);

  if (json) {
    const records = rows.flatMap(({ workload: w, ns, limitNs }) => [
      ...[...ns].map(([engine, nsPerElement]) => ({ name: w.name, engine, n: w.n, nsPerElement })),
      ...(limitNs === undefined ? [] : [{ name: w.name, engine: "memory-bandwidth-limit", n: w.n, nsPerElement: limitNs }]),
    ]);
    process.stdout.write(`${JSON.stringify(records, null, 1)}\n`);
  } else {
    process.stdout.write(`${table(rows, labels)}\n`);
  }
}
