// npm run bench -- NAME [options]: runs bench/NAME.ts, whose default export takes the
// remaining arguments. Every benchmark prints ratios measured in this one process.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && f !== "main.ts")
  .map((f) => f.replace(/\.ts$/, ""))
  .sort();

const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- NAME [options], NAME one of: ${available.join(", ")}`);
  process.exit(name ? 2 : 0);
}
const bench = (await import(`./${name}.ts`)) as { default: (args: string[]) => Promise<void> };
await bench.default(args);
