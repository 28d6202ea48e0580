// The playground's benchmark page (bench.html): the kernels timed in this browser by the code the
// command line's benchmarks use (bench/lib/kernel-timings.ts), beside what the page can tell of
// the machine. bench.html?run starts at once; &quick takes short rounds (a smoke run). The
// figures are also left on window.benchResults for a script driving the page.
import { createEngine, simdSupported } from "../../src/index.js";
import { kernelTimings, type KernelTiming } from "../../bench/lib/kernel-timings.js";
import { byId, h } from "./dom.js";

declare global {
  interface Window {
    benchResults?: KernelTiming[];
  }
}

const query = new URLSearchParams(location.search);
const build = simdSupported() ? "release-simd" : "release (no SIMD in this browser)";
byId("machine").textContent = `${navigator.hardwareConcurrency} logical cores; wasm build ${build}; ${navigator.userAgent}`;
const button = byId<HTMLButtonElement>("run");

async function run(): Promise<void> {
  button.disabled = true;
  byId("status").textContent = "Running…";
  // Let the status paint before the page is busy for seconds.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const engine = await createEngine("wasm");
  const timings = await kernelTimings(engine, query.has("quick") ? { rounds: 2, roundMs: 10 } : {});
  byId("timings").querySelector("tbody")!.replaceChildren(
    ...timings.map((t) => h("tr", {}, h("td", {}, t.name), h("td", {}, t.ns.toFixed(3)))),
  );
  byId("timings").hidden = false;
  byId("status").textContent = `Done, wasm ${engine.build}.`;
  window.benchResults = timings;
  button.disabled = false;
}

button.addEventListener("click", () => void run());
document.body.dataset.ready = "";
if (query.has("run")) void run();
