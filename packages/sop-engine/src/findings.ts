import type { z } from "zod";

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
] as const;

export type FindingCode = (typeof findingCodes)[number];

export interface Finding {
  readonly level: FindingLevel;
  readonly code: FindingCode;
  readonly document: FindingDocument;
  /** JSONPath into `document`, e.g. `$.rules[3].then.agencies[0].agencyType`. */
  readonly path: string;
  readonly message: string;
  /** The rule the finding is about, when there is one; lets an editor jump to its card. */
  readonly ruleId?: string;
}

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

/**
 * A union reports every branch's complaints; the branch with the fewest is almost always the one
 * the author meant, so only its issues are shown.
 */
function flattenIssue(
  issue: Issue,
  prefix: readonly PathSegment[],
): { path: PathSegment[]; message: string }[] {
  const path = [...prefix, ...issue.path.filter((segment) => typeof segment !== "symbol")];
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    let best = issue.errors[0] ?? [];
    for (const branch of issue.errors) if (branch.length < best.length) best = branch;
    if (best.length > 0) return best.flatMap((inner) => flattenIssue(inner, path));
  }
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({ path: [...path, key], message: `Unknown field "${key}".` }));
  }
  return [{ path, message: issue.message }];
}

export function schemaFindings(error: z.ZodError, document: FindingDocument): Finding[] {
  return error.issues.flatMap((issue) =>
    flattenIssue(issue, []).map(({ path, message }) => ({
      level: "error" as const,
      code: "schema" as const,
      document,
      path: formatPath(path),
      message,
    })),
  );
}
