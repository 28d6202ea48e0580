// collapse-sim demo: a million normals from the wasm engine, timed.
import { createEngine } from "../engine/index.js";

export async function demoCommand(): Promise<void> {
  const engine = await createEngine("wasm");
  const n = 1_000_000;
  const rng = engine.stream(2026);
  const z = engine.f64(n);
  const start = performance.now();
  engine.fillNormal(rng, z);
  const ms = performance.now() - start;
  let sum = 0, sumSq = 0;
  for (const v of z.view) {
    sum += v;
    sumSq += v * v;
  }
  console.log(`engine: ${engine.kind} (${engine.build})`);
  console.log(`${n} normals in ${ms.toFixed(1)} ms: mean ${(sum / n).toFixed(4)}, variance ${(sumSq / n - (sum / n) ** 2).toFixed(4)}`);
}
