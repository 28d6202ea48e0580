// vega-lite -> vega -> SVG, headless: vega's "none" renderer with toSVG needs no canvas. The two
// libraries take most of a second to load, so they are imported on the first chart drawn, not
// by every command that could draw one (collapse-sim --version, run without --out, ...).
import type { TopLevelSpec } from "vega-lite";

let libraries: Promise<[typeof import("vega-lite"), typeof import("vega")]> | undefined;

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  libraries ??= Promise.all([import("vega-lite"), import("vega")]);
  const [{ compile }, { parse, View }] = await libraries;
  const view = new View(parse(compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
