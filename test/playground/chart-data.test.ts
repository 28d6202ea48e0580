// The playground's band is the command line's: mean +- t(0.975, n - 1) se, from the same summary
// rows (and none from a single replicate), here on a toy study's summary.
import { test } from "uvu";
import * as assert from "uvu/assert";
import "../fixtures/register-toy.js";
import { planCharts } from "../../src/report/chart-plan.js";
import { resolveStudy, simulate, summarize, t975 } from "../../src/index.js";
import { confidencePoints } from "../../web/app/chart-data.js";

test("the playground's confidence band is mean +- t(0.975, n - 1) se, as the command line's charts; none from one replicate", async () => {
  for (const seeds of [5, 1]) {
    const spec = { scenario: "toy-walk", generations: 3, seeds };
    const study = resolveStudy(spec);
    const summary = summarize(study, await simulate(spec));
    const [plan] = planCharts(study);
    const points = confidencePoints(plan, summary).filter((p) => p.kind === "simulation");
    assert.ok(points.length > 0);
    for (const point of points) {
      const row = summary.find((r) => r.generation === point.x)!;
      const se = row[`${plan.metric}_se`] as number | null;
      if (seeds === 1 || se === null) {
        assert.equal([point.lo, point.hi], [null, null], "no band from one replicate");
        continue;
      }
      assert.ok(Math.abs(point.hi! - point.mean - t975(seeds - 1) * se) < 1e-12, `x = ${point.x}`);
      assert.ok(Math.abs(point.mean - point.lo! - t975(seeds - 1) * se) < 1e-12, `x = ${point.x}`);
    }
  }
});

test.run();
