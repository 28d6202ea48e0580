// The package version, read from package.json at the package root (two folders up, from
// src/output under tsx as from dist/output).
import { readFileSync } from "node:fs";

export function packageVersion(): string {
  const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
  return (JSON.parse(text) as { version: string }).version;
}
