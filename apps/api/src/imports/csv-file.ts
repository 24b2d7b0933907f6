// Reading a CSV file someone filled in a spreadsheet (an onboarding import), as opposed to
// ../csv.ts, which writes the exports.
import { CsvError, parse, type InfoRecord } from "csv-parse/sync";
import { fieldError, type RefusalParams } from "../trpc/field-error.ts";

/** A parsed data row: its spreadsheet row number (the header is row 1) and its cells by column. */
export interface CsvRow<Column extends string> {
  row: number;
  cells: Record<Column, string>;
}

/** At most this many data rows per file; a region's agencies or staff fit many times over. */
export const maximumCsvRows = 1000;

/** The whole file refused: the portal words it from `params.problem` and its figures. */
function csvRefused(message: string, params: RefusalParams & { problem: string }) {
  return fieldError("csv", message, "BAD_REQUEST", "unsupported_file", params);
}

/**
 * Excel saves "CSV" with semicolons where the decimal mark is a comma, as in Indonesian settings.
 * The header names the columns and holds neither, so whichever it has more of is the delimiter.
 */
function delimiterOf(text: string): "," | ";" {
  const header = text.split(/\r?\n/, 1)[0] ?? "";
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ";" : ",";
}

/**
 * The rows of `text` under a header naming exactly `columns` (any order, any case). A missing or
 * unknown column, a file that does not parse or has no rows is refused as a whole, naming the
 * `csv` field; blank rows are skipped, every cell trimmed.
 */
export function readCsv<Column extends string>(
  text: string,
  columns: readonly Column[],
): CsvRow<Column>[] {
  let records: { record: string[]; info: InfoRecord }[];
  try {
    // With `info`, each record comes with where it ended in the file; the typings know only `string[][]`.
    records = parse(text, {
      bom: true,
      delimiter: delimiterOf(text.replace(/^\uFEFF/, "")),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
    }) as unknown as { record: string[]; info: InfoRecord }[];
  } catch (error) {
    if (error instanceof CsvError)
      throw csvRefused(`csv could not be read: ${error.message}`, { problem: "csv_unreadable" });
    throw error;
  }
  const [header, ...data] = records;
  if (!header)
    throw csvRefused(`csv is empty; its first row must name the columns ${columns.join(", ")}`, {
      problem: "csv_empty",
      expected: columns.join(", "),
    });
  const names = header.record.map((name) => name.toLowerCase());
  const unknown = names.filter((name) => !(columns as readonly string[]).includes(name));
  const missing = columns.filter((column) => !names.includes(column));
  if (unknown.length > 0 || missing.length > 0) {
    const problems = [
      ...(missing.length > 0 ? [`missing ${missing.join(", ")}`] : []),
      ...(unknown.length > 0 ? [`unknown ${unknown.join(", ")}`] : []),
    ];
    throw csvRefused(
      `csv header must name the columns ${columns.join(", ")} (${problems.join("; ")})`,
      {
        problem: "csv_header",
        expected: columns.join(", "),
        missing: missing.join(", "),
        unknown: unknown.join(", "),
      },
    );
  }
  if (data.length === 0)
    throw csvRefused("csv has a header but no rows", { problem: "csv_no_rows" });
  if (data.length > maximumCsvRows)
    throw csvRefused(
      `csv has ${String(data.length)} rows; at most ${String(maximumCsvRows)} are read at once`,
      { problem: "csv_too_many_rows", rows: data.length, maximum: maximumCsvRows },
    );
  return data.map(({ record, info }) => ({
    row: info.lines,
    cells: Object.fromEntries(
      columns.map((column) => [column, record[names.indexOf(column)] ?? ""]),
    ) as Record<Column, string>,
  }));
}
