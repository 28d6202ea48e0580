// What the address holds: the study spec as JSON (the run a link reproduces, exactly as the
// CLI would run it), and beside it what the page shows of it: the preset it came from (for its
// description and markers) and the metric drawn. In the hash: a static host never sees it, and
// the page reads it without a request.

export interface PageState {
  spec: unknown;
  preset?: string;
  metric?: string;
}

export function encodeState(state: PageState): string {
  const params = new URLSearchParams();
  if (state.preset) params.set("preset", state.preset);
  if (state.metric) params.set("metric", state.metric);
  params.set("spec", JSON.stringify(state.spec));
  return `#${params.toString()}`;
}

/** The state in a hash; undefined for an empty one; an Error naming what is wrong with a bad one. */
export function decodeState(hash: string): PageState | Error | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const text = params.get("spec");
  if (text === null) return undefined;
  let spec: unknown;
  try {
    spec = JSON.parse(text);
  } catch (error) {
    return new Error(`the link's spec is not JSON (${(error as Error).message})`);
  }
  return { spec, preset: params.get("preset") ?? undefined, metric: params.get("metric") ?? undefined };
}
