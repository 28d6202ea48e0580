// collapse-sim serve, run as a user runs it: it serves the built playground on a free port,
// prints the address, answers with the page, its modules (as JavaScript) and its stylesheet,
// refuses paths outside the folder, and stops on SIGTERM with exit code 0. Bad flags are usage
// errors (exit code 2).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn } from "node:child_process";
import { request } from "node:http";
import { join } from "node:path";
import { cliSync, root } from "../helpers/study-dirs.js";

const CLI = join(root, "src/cli/main.ts");

/** A raw GET, its path sent as written (fetch would resolve "..", which is the point here). */
function get(url: string, path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    request(`${url}${path.slice(1)}`, { path }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, type: String(response.headers["content-type"]), body }));
    }).on("error", reject).end();
  });
}

test("serve --port 0 serves the playground on a free port until stopped", async () => {
  const child = spawn(process.execPath, ["--import", "tsx", CLI, "serve", "--port", "0"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk) => {
        out += chunk;
        const found = /^collapse-sim playground: (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(out);
        if (found) resolve(found[1]);
      });
      child.on("exit", (code) => reject(new Error(`serve exited with ${code} before printing its address`)));
    });
    const page = await get(url, "/");
    assert.is(page.status, 200);
    assert.match(page.type, /^text\/html/);
    assert.match(page.body, "<title>collapse-sim playground</title>");
    for (const [path, type] of [["/app.js", /^text\/javascript/], ["/collapse-sim.js", /^text\/javascript/], ["/browser-worker.js", /^text\/javascript/], ["/style.css", /^text\/css/], ["/theory-notes.json", /^application\/json/]] as const) {
      const file = await get(url, path);
      assert.is(file.status, 200, path);
      assert.match(file.type, type, path);
    }
    assert.is((await get(url, "/../package.json")).status, 404);
    assert.is((await get(url, "/%2e%2e/%2e%2e/package.json")).status, 404);
    assert.is((await get(url, "/missing.js")).status, 404);
  } finally {
    child.kill("SIGTERM");
  }
  const code = await new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on("exit", resolve)));
  assert.is(code, 0);
});

test("serve: a bad port or an argument is a usage error", () => {
  const port = cliSync(["serve", "--port", "70000"]);
  assert.is(port.code, 2);
  assert.match(port.stderr, "--port: out of range (got 70000); allowed: an integer in [0, 65535]");
  const extra = cliSync(["serve", "web"]);
  assert.is(extra.code, 2);
  assert.match(extra.stderr, /^serve takes no arguments/);
});

test.run();
