// summary.csv against statistics computed directly from rows.jsonl, and the charts and
// report: valid SVG with one series per cell group and the theory curve, a self-contained page.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import "../fixtures/register-toy.js";
import { runStudy } from "../../src/output/run-study.js";
import { plotDirectory } from "../../src/output/plot-directory.js";
import { sampleStatistics, rankCorrelation, t975 } from "../../src/report/statistics.js";
import { planCharts } from "../../src/report/chart-plan.js";
import { chartPoints } from "../../src/report/chart-spec.js";
import { summarize } from "../../src/report/summary.js";
import { resolveStudy } from "../../src/index.js";
import { mean, variance } from "../helpers/stats.js";
import { read, registerToy, scratchDir } from "../helpers/study-dirs.js";

const scratch = scratchDir("summary");
const out = join(scratch, "study");
const spec = { scenario: "toy-walk", params: { n: 50 }, grid: { drift: [0, 0.2], "step.kind": ["plain", "scaled"] }, generations: 4, seeds: 6, seed: 3 };

function parseCsv(text: string): Array<Record<string, string>> {
  const [header, ...lines] = text.trimEnd().split("\n");
  const columns = header.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [columns[i], v])));
}

test("rankCorrelation: Spearman's, ties at mean ranks, pairs with a missing value skipped, null when undefined", () => {
  assert.is(rankCorrelation([1, 2, 3, 4], [10, 30, 20, 40]), 0.8);
  assert.is(rankCorrelation([1, 5, 9], [0.1, 2, 300]), 1, "monotone, whatever the scale");
  assert.is(rankCorrelation([1, 2, 3], [3, 2, 1]), -1);
  // Ranks (1, 2.5, 2.5, 4) against (1, 2, 3, 4): 4.5 / sqrt(4.5 * 5).
  assert.is(rankCorrelation([1, 2, 2, 3], [1, 2, 3, 4]), 4.5 / Math.sqrt(22.5));
  assert.is(rankCorrelation([1, null, 2, 3, 4], [10, 99, 30, 20, Number.NaN]), rankCorrelation([1, 2, 3], [10, 30, 20]));
  assert.is(rankCorrelation([1, 2], [2, 1]), null, "fewer than three pairs");
  assert.is(rankCorrelation([1, 1, 1], [1, 2, 3]), null, "one side constant");
});

test("sampleStatistics: mean, n-1 standard deviation, standard error, nulls skipped", () => {
  assert.equal(sampleStatistics([1, 2, 3, null]), { count: 3, mean: 2, sd: 1, se: 1 / Math.sqrt(3) });
  assert.equal(sampleStatistics([5]), { count: 1, mean: 5, sd: null, se: null });
  assert.equal(sampleStatistics([null]), { count: 0, mean: null, sd: null, se: null });
});

test("summary.csv holds mean, sd, se and n of every metric per cell and generation, and the theory", async () => {
  await runStudy({ spec, workers: 2, out, workerImports: [registerToy] });
  const rows = read(out, "rows.jsonl").trimEnd().split("\n").map((l) => JSON.parse(l));
  const summary = parseCsv(read(out, "summary.csv"));
  assert.is(summary.length, 4 * 5);
  assert.equal(Object.keys(summary[0]), [
    "cell", "generation", "n", "drift", "explode", "step.kind", "step.scale", "replicates",
    "position_mean", "position_sd", "position_se", "position_n", "theoryPosition",
    "lastStep_mean", "lastStep_sd", "lastStep_se", "lastStep_n",
  ]);
  for (const line of summary) {
    const group = rows.filter((r) => r.cell === Number(line.cell) && r.generation === Number(line.generation));
    assert.is(Number(line.replicates), 6);
    assert.is(line.drift, String(group[0].drift));
    for (const metric of ["position", "lastStep"]) {
      const values = group.map((r) => r[metric]).filter((v) => v !== null);
      assert.is(Number(line[`${metric}_n`]), values.length);
      if (values.length === 0) {
        assert.equal([line[`${metric}_mean`], line[`${metric}_sd`], line[`${metric}_se`]], ["", "", ""]);
        continue;
      }
      const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
      assert.ok(close(Number(line[`${metric}_mean`]), mean(values)), `${metric} mean`);
      assert.ok(close(Number(line[`${metric}_sd`]), Math.sqrt(variance(values))), `${metric} sd`);
      assert.ok(close(Number(line[`${metric}_se`]), Math.sqrt(variance(values) / values.length)), `${metric} se`);
    }
    assert.is(Number(line.theoryPosition), group[0].theoryPosition);
  }
});

