// A CSV file written atomically, row by row, so that a large table never exists as one string.
import { csvCell, csvLine } from "../report/csv.js";
import { AtomicWriter } from "./atomic-write.js";

/** A CSV file written row by row. */
export class CsvWriter {
  private readonly writer: AtomicWriter;

  constructor(path: string, private readonly columns: readonly string[]) {
    this.writer = new AtomicWriter(path);
    this.writer.write(`${columns.map(csvCell).join(",")}\n`);
  }

  write(rows: ReadonlyArray<Readonly<Record<string, unknown>>>): void {
    for (const row of rows) this.writer.write(csvLine(this.columns, row));
  }

  commit(): void {
    this.writer.commit();
  }

  abort(): void {
    this.writer.abort();
  }
}
