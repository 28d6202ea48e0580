// Finding and launching a headless Chromium for the browser tests (Debian's chromium package,
// driven by playwright-core; no browser download). Where none is installed the browser tests
// are not registered, unless COLLAPSE_SIM_REQUIRE_BROWSER=1 (set by .ci/run) makes that a failure.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

export function findChromium(): string | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist`);
    return configured;
  }
  return CANDIDATES.find((path) => existsSync(path));
}

/** The Chromium to test with, or undefined (with a notice) where there is none and none is required. */
export function browserForTests(): string | undefined {
  const path = findChromium();
  if (path === undefined) {
    if (process.env.COLLAPSE_SIM_REQUIRE_BROWSER === "1") {
      throw new Error("COLLAPSE_SIM_REQUIRE_BROWSER=1 but no Chromium found: apt-get install chromium, or set CHROMIUM_PATH");
    }
    console.error("browser tests not run: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)");
  }
  return path;
}

export function launch(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    // As root in a sandboxed machine with no network: no sandbox, no GPU, no background traffic.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}
