import type { IncidentFlag, Severity } from "./catalogue/flags.ts";
import type { LocalTime } from "./local-time.ts";
import type { IncidentKind } from "./schema/incident.ts";
import type { Conditions } from "./schema/ruleset.ts";

// What each condition check in the trace compared, as values rather than words: the English
// `explanation` is for developers (the CLI, logs), and a reader in another language words a check
// from its `condition` and these params. `wanted` is the condition as the rule writes it; the other
// fields are what the incident has (or, for `time`, the moment it is planned for). A fact the
// operator did not record is absent, as it is in the incident.

/** The condition as the rule states it. */
type Wanted<C extends keyof Conditions> = NonNullable<Conditions[C]>;

/** Each condition's params; `ConditionCheck` pairs a condition with exactly its own. */
export interface ConditionParams {
  readonly types: {
    readonly wanted: Wanted<"types">;
    /** Every kind the incident is, the main one first. */
    readonly kinds: readonly IncidentKind[];
    /** The first of the rule's patterns one of the kinds matches; absent when none does. */
    readonly match?: string;
  };
  readonly severity: { readonly wanted: Wanted<"severity">; readonly severity?: Severity };
  readonly casualties: { readonly wanted: Wanted<"casualties">; readonly casualties?: number };
  readonly flags: {
    readonly wanted: Wanted<"flags">;
    /** The flags the operator set; empty when none. */
    readonly flags: readonly IncidentFlag[];
  };
  readonly kecamatan: { readonly wanted: Wanted<"kecamatan">; readonly kecamatan?: string };
  readonly time: {
    readonly wanted: Wanted<"time">;
    /** The moment in the ruleset's time zone, which the rule's times and dates are written in. */
    readonly local: LocalTime;
  };
  readonly keywords: {
    readonly wanted: Wanted<"keywords">;
    /** The rule's keywords the description contains, `any` ones first, as the rule writes them. */
    readonly found: readonly string[];
  };
}
