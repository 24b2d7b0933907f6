import type { z } from "zod";
import type { CustomCheck, FindingParams, SchemaParams } from "./finding-params.ts";

/** Errors block publishing a ruleset (or make evaluation impossible); warnings never do. */
export type FindingLevel = "error" | "warning";

/** Which input a finding points into; `path` is relative to that document. */
export type FindingDocument = "ruleset" | "incident" | "context" | "options" | "test_case";

export const findingCodes = [
  "invalid_json",
  "schema",
  "duplicate_rule_id",
  "invalid_local_subtype",
  "unknown_incident_type",
  "unknown_agency_type",
  "unknown_agency",
  "agency_type_not_available",
  "uncovered_agency",
  "kecamatan_not_covered",
  "unknown_official",
  "unknown_kecamatan",
  "invalid_suppression",
  "suppression_cycle",
  "time_zone_mismatch",
  "never_matches",
  "shadowed_rule",
  "escalation_loop",
  "escalation_before_deadline",
  "escalation_target_never_dispatched",
  "primary_without_escalation",
  "uncovered_p1_type",
  "conditionally_covered_p1_type",
  "deadline_out_of_range",
  "slow_p1_deadline",
  "conflicting_text",
  "no_matching_rule",
  "no_primary_agency",
  "unserved_agency",
] as const satisfies readonly (keyof FindingParams)[];

export type FindingCode = (typeof findingCodes)[number];

interface FindingFields {
  readonly level: FindingLevel;
  readonly document: FindingDocument;
  /** JSONPath into `document`, e.g. `$.rules[3].then.agencies[0].agencyType`. */
  readonly path: string;
  /** English, for developers (the CLI, logs); readers word a finding from `code` and `params`. */
  readonly message: string;
  /** The rule the finding is about, when there is one; lets an editor jump to its card. */
  readonly ruleId?: string;
}

/** A finding of one of `C`'s codes, each code with its own params (see finding-params.ts). */
export type Finding<C extends FindingCode = FindingCode> = {
  [K in C]: FindingFields & { readonly code: K; readonly params: FindingParams[K] };
}[C];

export type PathSegment = string | number;

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function formatPath(segments: readonly PathSegment[]): string {
  let path = "$";
  for (const segment of segments) {
    if (typeof segment === "number") path += `[${segment}]`;
    else if (identifier.test(segment)) path += `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.level === "error");
}

type Issue = z.core.$ZodIssue;

/** Only the engine's own schemas raise custom issues, and each names its check in `params`. */
function customCheck(params: Record<string, unknown> | undefined): CustomCheck | undefined {
  return typeof params?.check === "string" ? (params as CustomCheck) : undefined;
}

function schemaParams(issue: Issue): SchemaParams {
  switch (issue.code) {
    case "invalid_type":
      return { issue: issue.code, expected: issue.expected };
    case "too_small":
      return {
        issue: issue.code,
        origin: issue.origin,
        minimum: Number(issue.minimum),
        inclusive: issue.inclusive ?? true,
      };
    case "too_big":
      return {
        issue: issue.code,
        origin: issue.origin,
        maximum: Number(issue.maximum),
        inclusive: issue.inclusive ?? true,
      };
    case "invalid_format":
      return { issue: issue.code, format: issue.format };
    case "not_multiple_of":
      return { issue: issue.code, divisor: issue.divisor };
    case "invalid_value":
      return { issue: issue.code, values: issue.values.map(String) };
    case "custom": {
      const check = customCheck(issue.params);
      return check === undefined ? { issue: "other" } : { issue: issue.code, ...check };
    }
    default:
      return { issue: "other" };
  }
}

interface FlatIssue {
  readonly path: PathSegment[];
  readonly message: string;
  readonly params: SchemaParams;
}

/**
 * A union reports every branch's complaints; the branch with the fewest is almost always the one
 * the author meant, so only its issues are shown.
 */
function flattenIssue(issue: Issue, prefix: readonly PathSegment[]): FlatIssue[] {
  const path = [...prefix, ...issue.path.filter((segment) => typeof segment !== "symbol")];
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    let best = issue.errors[0] ?? [];
    for (const branch of issue.errors) if (branch.length < best.length) best = branch;
    if (best.length > 0) return best.flatMap((inner) => flattenIssue(inner, path));
  }
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      path: [...path, key],
      message: `Unknown field "${key}".`,
      params: { issue: issue.code, key },
    }));
  }
  return [{ path, message: issue.message, params: schemaParams(issue) }];
}

export function schemaFindings(error: z.ZodError, document: FindingDocument): Finding[] {
  return error.issues.flatMap((issue) =>
    flattenIssue(issue, []).map(({ path, message, params }): Finding => ({
      level: "error",
      code: "schema",
      document,
      path: formatPath(path),
      message,
      params,
    })),
  );
}
