// vega-lite -> vega -> SVG, headless: vega's "none" renderer with toSVG needs no canvas.
import { compile, type TopLevelSpec } from "vega-lite";
import { parse, View } from "vega";

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
