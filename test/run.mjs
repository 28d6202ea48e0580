// Runs every test/**/*.test.ts with uvu under tsx and fails when a test fails or when no test
// ran at all (a typo in a pattern must not pass silently). Extra arguments filter file names:
//   node test/run.mjs linalg rng
// COLLAPSE_SIM_TEST_DIR points it at another folder of tests (its own test does that).
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const filters = process.argv.slice(2);

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

const testDir = process.env.COLLAPSE_SIM_TEST_DIR ?? join(root, "test");
const files = testFiles(testDir)
  .map((file) => relative(testDir, file))
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort();
if (files.length === 0) {
  console.error(`no test files match ${filters.join(" ") || "test/**/*.test.ts"}`);
  process.exit(1);
}

// uvu's CLI takes a directory and a pattern: match exactly the chosen files.
const escaped = files.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
const pattern = `^(${escaped.join("|")})$`;
const child = spawn(process.execPath, ["--import", "tsx", join(root, "node_modules/uvu/bin.js"), testDir, pattern], {
  cwd: root,
  stdio: ["inherit", "pipe", "inherit"],
  env: { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR: "1" } : { NO_COLOR: "1" }) },
});

let output = "";
child.stdout.on("data", (chunk) => {
  output += chunk;
  process.stdout.write(chunk);
});
child.on("close", (code) => {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, "");
  const total = Number(/Total:\s+(\d+)/.exec(plain)?.[1] ?? 0);
  const passed = Number(/Passed:\s+(\d+)/.exec(plain)?.[1] ?? 0);
  if (code !== 0) process.exit(code ?? 1);
  if (total === 0) {
    console.error("no test ran: failing");
    process.exit(1);
  }
  if (passed !== total) {
    console.error(`${total - passed} of ${total} tests did not pass`);
    process.exit(1);
  }
});
