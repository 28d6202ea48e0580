// The direction of imports in src/: data flows one way, CLI or API -> output -> study ->
// scenario -> engine -> wasm, with report (pure functions of rows) and presets (named studies)
// beside the study layer, composed by output. `npm test` runs this through
// test/core/layering.test.ts; `npm run check:layers` prints any violation.
/** A path under src/ in one of these folders. */
const under = (...folders) => `^src/(${folders.join("|")})/`;

/**
 * The two rules of a layer that runs in browsers and Web Workers as in Node: it imports none of
 * the layers `above` it (for `reason`), and no Node builtin.
 */
const browserSafeLayer = (folder, above, reason) => [
  {
    name: `${folder}-imports-no-layer-above`,
    comment: reason,
    severity: "error",
    from: { path: under(folder) },
    to: { path: under(...above) },
  },
  {
    name: `${folder}-imports-no-node-builtins`,
    comment: `src/${folder} runs in browsers and Web Workers as in Node; files, threads and processes belong to src/output.`,
    severity: "error",
    from: { path: under(folder) },
    to: { dependencyTypes: ["core"] },
  },
];

/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    // The engine has no builtin rule: in Node it reads the wasm with import("node:fs/promises").
    {
      name: "engine-imports-nothing-above-it",
      comment: "The engine runs kernels on numbers and knows nothing of what they mean: scenarios, studies and their files, reports, presets and the CLI all build on it, never the reverse.",
      severity: "error",
      from: { path: under("engine") },
      to: { path: under("scenarios", "schedules", "study", "output", "report", "presets", "cli", "validation") },
    },
    ...browserSafeLayer(
      "scenarios",
      ["study", "output", "report", "presets", "cli"],
      "A scenario is one replicate's simulation and its closed forms; studies, outputs, reports and presets use scenarios, so a scenario importing them would turn the flow around.",
    ),
    ...browserSafeLayer(
      "schedules",
      ["scenarios", "study", "output", "report", "presets", "cli", "parallel"],
      "The schedule layer assembles training sets for any scenario from counts and pools: scenarios build on it, so it knows none of them, nor anything above them.",
    ),
    ...browserSafeLayer(
      "study",
      ["output", "report", "presets", "cli"],
      "The study layer is pure (specs, cells, seeds, tasks, rows, simulate()) and returns data; output, report and presets build on it, and the CLI on them.",
    ),
    {
      name: "report-imports-no-output-cli-or-presets",
      comment: "Reports are pure functions of rows (summaries, charts, report.html); output writes them to files with a preset's hints, so reports know neither.",
      severity: "error",
      from: { path: under("report") },
      to: { path: under("output", "cli", "presets") },
    },
    {
      name: "presets-import-no-output-or-cli",
      comment: "A preset is a study spec with its plot hints and closed forms; output and the CLI run presets, not the reverse.",
      severity: "error",
      from: { path: under("presets") },
      to: { path: under("output", "cli") },
    },
    {
      name: "output-imports-no-cli",
      comment: "The output layer is the Node API the CLI composes; it takes options, never reads the command line.",
      severity: "error",
      from: { path: under("output") },
      to: { path: under("cli") },
    },
    {
      name: "only-the-cli-imports-the-cli",
      comment: "The CLI is the top of the flow: nothing in src/ outside it may depend on it.",
      severity: "error",
      from: { path: "^src/", pathNot: under("cli") },
      to: { path: under("cli") },
    },
    ...browserSafeLayer(
      "parallel",
      ["output", "presets", "cli"],
      "The parallel runner serves Web Workers and worker_threads alike; Node's side of it (starting threads, files) is src/output's.",
    ),
    {
      name: "public-api-reaches-no-node-builtins",
      comment: "src/index.ts is what browsers and bundlers import: no Node module may be reachable from it, however indirectly.",
      severity: "error",
      from: { path: "^src/index\\.ts$" },
      to: { path: "^node:|^(fs|path|url|os|worker_threads|child_process|module|util|http|crypto)$", reachable: true },
    },
    {
      name: "public-api-imports-no-output",
      comment: "src/index.ts is the API for Node and browsers alike; the Node-only output layer is not part of it.",
      severity: "error",
      from: { path: "^src/index\\.ts$" },
      to: { path: under("output") },
    },
    {
      name: "no-circular",
      comment: "A cycle has no direction: the layers above would no longer be above.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Type-only imports count: a layer that needs another's types depends on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
