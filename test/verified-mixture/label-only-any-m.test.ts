// A label-only round draws no point: its group sizes are one multinomial draw, so m = 10^12
// synthetic points (the parameter's limit) cost what 10^3 do. At that size the kept fraction and
// the kept labels' accuracy have standard errors near 5e-7 per replicate, so the z-tests below
// see any bias of the large-count binomial sampler that exceeds a few parts in 10^7.
import { test } from "uvu";
import { assertMeanWithinSE } from "../helpers/stats.js";
import { runCell, metric } from "./replicates.js";

const R = 24;

const BOTH = ["keptFraction", "keptLabelAccuracy"];
const settings: [string, Record<string, unknown>, string[]][] = [
  ["noisy, eps 0.3", { generator: { kind: "flip", eps: 0.3 }, verifier: { kind: "noisy", phi: 0.8, psi: 0.3 } }, BOTH],
  ["random keep 0.5, eps 0.4, 10^11 real points", { generator: { kind: "flip", eps: 0.4 }, verifier: { kind: "random", keep: 0.5 }, nReal: 1e11 }, BOTH],
  // About 10^6 kept of 10^12: a binomial of tiny p; every kept label is right by construction.
  ["oracle, eps 0.999999", { generator: { kind: "flip", eps: 0.999999 }, verifier: { kind: "oracle" } }, ["keptFraction"]],
];

for (const engine of ["wasm", "js"] as const) {
  for (const [name, world, columns] of settings) {
    test(`m = 10^12, ${engine}: ${name}: ${columns.join(" and ")} on their closed forms`, async () => {
      const rows = await runCell({ d: 20, mu: 1, nSynthetic: 1e12, ...world }, R, { engine, seed: 5 });
      for (const column of columns) {
        const theory = metric(rows, `theory${column[0].toUpperCase()}${column.slice(1)}`)[0];
        assertMeanWithinSE(metric(rows, column), theory, `${name}, ${column}`);
      }
    });
  }
}

test.run();
