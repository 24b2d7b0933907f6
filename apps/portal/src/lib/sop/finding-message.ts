import type {
  CustomCheck,
  Finding,
  FindingCode,
  FindingParams,
  NeverMatchesParams,
  SchemaParams,
  TestFailure,
  TestFailureCode,
  TestFailureParams,
} from "@sigap/sop-engine";
import { zoneAbbreviation } from "#lib/adoption/time-zone.ts";
import type { PlainKey, Translator } from "#lib/i18n/index.ts";
import { wordsFor, type RegionNames, type Words } from "./engine-words.ts";
import { officialName } from "./lab/catalogue.ts";

// The engine's English `message` is for developers; people read a finding (or a test case's
// failure) worded here from its code and the values in its `params`, agencies, incident types and
// kecamatan by name.

/** How many kecamatan a sentence lists before "and 3 more". */
const shownKecamatan = 5;

/** One code's wording; `rule` is the id of the rule the finding is about, if any. */
type Wording<P> = (words: Words, params: P, rule: string) => string;

const expectedKeys: Partial<Record<string, PlainKey>> = {
  string: "sop.finding.schema.expected.string",
  number: "sop.finding.schema.expected.number",
  int: "sop.finding.schema.expected.int",
  boolean: "sop.finding.schema.expected.boolean",
  array: "sop.finding.schema.expected.array",
  object: "sop.finding.schema.expected.object",
  date: "sop.finding.schema.expected.date",
};

/** Measures of text and of lists are counts; anything else is a value. */
function isCounted(origin: string): "text" | "list" | undefined {
  if (origin === "string") return "text";
  if (origin === "array" || origin === "set") return "list";
  return undefined;
}

function customWording({ i18n, agency, type }: Words, params: CustomCheck): string {
  switch (params.check) {
    case "kind_repeated":
      return i18n.t("sop.finding.check.kind_repeated", { kind: type(params.kind) });
    case "moment":
      return i18n.t(`sop.finding.check.moment.${params.moment}`);
    case "expectation_contradicted":
      return i18n.t("sop.finding.check.expectation_contradicted", {
        agency: agency(params.agency),
      });
    default:
      return i18n.t(`sop.finding.check.${params.check}`);
  }
}

/** Zod's complaints in general terms; where they point, `findingPlace` says. */
function schemaWording(words: Words, params: SchemaParams): string {
  const { i18n } = words;
  switch (params.issue) {
    case "invalid_type": {
      const expected = expectedKeys[params.expected];
      return expected === undefined
        ? i18n.t("sop.finding.schema.invalid_type_other")
        : i18n.t("sop.finding.schema.invalid_type", { expected: i18n.t(expected) });
    }
    case "too_small": {
      const counted = isCounted(params.origin);
      if (counted === "text")
        return i18n.t("sop.finding.schema.tooShort", { count: params.minimum });
      if (counted === "list") return i18n.t("sop.finding.schema.tooFew", { count: params.minimum });
      return i18n.t(
        params.inclusive ? "sop.finding.schema.tooSmall" : "sop.finding.schema.notAbove",
        {
          minimum: params.minimum,
        },
      );
    }
    case "too_big": {
      const counted = isCounted(params.origin);
      if (counted === "text")
        return i18n.t("sop.finding.schema.tooLong", { count: params.maximum });
      if (counted === "list")
        return i18n.t("sop.finding.schema.tooMany", { count: params.maximum });
      return i18n.t(
        params.inclusive ? "sop.finding.schema.tooBig" : "sop.finding.schema.notBelow",
        {
          maximum: params.maximum,
        },
      );
    }
    case "invalid_format":
      return i18n.t(
        params.format === "date"
          ? "sop.finding.schema.invalidDate"
          : "sop.finding.schema.invalid_format",
      );
    case "not_multiple_of":
      return i18n.t("sop.finding.schema.not_multiple_of", { divisor: params.divisor });
    case "unrecognized_keys":
      return i18n.t("sop.finding.schema.unrecognized_keys", { key: params.key });
    case "invalid_value":
      return i18n.t("sop.finding.schema.invalid_value", { values: params.values.join(", ") });
    case "custom":
      return customWording(words, params);
    case "other":
      return i18n.t("sop.finding.schema.other");
  }
}

function neverMatchesReason({ i18n, severity, flag }: Words, params: NeverMatchesParams): string {
  switch (params.reason) {
    case "severity_range":
      return i18n.t("sop.finding.never_matches.severity_range", {
        atLeast: severity(params.atLeast),
        atMost: severity(params.atMost),
      });
    case "casualties_range":
      return i18n.t("sop.finding.never_matches.casualties_range", {
        atLeast: params.atLeast,
        atMost: params.atMost,
      });
    case "flags_required_and_excluded":
      return i18n.t("sop.finding.never_matches.flags_required_and_excluded", {
        flags: params.flags.map(flag).join(", "),
      });
    default:
      return i18n.t(`sop.finding.never_matches.${params.reason}`);
  }
}

