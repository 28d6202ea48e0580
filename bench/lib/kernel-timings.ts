// The kernels timed the same way in Node and in a browser page (npm run bench -- browser-kernels,
// and the playground's bench.html): ns per element of each, best of several rounds of calls
// repeated for `roundMs` each. Plain code on the Engine API, so it runs wherever the library does.
import type { Engine } from "../../src/index.js";

export interface KernelTiming {
  name: string;
  ns: number;
}

export interface TimingOptions {
  rounds?: number;
  roundMs?: number;
}

export async function kernelTimings(engine: Engine, { rounds = 7, roundMs = 60 }: TimingOptions = {}): Promise<KernelTiming[]> {
  const rng = engine.stream(7);
  const best = (run: () => void, elements: number) => {
    let ns = Infinity;
    for (let round = 0; round < rounds; round++) {
      let calls = 0;
      const start = performance.now();
      do {
        run();
        calls++;
      } while (performance.now() - start < roundMs);
      ns = Math.min(ns, ((performance.now() - start) * 1e6) / (calls * elements));
    }
    return ns;
  };
  const out = engine.f64(65536), x = engine.f64(65536), y = engine.f64(65536);
  engine.fillNormal(rng, x);
  engine.fillNormal(rng, y);
  const d = 100, rows = 328, xs = engine.f64(rows * d), ys = engine.f64(rows), g = engine.f64(d * d), b = engine.f64(d);
  engine.fillNormal(rng, xs);
  engine.fillNormal(rng, ys);
  // A symmetric positive definite matrix for the Cholesky factorisation: M M^T + n I.
  const n = 200, m = engine.f64(n * n), spd = new Float64Array(n * n), a = engine.f64(n * n);
  engine.fillNormal(rng, m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = i === j ? n : 0;
      for (let k = 0; k < n; k++) s += m.view[i * n + k] * m.view[j * n + k];
      spd[i * n + j] = spd[j * n + i] = s;
    }
  }
  try {
    return [
      { name: "normal (draw)", ns: best(() => engine.fillNormal(rng, out), 65536) },
      { name: "uniform (draw)", ns: best(() => engine.fillUniform(rng, out), 65536) },
      { name: "dot (entry)", ns: best(() => engine.dot(x, y), 65536) },
      { name: "axpy (entry)", ns: best(() => engine.axpy(1e-9, x, y), 65536) },
      { name: "gram d=100 (row)", ns: best(() => engine.gramAccumulate(xs, ys, rows, d, g, b), rows) },
      { name: "cholesky d=200 (entry)", ns: best(() => { a.set(spd); engine.cholesky(a, n, 0); }, n * n) },
    ];
  } finally {
    for (const block of [out, x, y, xs, ys, g, b, m, a]) block.free();
    rng.free();
  }
}
