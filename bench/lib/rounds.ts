// Benchmarks that time rounds of a scenario on the engines and a numpy peer: their options
// (--prompts N --rounds T, --no-js / --no-numpy to leave the slower ones out), and the timing.
import { parseArgs } from "node:util";

export function roundOptions(argv: string[], defaults: { prompts: number; rounds: number }) {
  const { values } = parseArgs({
    args: argv,
    options: {
      prompts: { type: "string", default: String(defaults.prompts) },
      rounds: { type: "string", default: String(defaults.rounds) },
      "no-js": { type: "boolean", default: false },
      "no-numpy": { type: "boolean", default: false },
    },
  });
  return { prompts: Number(values.prompts), rounds: Number(values.rounds), js: !values["no-js"], numpy: !values["no-numpy"] };
}

/**
 * Seconds that `rounds` rounds of each run take, the runs taking turns round by round, so that
 * a change in the machine's load falls on all of them.
 */
export function secondsOfRounds(runs: ReadonlyArray<{ step(): void }>, rounds: number): number[] {
  const seconds = runs.map(() => 0);
  for (let t = 0; t < rounds; t++) {
    runs.forEach((run, i) => {
      const start = performance.now();
      run.step();
      seconds[i] += (performance.now() - start) / 1000;
    });
  }
  return seconds;
}