const findingWordings: { [C in FindingCode]: Wording<FindingParams[C]> } = {
  invalid_json: ({ i18n }, { file }) => i18n.t("sop.finding.invalid_json", { file }),
  schema: schemaWording,
  duplicate_rule_id: ({ i18n }, { ruleId, firstIndex }) =>
    i18n.t("sop.finding.duplicate_rule_id", { ruleId, number: firstIndex + 1 }),
  invalid_local_subtype: ({ i18n }, params) =>
    params.reason === "not_a_type"
      ? i18n.t("sop.finding.notAType", { type: params.type })
      : i18n.t(`sop.finding.invalid_local_subtype.${params.reason}`, { subtype: params.subtype }),
  unknown_incident_type: ({ i18n, pattern }, params) => {
    switch (params.reason) {
      case "not_a_type":
        return i18n.t("sop.finding.notAType", { type: params.type });
      case "not_a_subtype":
        return i18n.t("sop.finding.unknown_incident_type.not_a_subtype", {
          pattern: params.pattern,
        });
      case "unlisted_type":
        return i18n.t("sop.finding.unknown_incident_type.unlisted_type", { type: params.type });
      case "unlisted_subtype":
        return i18n.t("sop.finding.unknown_incident_type.unlisted_subtype", {
          subtype: params.subtype,
          type: pattern(`${params.type}.*`),
        });
    }
  },
  unknown_agency_type: ({ i18n, agency }, params) => {
    const wrong =
      params.reason === "in_rule"
        ? i18n.t("sop.finding.unknown_agency_type.in_rule", { agencyType: params.agencyType })
        : i18n.t("sop.finding.unknown_agency_type.of_region_agency", {
            agency: agency(`agency:${params.agencyId}`),
            agencyType: params.agencyType,
          });
    if (params.suggestion === undefined) return wrong;
    const suggestion = i18n.t("sop.finding.unknown_agency_type.suggestion", {
      suggestion: params.suggestion,
      name: agency(`type:${params.suggestion}`),
    });
    return `${wrong} ${suggestion}`;
  },
  unknown_agency: ({ i18n }, { agencyId }) => i18n.t("sop.finding.unknown_agency", { agencyId }),
  agency_type_not_available: ({ i18n, agency, rules }, params) =>
    [
      i18n.t("sop.finding.agency_type_not_available", {
        agency: agency(params.agency),
        absence: i18n.t(`sop.finding.absence.${params.absence}`),
      }),
      ...(params.senders.length > 0
        ? [
            i18n.t("sop.finding.agency_type_not_available.senders", {
              rules: rules(params.senders),
            }),
          ]
        : []),
      ...(params.backups.length > 0
        ? [
            i18n.t("sop.finding.agency_type_not_available.backups", {
              rules: rules(params.backups),
            }),
          ]
        : []),
    ].join(" "),
  uncovered_agency: ({ i18n, agency, type, rules }, params) =>
    i18n.t("sop.finding.uncovered_agency", {
      type: type(params.type),
      priority: params.priority,
      agency: agency(params.agency),
      absence: i18n.t(`sop.finding.absence.${params.absence}`),
      rules: rules(params.rules),
    }),
  kecamatan_not_covered: ({ i18n, agency, type, kecamatan, list }, params) =>
    i18n.t("sop.finding.kecamatan_not_covered", {
      agency: agency(params.agency),
      kecamatan: list(params.kecamatan.map(kecamatan), shownKecamatan),
      types: params.types.map(type).join(", "),
    }),
  unknown_official: ({ i18n }, params) =>
    params.reason === "unknown_role"
      ? i18n.t("sop.finding.unknown_official.unknown_role", { official: params.official })
      : i18n.t("sop.finding.unknown_official.no_contact", {
          official: officialName(params.official),
        }),
  unknown_kecamatan: ({ i18n }, params) =>
    i18n.t("sop.finding.unknown_kecamatan", { kecamatan: params.kecamatan }),
  invalid_suppression: ({ i18n }, params) =>
    params.reason === "self"
      ? i18n.t("sop.finding.invalid_suppression.self")
      : i18n.t("sop.finding.invalid_suppression.unknown_rule", { target: params.target }),
  suppression_cycle: ({ i18n }, params) =>
    i18n.t("sop.finding.suppression_cycle", { rule: params.ruleId, target: params.target }),
  time_zone_mismatch: ({ i18n }, params) =>
    i18n.t("sop.finding.time_zone_mismatch", {
      region: zoneAbbreviation(params.region),
      ruleset: zoneAbbreviation(params.ruleset),
    }),
  never_matches: (words, params, rule) =>
    words.i18n.t("sop.finding.never_matches", { rule, reason: neverMatchesReason(words, params) }),
  shadowed_rule: ({ i18n, rules }, params, rule) =>
    i18n.t(`sop.finding.shadowed_rule.${params.reason}`, { rule, rules: rules(params.rules) }),
  escalation_loop: ({ i18n, agency }, params) =>
    params.reason === "self"
      ? i18n.t("sop.finding.escalation_loop.self", { agency: agency(params.agency) })
      : i18n.t("sop.finding.escalation_loop.cycle", {
          agency: agency(params.agency),
          backup: agency(params.backup),
        }),
  escalation_before_deadline: ({ i18n, minutes }, params) =>
    i18n.t("sop.finding.escalation_before_deadline", {
      after: minutes(params.afterMinutes),
      deadline: minutes(params.deadlineMinutes),
    }),
  escalation_target_never_dispatched: ({ i18n, agency }, params) =>
    i18n.t("sop.finding.escalation_target_never_dispatched", { agency: agency(params.agency) }),
  primary_without_escalation: ({ i18n, agency }, params) =>
    i18n.t(
      params.lifeThreatening
        ? "sop.finding.primary_without_escalation.lifeThreatening"
        : "sop.finding.primary_without_escalation",
      { agency: agency(params.agency) },
    ),
  uncovered_p1_type: ({ i18n, type }, params) =>
    i18n.t("sop.finding.uncovered_p1_type", { type: type(params.type) }),
  conditionally_covered_p1_type: ({ i18n, type, pattern }, params) =>
    i18n.t("sop.finding.conditionally_covered_p1_type", {
      type: type(params.type),
      pattern: pattern(`${params.type}.*`),
    }),
  deadline_out_of_range: ({ i18n }, { reason, minutes, min, max }) =>
    i18n.t(`sop.finding.deadline_out_of_range.${reason}`, { minutes, min, max }),
  slow_p1_deadline: ({ i18n, minutes }, params) =>
    i18n.t("sop.finding.slow_p1_deadline", {
      minutes: minutes(params.minutes),
      target: minutes(params.targetMinutes),
    }),
  conflicting_text: ({ i18n }, params) =>
    i18n.t(`sop.finding.conflicting_text.${params.list}`, { rule: params.ruleId, key: params.key }),
  no_matching_rule: ({ i18n }) => i18n.t("sop.finding.no_matching_rule"),
  no_primary_agency: ({ i18n }) => i18n.t("sop.finding.no_primary_agency"),
  unserved_agency: ({ i18n, agency, kecamatan }, params) =>
    params.kecamatan === undefined
      ? i18n.t("sop.finding.unserved_agency.region", { agency: agency(params.agency) })
      : i18n.t("sop.finding.unserved_agency.kecamatan", {
          agency: agency(params.agency),
          kecamatan: kecamatan(params.kecamatan),
        }),
};

