// Cache sizes of the machine running the benchmark (Linux sysfs), to pick input sizes that
// fit each level and one that does not fit any. Elsewhere, the sizes of the project's
// reference machine (AMD EPYC, 2 cores: L1d 48 KiB and L2 1 MiB per core, L3 32 MiB shared).
import { readFileSync, readdirSync } from "node:fs";

export interface Caches {
  l1: number;
  l2: number;
  l3: number;
}

const REFERENCE_MACHINE: Caches = { l1: 48 << 10, l2: 1 << 20, l3: 32 << 20 };

function parseSize(text: string): number {
  const match = /^(\d+)([KMG]?)/.exec(text.trim());
  if (!match) return NaN;
  const unit = { "": 1, K: 1 << 10, M: 1 << 20, G: 1 << 30 }[match[2] as "" | "K" | "M" | "G"];
  return Number(match[1]) * unit;
}

export function detectCaches(): Caches {
  const found: Partial<Caches> = {};
  try {
    const dir = "/sys/devices/system/cpu/cpu0/cache";
    for (const entry of readdirSync(dir).filter((e) => e.startsWith("index"))) {
      const read = (file: string) => readFileSync(`${dir}/${entry}/${file}`, "utf8").trim();
      const level = Number(read("level"));
      const type = read("type");
      if (type === "Instruction") continue;
      const size = parseSize(read("size"));
      if (level === 1) found.l1 = size;
      if (level === 2) found.l2 = size;
      if (level === 3) found.l3 = size;
    }
  } catch {
    // Not Linux, or no sysfs: fall back below.
  }
  const { l1, l2, l3 } = { ...REFERENCE_MACHINE, ...found };
  return [l1, l2, l3].every((s) => Number.isFinite(s) && s > 0) ? { l1, l2, l3 } : REFERENCE_MACHINE;
}

/** Where a working set of `bytes` lives: the smallest cache level that holds it, else DRAM. */
export function levelOf(bytes: number, caches: Caches): string {
  if (bytes <= caches.l1) return "L1";
  if (bytes <= caches.l2) return "L2";
  if (bytes <= caches.l3) return "L3";
  return "DRAM";
}
