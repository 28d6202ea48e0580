// CSV as RFC 4180 writes it: empty for null, quotes only where needed.

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(columns: readonly string[], row: Readonly<Record<string, unknown>>): string {
  return `${columns.map((c) => csvCell(row[c])).join(",")}\n`;
}

export function toCsv(columns: readonly string[], rows: Iterable<Readonly<Record<string, unknown>>>): string {
  let out = `${columns.map(csvCell).join(",")}\n`;
  for (const row of rows) out += csvLine(columns, row);
  return out;
}