test("summary-long.csv: one row per cell, generation and metric, plain names, matching summary.csv", () => {
  const wide = parseCsv(read(out, "summary.csv"));
  const long = parseCsv(read(out, "summary-long.csv"));
  assert.equal(Object.keys(long[0]), [
    "cell", "generation", "param_n", "drift", "explode", "step_kind", "step_scale", "replicates",
    "metric", "mean", "sd", "se", "n", "ci95_low", "ci95_high", "theory", "theory_name",
  ]);
  assert.ok(Object.keys(long[0]).every((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)), "plain column names");
  assert.is(long.length, wide.length * 2);
  wide.forEach((row, i) => {
    for (const [k, metric] of ["position", "lastStep"].entries()) {
      const line = long[2 * i + k];
      assert.equal([line.cell, line.generation, line.drift, line.step_kind, line.replicates, line.metric], [row.cell, row.generation, row.drift, row["step.kind"], row.replicates, metric]);
      assert.equal([line.mean, line.sd, line.se, line.n, line.param_n], [row[`${metric}_mean`], row[`${metric}_sd`], row[`${metric}_se`], row[`${metric}_n`], row.n]);
      assert.is(line.theory, metric === "position" ? row.theoryPosition : "");
      assert.is(line.theory_name, metric === "position" ? "theoryPosition" : "");
      if (line.mean === "" || line.se === "") continue;
      // The 95% interval: mean +- t(0.975, n - 1) se, here with 6 replicates.
      const half = 2.570582 * Number(line.se);
      assert.ok(Math.abs(Number(line.ci95_low) - (Number(line.mean) - half)) <= 1e-12 * Math.max(1, Math.abs(Number(line.mean))));
      assert.ok(Math.abs(Number(line.ci95_high) - (Number(line.mean) + half)) <= 1e-12 * Math.max(1, Math.abs(Number(line.mean))));
    }
  });
});

test("t975: the table, and beyond it the expansion, meeting it at 30 and tending to the normal's", () => {
  assert.is(t975(1), 12.706205);
  assert.is(t975(5), 2.570582);
  assert.ok(Math.abs(t975(31) - 2.039513) < 2e-5, String(t975(31)));
  assert.ok(Math.abs(t975(120) - 1.979930) < 1e-5, String(t975(120)));
  assert.ok(t975(1e9) - 1.959964 < 1e-8);
});

test("plots are valid SVG with a line per cell group and the theory overlay; the report is self-contained", () => {
  assert.equal(readdirSync(join(out, "plots")).sort(), ["lastStep.svg", "position.svg"]);
  const position = read(out, "plots/position.svg");
  assert.is(XMLValidator.validate(position), true);
  assert.ok(position.startsWith("<svg"));
  for (const series of ["drift=0, step.kind=plain", "drift=0.2, step.kind=scaled"]) {
    assert.ok(position.includes(`>${series}</text>`), `legend shows ${series}`);
  }
  assert.ok(position.includes(">black dashes: theory</tspan>"), "the subtitle says how the theory is drawn");
  const lastStep = read(out, "plots/lastStep.svg");
  assert.is(XMLValidator.validate(lastStep), true);
  assert.not.ok(lastStep.includes("black dashes"), "no theory for a metric without one");
  const report = read(out, "report.html");
  assert.is((report.match(/<svg /g) ?? []).length, 2);
  assert.not.match(report, /<script|<link|src="http|href="http|@import/);
  assert.match(report, /<th>position_mean<\/th>/);
  assert.match(report, /&quot;scenario&quot;: &quot;toy-walk&quot;/);
});

test("a facet draws one set of charts per value of a parameter, each with only its cells, titled by it", () => {
  const study = resolveStudy(spec);
  const rows = read(out, "rows.jsonl").trimEnd().split("\n").map((l) => JSON.parse(l));
  const summary = summarize(study, rows);
  const plans = planCharts(study, { facet: "step.kind", metrics: ["position"], title: "whose" });
  assert.equal(plans.map((p) => [p.name, p.heading, p.series]), [
    ["position-step.kind=plain", "whose (step.kind = plain)", ["drift"]],
    ["position-step.kind=scaled", "whose (step.kind = scaled)", ["drift"]],
  ]);
  for (const plan of plans) {
    const points = chartPoints(plan, summary).filter((p) => p.kind === "simulation");
    const shown = summary.filter((r) => r["step.kind"] === plan.facet!.value);
    assert.equal([...new Set(points.map((p) => p.series))].sort(), ["drift=0", "drift=0.2"]);
    assert.equal(points.map((p) => p.mean).sort(), shown.map((r) => r.position_mean as number).filter((v) => v !== null).sort());
  }
});

test("collapse-sim plot DIR rewrites the same summary, charts and report from the rows", async () => {
  const before = ["summary.csv", "report.html", "plots/position.svg"].map((f) => read(out, f));
  rmSync(join(out, "plots"), { recursive: true });
  rmSync(join(out, "report.html"));
  const { report, missing } = await plotDirectory(out);
  assert.is(report, join(out, "report.html"));
  assert.is(missing, 0);
  assert.equal(["summary.csv", "report.html", "plots/position.svg"].map((f) => read(out, f)), before);
});

test.after(() => rmSync(scratch, { recursive: true, force: true }));

test.run();
