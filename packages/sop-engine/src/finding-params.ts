import type { IncidentFlag, Severity } from "./catalogue/flags.ts";
import type { Priority } from "./catalogue/priority.ts";
import type { MomentProblem } from "./moment.ts";

// What each finding's wording needs, as values rather than words: the English `message` is for
// developers (the CLI, logs), and a reader in another language words a finding from its code and
// these params. Where one code has several wordings, `reason` says which.
//
// Agencies are plan keys (`type:damkar`, `agency:<id>`, as `targetKey` gives them), incident types
// catalogue codes, rules their ids, and rule positions 0-based as in `path`.

/** A plan key: `type:<agency type code>` or `agency:<id>`. */
type AgencyKey = string;

/** Why an agency the rules name reaches nobody in the region. */
export type AgencyAbsence = "no_active_agency_of_type" | "not_in_region" | "inactive";

/** The part of a rule's conditions that can never hold. */
export type NeverMatchesParams =
  | { readonly reason: "severity_range"; readonly atLeast: Severity; readonly atMost: Severity }
  | { readonly reason: "casualties_range"; readonly atLeast: number; readonly atMost: number }
  | { readonly reason: "flags_required_and_excluded"; readonly flags: readonly IncidentFlag[] }
  | { readonly reason: "flags_any_excluded" }
  | { readonly reason: "kecamatan_all_excluded" }
  | { readonly reason: "hours_empty" }
  | { readonly reason: "dates_reversed" }
  | { readonly reason: "keywords_without_letters" }
  | { readonly reason: "keywords_all_excluded" }
  | { readonly reason: "kecamatan_outside_region" };

/**
 * The refinements the engine's schemas add beyond zod's own checks; each names itself in its
 * issue's `params.check`, so a schema finding can say which one failed.
 */
export type CustomCheck =
  | { readonly check: "fallback_without_target" }
  | { readonly check: "lead_not_primary" }
  | { readonly check: "type_and_types" }
  | { readonly check: "type_missing" }
  | { readonly check: "subtype_outside_type" }
  | { readonly check: "kind_repeated"; readonly kind: string }
  | { readonly check: "moment"; readonly moment: MomentProblem }
  | { readonly check: "ack_bounds_reversed" }
  | { readonly check: "expectation_missing" }
  | { readonly check: "expectation_contradicted"; readonly agency: AgencyKey };

/** A schema complaint by zod's issue code, with the bound, type or values it names. */
export type SchemaParams =
  | { readonly issue: "invalid_type"; readonly expected: string }
  | {
      readonly issue: "too_small";
      /** What was measured: "string" (characters), "array" (items), "number"… */
      readonly origin: string;
      readonly minimum: number;
      readonly inclusive: boolean;
    }
  | {
      readonly issue: "too_big";
      readonly origin: string;
      readonly maximum: number;
      readonly inclusive: boolean;
    }
  | { readonly issue: "invalid_format"; readonly format: string }
  | { readonly issue: "not_multiple_of"; readonly divisor: number }
  | { readonly issue: "unrecognized_keys"; readonly key: string }
  | { readonly issue: "invalid_value"; readonly values: readonly string[] }
  | ({ readonly issue: "custom" } & CustomCheck)
  /** Anything else zod reports (a union no branch of which fits, a bad record key…). */
  | { readonly issue: "other" };

type Target = { readonly agency: AgencyKey };
/** No params: the code says it all. */
type Empty = Readonly<Record<string, never>>;

/** Each finding code's params; `Finding` pairs a code with exactly its own. */
export interface FindingParams {
  readonly invalid_json: { readonly file: string };
  readonly schema: SchemaParams;
  readonly duplicate_rule_id: { readonly ruleId: string; readonly firstIndex: number };
  readonly invalid_local_subtype:
    | { readonly reason: "not_a_type"; readonly type: string }
    | { readonly reason: "national_subtype"; readonly subtype: string }
    | { readonly reason: "declared_twice"; readonly subtype: string };
  readonly unknown_incident_type:
    /** In a rule: the pattern names no type, or a subtype neither national nor local. */
    | { readonly reason: "not_a_type"; readonly type: string }
    | { readonly reason: "not_a_subtype"; readonly pattern: string }
    /** In an incident: evaluated anyway, matched only by some rules. */
    | { readonly reason: "unlisted_type"; readonly type: string }
    | { readonly reason: "unlisted_subtype"; readonly type: string; readonly subtype: string };
  readonly unknown_agency_type:
    | { readonly reason: "in_rule"; readonly agencyType: string; readonly suggestion?: string }
    | {
        readonly reason: "of_region_agency";
        readonly agencyType: string;
        readonly suggestion?: string;
        readonly agencyId: string;
      };
  readonly unknown_agency: { readonly agencyId: string };
  readonly agency_type_not_available: Target & {
    readonly absence: AgencyAbsence;
    /** Rules that send it without a fallback, and rules that name it as an escalation backup. */
    readonly senders: readonly string[];
    readonly backups: readonly string[];
  };
  readonly uncovered_agency: Target & {
    readonly type: string;
    readonly priority: Priority;
    readonly absence: AgencyAbsence;
    /** The rules that send it without a fallback. */
    readonly rules: readonly string[];
  };
  readonly kecamatan_not_covered: Target & {
    readonly kecamatan: readonly string[];
    /** The urgent incident types that send it. */
    readonly types: readonly string[];
  };
  readonly unknown_official:
    | { readonly reason: "unknown_role"; readonly official: string }
    | { readonly reason: "no_contact"; readonly official: string };
  readonly unknown_kecamatan: { readonly kecamatan: string };
  readonly invalid_suppression:
    { readonly reason: "self" } | { readonly reason: "unknown_rule"; readonly target: string };
  readonly suppression_cycle: { readonly ruleId: string; readonly target: string };
  readonly time_zone_mismatch: { readonly region: string; readonly ruleset: string };
  readonly never_matches: NeverMatchesParams;
  readonly shadowed_rule: {
    /** Suppressed by the rules, or adding nothing to what they plan. */
    readonly reason: "suppressed" | "subsumed";
    readonly rules: readonly string[];
  };
  readonly escalation_loop:
    | { readonly reason: "self"; readonly agency: AgencyKey }
    | { readonly reason: "cycle"; readonly agency: AgencyKey; readonly backup: AgencyKey };
  readonly escalation_before_deadline: {
    readonly afterMinutes: number;
    readonly deadlineMinutes: number;
  };
  readonly escalation_target_never_dispatched: Target;
  readonly primary_without_escalation: Target & { readonly lifeThreatening: boolean };
  readonly uncovered_p1_type: { readonly type: string };
  readonly conditionally_covered_p1_type: { readonly type: string };
  readonly deadline_out_of_range: {
    /** The ruleset's default deadline, an agency's own, or an escalation step's delay. */
    readonly reason: "default_ack" | "ack" | "escalation";
    readonly minutes: number;
    readonly min: number;
    readonly max: number;
  };
  readonly slow_p1_deadline: { readonly minutes: number; readonly targetMinutes: number };
  readonly conflicting_text: {
    readonly list: "checklist" | "advice";
    readonly key: string;
    /** The earlier rule, whose text the plan shows. */
    readonly ruleId: string;
  };
  readonly no_matching_rule: Empty;
  readonly no_primary_agency: Empty;
  readonly unserved_agency: Target & { readonly kecamatan?: string };
}
