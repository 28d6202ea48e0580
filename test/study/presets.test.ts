// Every preset runs (made small through --set) and draws valid SVG charts with the expected
// series, reference lines and theory overlay; `presets` lists them all with their sources.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { presets } from "../../src/presets/index.js";
import { aminRate } from "../../src/presets/amin-rate.js";
import { definePreset } from "../../src/presets/preset.js";
import * as weakData from "../../src/scenarios/weak-data/index.js";
import { resolveParams } from "../../src/scenarios/index.js";
import { runStudy } from "../../src/output/run-study.js";
import { FlagIssues } from "../../src/cli/options.js";
import { specFromArguments } from "../../src/cli/run.js";
import { cliSync, read, scratchDir } from "../helpers/study-dirs.js";

interface PresetCheck {
  sets: string[];
  /** Chart file -> texts its SVG must show (legend entries, reference lines). */
  expect: Record<string, string[]>;
}

const checks: Record<string, PresetCheck> = {
  "feng-phase-transition": {
    sets: ["seeds=2", "grid.nSynthetic=[100,1000]", "grid.generator.eps=[0.1,0.5,0.9]"],
    expect: {
      "accuracy.svg": ["nSynthetic=100", "nSynthetic=1000", "black dashes: theory", "eps* = 0.727", "Bayes Phi(mu)"],
      "keptLabelAccuracy.svg": ["nSynthetic=1000", "eps* = 0.727"],
    },
  },
  "feng-verifier-quality": {
    sets: ["seeds=2", "grid.nSynthetic=[300,1000]"],
    expect: {
      "accuracy.svg": ["verifier.kind=oracle", "verifier.kind=none", "verifier.kind=linear, verifier.angle=80", "verifier.kind=linear, verifier.angle=-80", "generator", "Bayes"],
      "keptFraction.svg": ["verifier.kind=linear, verifier.angle=20"],
    },
  },
  "feng-collapse-loop": {
    sets: ["seeds=2", "generations=3", "params.nSynthetic=300"],
    expect: {
      "accuracy.svg": ["verifier.kind=none", "verifier.kind=oracle", "verifier.kind=noisy, verifier.phi=0.5", "generator", "Bayes"],
      "keptLabelAccuracy.svg": ["verifier.kind=self, verifier.margin=0.5", "black dashes: theory"],
    },
  },
  "feng-proxy-correlation": {
    sets: ["seeds=2", "params.nSynthetic=1000"],
    expect: {
      "accuracy-vs-keptLabelAccuracy.svg": ["verifier.kind=linear", "verifier.kind=noisy", "verifier.kind=oracle", "verifier.kind=self", "verifier.kind=none"],
      "accuracy-vs-verifierAccuracy.svg": ["verifier.kind=linear", "verifier.kind=oracle"],
      "accuracy.svg": ["verifier.margin=0", "verifier.margin=1", "generator"],
    },
  },
  "feng-best-of-k": {
    sets: ["seeds=2", "grid.selection.k=[1,3]"],
    expect: {
      "accuracy.svg": ["verifier.kind=noisy", "verifier.kind=oracle", "verifier.kind=linear", "black dashes: theory", "Bayes"],
      "keptFraction.svg": ["verifier.kind=random", "black dashes: theory"],
    },
  },
  "amin-arms": {
    sets: ["seeds=2", "params.prompts=500", "generations=3"],
    expect: {
      "accuracy.svg": [
        "arm=no-curation", "arm=filter-only", "arm=filter+uniform", "arm=filter+hardest", "arm=filter+proportional", "arm=replace-rejected",
        "black dashes: theory", "filtering's bound 1 - unsolvable (a noisy filter stops short of it)",
        "filter only vs hardest-first labels is the paper's comparison; uniform, proportional, rho and alpha as written are this project's",
      ],
      "labelsTotal.svg": ["arm=filter+hardest", "black dashes: theory"],
      "entropy.svg": ["arm=no-curation"],
    },
  },
  "amin-rate": {
    sets: ["params.prompts=200", "grid.labeler.beta=[0.5,0.9]", "grid.filter.gamma=[0,0.5]", "generations=25"],
    expect: {
      "roundsToEpsilon.svg": [
        "filter.gamma=0", "filter.gamma=0.5", "black dashes: theoryRounds; dots: boundRounds", "labeler.beta (the labeler's accuracy)",
        "theoryRounds and boundRounds: this project's counts from the recursion, not the paper's bound",
      ],
      "accuracy.svg": ["labeler.beta=0.9, filter.gamma=0.5"],
    },
  },
  "amin-weak-vs-resample": {
    sets: ["seeds=2", "params.prompts=400", "generations=3", "grid.unsolvable=[0,0.4]", "grid.labeler.beta=[0.05,0.5]"],
    expect: {
      "accuracy-labeler.beta=0.05.svg": ["arm=filter-only", "arm=filter+resample", "arm=filter+hardest", "unsolvable (generation 3)", "filter only vs hardest-first labels is the paper's comparison; the resampling control, rho and alpha as written are this project's (labeler.beta = 0.05)"],
      "unsolved-labeler.beta=0.5.svg": ["arm=filter+resample", "filter only vs hardest-first labels is the paper's comparison; the resampling control, rho and alpha as written are this project's (labeler.beta = 0.5)"],
      "finalAccuracy-unsolvable=0.4.svg": ["arm=filter+hardest", "labeler.beta (the labeler's accuracy)", "filter only vs hardest-first labels is the paper's comparison; the resampling control, rho and alpha as written are this project's (unsolvable = 0.4)"],
    },
  },
  "amin-generalization": {
    sets: ["seeds=2", "params.prompts=300", "params.testPrompts=200", "generations=2", "params.steps=3"],
    expect: {
      "testTop1-initialScale=8.svg": ["arm=no-curation", "arm=filter+hardest", "arm=filter+resample", "arm=replace-rejected", "this project's softmax model, not the paper's experiments (initialScale = 8)"],
      "testAccuracy-initialScale=1.svg": ["arm=filter-only", "this project's softmax model, not the paper's experiments (initialScale = 1)"],
    },
  },
  "shumailov-gaussian": {
    sets: ["seeds=20", "generations=12", "grid.samples=[10,20]"],
    expect: {
      "sigmaRatio.svg": ["estimator=mle, samples=10", "estimator=unbiased, samples=20", "black dashes: exact", "sigmaRatio, with its exact closed form dashed"],
      "w2sq.svg": ["black dashes: exact; dots: asymptotic", "w2sq, with its exact and asymptotic closed forms dashed"],
      "collapsed.svg": ["estimator=unbiased", "black dashes: asymptotic", "samples (n, points per generation)"],
    },
  },
  "kazdan-schedules": {
    sets: ["seeds=10", "generations=8"],
    expect: {
      "varianceRatio.svg": ["schedule.kind=replace", "schedule.kind=accumulate", "schedule.kind=accumulate-subsample", "exact", "accumulate limit sin(pi/sqrt n)/(pi/sqrt n) = 0.8434", "accumulate-subsample plateau 0.7390"],
      "meanError.svg": ["schedule.kind=accumulate-subsample", "exact"],
    },
  },
  "tale-of-tails": {
    sets: ["seeds=3", "generations=3", "grid.samples=[300,3000]"],
    expect: {
      "lostMass-samples=300.svg": ["topK=30, topP=1, temperature=1", "topP=0.9, temperature=0.8", "black dashes: exact given the inputs; dots: exact; dash-dots: asymptotic (asymptoticLostMass); sparse dots: asymptotic (limitLostMass)"],
      "tailMass-samples=3000.svg": ["topK=30, topP=0.9, temperature=0.8"],
      "firstRoundLostMass.svg": ["topK=30, topP=1, temperature=1"],
    },
  },
  "suresh-survival": {
    sets: ["seeds=3", "generations=5"],
    expect: {
      "supportSize.svg": ["samples=100", "samples=1000", "black dashes: exact given the inputs; dots: exact; dash-dots: asymptotic"],
      "lostMass.svg": ["samples=1000", "black dashes: exact given the inputs; dots: exact; dash-dots: asymptotic (asymptoticLostMass); sparse dots: asymptotic (limitLostMass)"],
    },
  },
  "ferbach-curation": {
    sets: ["seeds=3", "generations=4"],
    expect: {
      "meanReward-schedule.kind=replace.svg": ["choices=1", "choices=16", "choices=infinite", "asymptotic"],
      "topMass-schedule.kind=fixed-real.svg": ["choices=4"],
    },
  },
  "ferbach-fixation": {
    sets: ["seeds=3", "generations=6"],
    expect: {
      "topFixed.svg": ["choices=1", "choices=2", "choices=infinite", "exact", "asymptotic"],
      "topMass.svg": ["choices=4"],
    },
  },
  "bertrand-mad-loops": {
    sets: ["seeds=8", "generations=6"],
    expect: {
      "varianceRatio.svg": ["schedule.kind=fixed-real, schedule.lambda=4, temperature=0.8", "schedule.kind=fresh-real, temperature=1", "schedule.kind=replace, temperature=0.8", "v*(lambda 4, tau 0.8) = 0.523"],
    },
  },
  "gerstgrasser-accumulate": {
    sets: ["seeds=8", "generations=6"],
    expect: {
      "testError.svg": ["schedule.kind=replace", "schedule.kind=accumulate", "black dashes: exact given the inputs; dots: exact", "accumulate bound (pi^2/6) sigma^2 d/(n - d - 1) = 0.1848", "generation 1: sigma^2 d/(n - d - 1) = 0.1124"],
    },
  },
  "demystified-regression": {
    sets: ["seeds=6", "generations=5"],
    expect: {
      "testError-ridge=0.svg": ["design=fresh, samples=20", "design=fixed, samples=100", "exact", "the null predictor w = 0: signal^2 = 1"],
      "testError-ridge=0.1.svg": ["design=fixed, samples=20", "black dashes: exact given the inputs; dots: asymptotic"],
    },
  },
  "kazdan-schedules-regression": {
    sets: ["seeds=8", "generations=6"],
    expect: {
      "testError.svg": ["schedule.kind=replace", "schedule.kind=accumulate-subsample", "exact", "accumulate bound (pi^2/6) sigma^2 d/(n - d - 1) = 0.1848"],
    },
  },
};

