import type { z } from "zod";
import { fieldIssues, type IssueReason } from "../http/errors.ts";
import { fieldError } from "../trpc/field-error.ts";

/**
 * What is wrong with a cell, for the portal to say in the reader's language: left empty, not in an
 * accepted form, naming something the region does not have, repeating an earlier row or what the
 * region already has, or disagreeing with an earlier row or the region's data.
 */
export type RowProblemKind = "required" | "invalid" | "unknown" | "duplicate" | "conflict";

/**
 * What the portal words a problem from, beside its kind: the cell as written (`value`), the
 * earlier row it repeats or contradicts (`otherRow`; none: the region's saved data), the values
 * a column accepts (`accepted`), the role a cell does not fit (`role`), and for an invalid cell
 * the API's field reason (`reason`, with zod's figures in `limits`).
 */
export interface RowProblemParams {
  value?: string;
  otherRow?: number;
  accepted?: string;
  role?: string;
  reason?: IssueReason;
  limits?: Record<string, string | number>;
}

/** One refused cell: its spreadsheet row, its column, the kind of problem, and the API's own words. */
export interface RowProblem {
  row: number;
  column: string;
  problem: RowProblemKind;
  message: string;
  params: RowProblemParams;
}

/** The problems found in a file, row by row. */
export class RowProblems {
  readonly list: RowProblem[] = [];

  add(
    row: number,
    column: string,
    problem: RowProblemKind,
    message: string,
    params: RowProblemParams = {},
  ): void {
    this.list.push({ row, column, problem, message, params });
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
    const [issue] = fieldIssues(parsed.error);
    this.add(row, column, "invalid", `${column}: ${issue?.message ?? "not valid"}`, {
      value: cell,
      reason: issue?.reason ?? "invalid",
      ...(issue?.params ? { limits: issue.params } : {}),
    });
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
    "BAD_REQUEST",
    "unsupported_file",
    { problem: "csv_rows", rows: problems.length },
  );
}
