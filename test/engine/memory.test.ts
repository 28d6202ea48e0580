// Blocks stay valid across wasm memory growth; slices share memory; blocks of one engine are
// refused by another.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { allEngines, label } from "../helpers/engines.js";
import { WasmEngine } from "../../src/engine/index.js";
import { ReferenceEngine } from "../../src/engine/reference-engine.js";
import { allocateBlock, type WasmHeap } from "../../src/engine/wasm-memory.js";

test("a block made before memory grows still reads and writes through the engine's API", async () => {
  const engine = await WasmEngine.create({ build: "release-simd" });
  const before = engine.f64(1000);
  before.set(Array.from({ length: 1000 }, (_, i) => i * 0.5));
  const rng = engine.stream(77);
  const bufferBefore = engine.memory.buffer;
  const big = engine.f64(16 * 1024 * 1024); // 128 MiB: forces memory.grow
  assert.ok(engine.memory.buffer !== bufferBefore, "memory grew");
  assert.is(bufferBefore.byteLength, 0, "the old ArrayBuffer is detached");
  assert.is(before.view[999], 999 * 0.5, "old block reads the values written before the growth");
  engine.scale(2, before);
  assert.is(before.view[10], 10, "kernel writes through the old block");
  before.view[3] = -1;
  assert.is(engine.dot(before.slice(3, 1), before.slice(3, 1)), 1, "writes through the view reach the kernels");
  engine.fillNormal(rng, big, 10);
  assert.ok(big.view.slice(0, 10).every((v) => Number.isFinite(v) && v !== 0), "stream made before the growth still works");
  big.free();
});

test("slices share memory with their parent and are bounds-checked", async () => {
  for (const engine of await allEngines()) {
    const parent = engine.f64(10);
    const child = parent.slice(4, 3);
    child.set([7, 8, 9]);
    assert.equal(Array.from(parent.view.slice(3, 8)), [0, 7, 8, 9, 0], label(engine));
    engine.scale(2, child);
    assert.is(parent.view[5], 16, label(engine));
    assert.throws(() => parent.slice(8, 3), /outside a block of length 10/);
    assert.throws(() => parent.slice(-1, 2), /outside/);
    if (engine.kind === "wasm") assert.throws(() => child.free(), /free the parent block/);
  }
});

test("freed memory is reused, so long studies do not grow the heap without bound", async () => {
  const engine = await WasmEngine.create({ build: "release" });
  for (let i = 0; i < 200; i++) engine.f64(1 << 20).free();
  const size = engine.memory.buffer.byteLength;
  for (let i = 0; i < 200; i++) engine.f64(1 << 20).free();
  assert.is(engine.memory.buffer.byteLength, size);
});

test("new blocks are zero-filled, lengths are validated", async () => {
  for (const engine of await allEngines()) {
    for (let i = 0; i < 3; i++) {
      const b = engine.f64(100);
      assert.ok(b.view.every((v) => v === 0), label(engine));
      b.view.fill(5);
      b.free();
    }
    assert.throws(() => engine.f64(-1), /non-negative integer/);
    assert.throws(() => engine.i32(1.5), /non-negative integer/);
  }
});

test("an allocator trap (memory cannot grow) becomes a RangeError naming the bytes and the 4 GiB limit", () => {
  // A heap whose allocator traps as AssemblyScript's does when memory.grow fails: no gigabytes needed.
  const asked: number[] = [];
  const exhausted: WasmHeap = {
    memory: new WebAssembly.Memory({ initial: 1 }),
    alloc(bytes) {
      asked.push(bytes);
      throw new WebAssembly.RuntimeError("unreachable");
    },
    free() {},
  };
  const error = (() => {
    try {
      allocateBlock(exhausted, Float64Array, 1000);
    } catch (caught) {
      return caught;
    }
  })();
  assert.instance(error, RangeError);
  assert.match((error as Error).message, /exhausted allocating 8000 bytes/);
  assert.match((error as Error).message, /4 GiB/);
  assert.match((error as Error).message, /must not be used again/);
  assert.instance((error as Error).cause, WebAssembly.RuntimeError);
  assert.equal(asked, [8000]);
  // A size beyond 32 bits would wrap in the kernel's argument: refused before the allocator sees it.
  assert.throws(() => allocateBlock(exhausted, Float64Array, 2 ** 29), /at most 4294967296 bytes \(4 GiB\)/);
  assert.equal(asked, [8000]);
  // Errors other than a trap pass through unchanged.
  const refusing: WasmHeap = { ...exhausted, alloc() { throw new Error("Allocation too large"); } };
  assert.throws(() => allocateBlock(refusing, Float64Array, 10), (e: Error) => e.constructor === Error && e.message === "Allocation too large");
});

test("blocks and streams of one engine are refused by another", async () => {
  const wasm = await WasmEngine.create();
  const js = new ReferenceEngine();
  assert.throws(() => wasm.dot(js.f64(2), js.f64(2)), /another engine/);
  assert.throws(() => js.dot(wasm.f64(2), wasm.f64(2)), /another engine/);
  assert.throws(() => wasm.fillUniform(js.stream(1), wasm.f64(2)), /another engine/);
  const other = await WasmEngine.create();
  assert.throws(() => wasm.scale(1, other.f64(2)), /another engine/);
});

test.run();
