import type { ApiFailure } from "#lib/api/error.ts";
import { reasonMessage } from "#lib/api/reason-message.ts";
import type { Translator } from "#lib/i18n/index.ts";
import { roleName } from "#lib/tenant/roles.ts";
import type { RowProblem } from "./csv-import.ts";

/** What is wrong with one cell, in the reader's language: the cell's value, the row it repeats. */
export function rowProblemMessage(i18n: Translator, { problem, params }: RowProblem): string {
  const value = params.value ?? "";
  const row = params.otherRow === undefined ? undefined : i18n.number(params.otherRow);
  switch (problem) {
    case "invalid":
      if (params.role)
        return i18n.t("onboarding.import.problem.notForRole", {
          role: roleName(i18n, params.role),
        });
      return params.reason
        ? reasonMessage(i18n, params.reason, params.limits)
        : i18n.t("onboarding.import.problem.invalid");
    case "unknown":
      return params.accepted
        ? i18n.t("onboarding.import.problem.unknownChoice", { value, accepted: params.accepted })
        : i18n.t("onboarding.import.problem.unknownValue", { value });
    case "duplicate":
      return row
        ? i18n.t("onboarding.import.problem.duplicateRow", { value, row })
        : i18n.t("onboarding.import.problem.duplicateSaved", { value });
    case "conflict":
      return row
        ? i18n.t("onboarding.import.problem.conflictRow", { row })
        : i18n.t("onboarding.import.problem.conflictSaved");
    case "required":
      return i18n.t("onboarding.import.problem.required");
  }
}

/** Why a whole file was refused (no header, unreadable, too long), or undefined for other failures. */
export function csvFileMessage(i18n: Translator, failure: ApiFailure): string | undefined {
  if (failure.reasons.csv !== "unsupported_file") return undefined;
  const params = failure.params.csv ?? {};
  const text = (name: string) => String(params[name] ?? "");
  switch (params.problem) {
    case "csv_unreadable":
      return i18n.t("onboarding.import.file.unreadable");
    case "csv_empty":
      return i18n.t("onboarding.import.file.empty", { expected: text("expected") });
    case "csv_header":
      return [
        i18n.t("onboarding.import.file.header", { expected: text("expected") }),
        params.missing
          ? i18n.t("onboarding.import.file.missing", { columns: text("missing") })
          : "",
        params.unknown
          ? i18n.t("onboarding.import.file.unknown", { columns: text("unknown") })
          : "",
      ]
        .filter(Boolean)
        .join(" ");
    case "csv_no_rows":
      return i18n.t("onboarding.import.file.noRows");
    case "csv_too_many_rows":
      return i18n.t("onboarding.import.file.tooManyRows", {
        rows: i18n.number(Number(params.rows)),
        maximum: i18n.number(Number(params.maximum)),
      });
    case "csv_rows":
      return i18n.t("onboarding.import.file.rowProblems", { count: Number(params.rows) });
    default:
      return undefined;
  }
}