const root = scratchDir("presets");

test("every preset has a check here", () => {
  assert.equal(presets.map((p) => p.name).sort(), Object.keys(checks).sort());
});

for (const preset of presets) {
  test(`preset ${preset.name} runs reduced and draws its series`, async () => {
    const check = checks[preset.name];
    const issues = new FlagIssues();
    const { spec } = specFromArguments(issues, undefined, preset.name, check.sets);
    assert.equal(issues.issues, []);
    const out = join(root, preset.name);
    await runStudy({ spec, preset: preset.name, workers: 2, out });
    for (const [file, texts] of Object.entries(check.expect)) {
      const svg = read(out, `plots/${file}`);
      assert.is(XMLValidator.validate(svg), true, `${file} is well-formed XML`);
      assert.ok(svg.startsWith("<svg"), `${file} is SVG`);
      // A text, or lines of a multi-line title (wrapped at spaces).
      const shown = [...svg.matchAll(/>([^<>]*)<\/(?:text|tspan)>/g)].map((m) => m[1]);
      for (const text of texts) assert.ok(shown.includes(text) || shown.join(" ").includes(text), `${preset.name} ${file} shows ${text}`);
    }
    assert.match(read(out, "report.html"), preset.source.split(",")[0]);
    if (preset.derived) assert.match(read(out, "derived.csv"), /^cell,generation,/);
  });
}

