// Axis scales for the chart: linear with round ticks (1, 2 or 5 times a power of ten),
// logarithmic with ticks at powers of ten, and tick labels short enough for a phone.

export interface Scale {
  (value: number): number;
  ticks: number[];
}

function roundStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const factor = raw / power;
  return power * (factor < 1.5 ? 1 : factor < 3.5 ? 2 : factor < 7.5 ? 5 : 10);
}

/** [lo, hi] onto [from, to]; a zero-width domain is widened so that its value sits in the middle. */
export function linearScale(lo: number, hi: number, from: number, to: number, count = 5): Scale {
  if (hi - lo < 1e-12 * Math.max(1, Math.abs(lo))) {
    const pad = Math.abs(lo) * 0.05 || 0.5;
    lo -= pad;
    hi += pad;
  }
  const step = roundStep(hi - lo, count);
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  const scale = ((value: number) => from + ((value - lo) / (hi - lo)) * (to - from)) as Scale;
  scale.ticks = ticks;
  return scale;
}

export function logScale(lo: number, hi: number, from: number, to: number): Scale {
  const [a, b] = [Math.log10(lo), Math.log10(hi)];
  const span = b - a || 1;
  const ticks: number[] = [];
  const every = Math.max(1, Math.ceil((Math.floor(b) - Math.ceil(a)) / 6));
  for (let k = Math.ceil(a - 1e-9); k <= b + 1e-9; k += every) ticks.push(10 ** k);
  const scale = ((value: number) => from + ((Math.log10(value) - a) / span) * (to - from)) as Scale;
  scale.ticks = ticks;
  return scale;
}

export function tickLabel(value: number): string {
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-3) return value.toExponential().replace(/\.?0*e\+?/, "e");
  return String(Number(value.toPrecision(6)));
}
