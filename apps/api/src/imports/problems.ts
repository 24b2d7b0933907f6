import type { z } from "zod";
import { fieldError } from "../trpc/field-error.ts";

/**
 * What is wrong with a cell, for the portal to say in the reader's language: left empty, not in an
 * accepted form, naming something the region does not have, repeating an earlier row, or
 * disagreeing with an earlier row or the region's data.
 */
export type RowProblemKind = "required" | "invalid" | "unknown" | "duplicate" | "conflict";

/** One refused cell: its spreadsheet row, its column, the kind of problem, and the API's own words. */
export interface RowProblem {
  row: number;
  column: string;
  problem: RowProblemKind;
  message: string;
}

/** The problems found in a file, row by row. */
export class RowProblems {
  readonly list: RowProblem[] = [];

  add(row: number, column: string, problem: RowProblemKind, message: string): void {
    this.list.push({ row, column, problem, message });
  }

  /** The cell read through `schema`, or undefined with its first issue recorded as invalid. */
  parse<Output>(
    row: number,
    column: string,
    schema: z.ZodType<Output, string>,
    cell: string,
  ): Output | undefined {
    const parsed = schema.safeParse(cell);
    if (parsed.success) return parsed.data;
    this.add(
      row,
      column,
      "invalid",
      `${column}: ${parsed.error.issues[0]?.message ?? "not valid"}`,
    );
    return undefined;
  }
}

/** Applying writes all rows or none: any problem refuses the whole file, naming the first few. */
export function refuseProblems(problems: RowProblem[]): void {
  if (problems.length === 0) return;
  const shown = problems
    .slice(0, 5)
    .map((problem) => `row ${String(problem.row)} ${problem.message}`)
    .join("; ");
  const more = problems.length > 5 ? `; and ${String(problems.length - 5)} more` : "";
  throw fieldError(
    "csv",
    `csv has ${String(problems.length)} problem(s), so nothing was imported: ${shown}${more}`,
  );
}
