// collapse-sim describe SCENARIO: one scenario's parameters and metrics.
import { findScenario, scenarioNames } from "../scenarios/index.js";
import { describeScenario } from "../scenarios/describe.js";
import { parseCommand } from "./options.js";
import { referenceText } from "./reference-text.js";
import { UsageError } from "./usage-error.js";

const known = () => scenarioNames().map((name) => JSON.stringify(name)).join(", ");

export function describeCommand(args: string[]): void {
  const { positionals } = parseCommand(args, {});
  if (positionals.length !== 1) throw new UsageError(`describe takes one scenario name: collapse-sim describe SCENARIO (one of ${known()})`);
  const scenario = findScenario(positionals[0]);
  if (!scenario) throw new UsageError(`unknown scenario ${JSON.stringify(positionals[0])}; known scenarios: ${known()}`);
  process.stdout.write(referenceText(describeScenario(scenario)));
}