const failureWordings: { [C in TestFailureCode]: Wording<TestFailureParams[C]> } = {
  not_notified: ({ i18n, agency }, params) =>
    params.notified.length === 0
      ? i18n.t("sop.failure.not_notified.none", { agency: agency(params.agency) })
      : i18n.t("sop.failure.not_notified", {
          agency: agency(params.agency),
          agencies: params.notified.map(agency).join(", "),
        }),
  wrong_role: ({ i18n, agency }, params) =>
    i18n.t("sop.failure.wrong_role", {
      agency: agency(params.agency),
      expected: i18n.t(`sopLab.role.${params.expected}`).toLowerCase(),
      actual: i18n.t(`sopLab.role.${params.actual}`).toLowerCase(),
    }),
  ack_below_minimum: ({ i18n, agency, minutes }, params) =>
    i18n.t("sop.failure.ack_below_minimum", {
      agency: agency(params.agency),
      atLeast: minutes(params.atLeast),
      given: minutes(params.given),
    }),
  ack_above_maximum: ({ i18n, agency, minutes }, params) =>
    i18n.t("sop.failure.ack_above_maximum", {
      agency: agency(params.agency),
      atMost: minutes(params.atMost),
      given: minutes(params.given),
    }),
  notified: ({ i18n, agency }, params) =>
    i18n.t("sop.failure.notified", {
      agency: agency(params.agency),
      role: i18n.t(`sopLab.role.${params.role}`).toLowerCase(),
    }),
  wrong_priority: ({ i18n }, params) =>
    i18n.t("sop.failure.wrong_priority", { expected: params.expected, actual: params.actual }),
};

function wordFinding<C extends FindingCode>(
  words: Words,
  code: C,
  params: FindingParams[C],
  rule: string,
): string {
  return findingWordings[code](words, params, rule);
}

function wordFailure<C extends TestFailureCode>(
  words: Words,
  code: C,
  params: TestFailureParams[C],
): string {
  return failureWordings[code](words, params, "");
}

/** A finding as a sentence in the reader's language. */
export function findingMessage(
  i18n: Translator,
  finding: Finding,
  names: RegionNames = {},
): string {
  return wordFinding(wordsFor(i18n, names), finding.code, finding.params, finding.ruleId ?? "");
}

/**
 * What a failure's words need: its code and params. (The API's copy of a failure types `expected`
 * and `actual` as optional, so it is not quite the engine's `TestFailure`.)
 */
export type WordedFailure = Pick<TestFailure, "code" | "params">;

/** A test case's unmet expectation as a sentence in the reader's language. */
export function failureMessage(
  i18n: Translator,
  failure: WordedFailure,
  names: RegionNames = {},
): string {
  return wordFailure(wordsFor(i18n, names), failure.code, failure.params);
}