test("feng-proxy-correlation: each scatter plot prints the rank correlation that correlations.csv holds", () => {
  const out = join(root, "feng-proxy-correlation");
  const [header, ...lines] = read(out, "correlations.csv").trimEnd().split("\n");
  assert.is(header, "x,y,generation,cells,spearman");
  assert.is(lines.length, 5);
  for (const line of lines) {
    const [x, y, generation, cells, spearman] = line.split(",");
    assert.is(y, "accuracy");
    assert.ok(Math.abs(Number(spearman)) <= 1, line);
    const svg = read(out, `plots/${y}-vs-${x}.svg`);
    const subtitle = `Spearman rank correlation ${Number(spearman).toFixed(3)} over ${cells} cells (means at generation ${generation})`;
    assert.ok(svg.includes(`>${subtitle}</text>`), `${x}: ${subtitle}`);
  }
  assert.match(read(out, "report.html"), "Rank correlations across cells");
});

test("amin-rate: the rounds to epsilon are those of the error recursion, within the looser count it gives", () => {
  const [header, ...lines] = read(join(root, "amin-rate"), "derived.csv").trimEnd().split("\n");
  const columns = header.split(",");
  const at = (line: string, column: string) => Number(line.split(",")[columns.indexOf(column)]);
  assert.is(lines.length, 4);
  for (const line of lines) {
    assert.is(at(line, "roundsToEpsilon_mean"), at(line, "theoryRounds"));
    assert.ok(at(line, "theoryRounds") <= at(line, "boundRounds"));
  }
});

test("amin-rate: where no error shrinks (beta = 0 or gamma = 1) the rounds do not apply; where all of it does, one round", () => {
  const [exact, bound] = aminRate.derived![0].theories!;
  const params = (changes: Record<string, unknown>) => resolveParams(weakData.scenario, { ...aminRate.spec.params, ...changes });
  for (const changes of [{ filter: { kind: "noisy", gamma: 1, rho: 0 } }, { labeler: { beta: 0 } }, { filter: { kind: "none" } }]) {
    assert.equal([exact.compute(params(changes), 100), bound.compute(params(changes), 100)], [null, null], JSON.stringify(changes));
  }
  const everything = params({ alpha: 1, labeler: { beta: 1 }, filter: { kind: "noisy", gamma: 0, rho: 0 } });
  assert.equal([exact.compute(everything, 100), bound.compute(everything, 100)], [1, Math.ceil(Math.log(1 / 0.01))]);
});

test("definePreset names the scenario in the spec, and the compiler checks params and markers against the scenario", () => {
  const preset = definePreset(weakData, {
    name: "typed",
    title: "",
    source: "",
    description: "",
    spec: {
      params: {
        filter: { kind: "noisy" },
        // @ts-expect-error: weak-data has no parameter d
        d: 3,
      },
    },
    plot: {
      markers: (study) => {
        // @ts-expect-error: markers get weak-data's parameters, which have no verifier
        void study.cells[0].params.verifier;
        return [{ metric: "accuracy", value: weakData.tableParams(study.cells[0].params).unsolvable, label: "unsolvable" }];
      },
    },
  });
  assert.is(preset.spec.scenario, "weak-data");
});

test("collapse-sim presets lists every preset with its source", () => {
  const { code, stdout } = cliSync(["presets"]);
  assert.is(code, 0);
  for (const preset of presets) {
    assert.ok(stdout.includes(`${preset.name}\t${preset.title}\n`), preset.name);
    assert.ok(stdout.includes(`source: ${preset.source}\n`), preset.name);
  }
});

test.after(() => rmSync(root, { recursive: true, force: true }));

test.run();
