// The mixture kernels refuse rules they cannot run, naming the kernel, the argument and the
// value, before any random number is drawn (the stream is left as it was).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { allEngines, label } from "../helpers/engines.js";

const bad: Array<[string, Record<string, unknown>, RegExp]> = [
  ["keep probability", { keepIfAgree: 1.5 }, /keepIfAgree must be in \[0, 1\], got 1.5/],
  ["flip probability", { labelling: { kind: "flip", probability: -0.1 } }, /flip probability must be in \[0, 1\], got -0.1/],
  ["negative count", { nFiltered: -3 }, /nFiltered must be a non-negative integer, got -3/],
  ["fractional count", { nClean: 2.5 }, /nClean must be a non-negative integer, got 2.5/],
  ["shift", { shift: Number.NaN }, /shift must be finite, got NaN/],
  ["margin", { check: { kind: "labelMargin", margin: -1 } }, /margin must be >= 0, got -1/],
  ["label margin without a direction", { check: { kind: "labelMargin", margin: 0.5 } }, /a labelMargin check needs a labelling with a direction/],
];

test("filteredMixtureGram and filteredMixtureMoments refuse bad rules by name, drawing nothing", async () => {
  for (const engine of await allEngines()) {
    const d = 3;
    const base = {
      nFiltered: 10, nClean: 0, shift: 1, labelling: { kind: "flip", probability: 0.2 },
      keepIfAgree: 1, keepIfDisagree: 0, check: { kind: "none" },
    };
    for (const [what, change, message] of bad) {
      const rng = engine.stream(5);
      const before = rng.stateWords();
      const g = engine.f64(d * d), b = engine.f64(d), moments = engine.f64(16);
      const filtered = { ...base, d, ...change } as never;
      const projected = { ...base, k: 2, ...change } as never;
      assert.throws(() => engine.filteredMixtureGram(rng, filtered, g, b), (e: Error) => /^filteredMixtureGram: /.test(e.message) && message.test(e.message), `${label(engine)} filtered: ${what}`);
      assert.throws(() => engine.filteredMixtureMoments(rng, projected, moments), (e: Error) => /^filteredMixtureMoments: /.test(e.message) && message.test(e.message), `${label(engine)} projected: ${what}`);
      assert.equal(rng.stateWords(), before, `${label(engine)}: ${what} drew from the stream`);
    }
  }
});

test.run();
