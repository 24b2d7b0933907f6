import type { IncidentFlag } from "@sigap/sop-engine";
import type { Translator } from "#lib/i18n/index.ts";
import type { ConditionsInput, EditorReferences, RuleInput } from "./editor/types.ts";
import {
  incidentName,
  targetKey,
  targetName,
  targetShortName,
  type TypeOption,
} from "./lab/catalogue.ts";
import { stepText } from "./lab/step-text.ts";

// A rule as people read it: incident types and agencies by name, conditions as phrases. The editor's
// one-line summaries and the version diff both speak this way, so a change reads like the rule does.

/** The parts of a rule a reader tells apart, in the order the editor shows them. */
export const ruleFields = [
  "name",
  "enabled",
  "description",
  "types",
  "severity",
  "casualties",
  "flags",
  "kecamatan",
  "time",
  "keywords",
  "priority",
  "agencies",
  "escalation",
  "checklist",
  "advice",
  "suppresses",
] as const;

export type RuleField = (typeof ruleFields)[number];

/** The value of one part of a rule as written, `undefined` when the rule leaves it out. */
export function fieldValue(rule: RuleInput, field: RuleField): unknown {
  switch (field) {
    case "name":
    case "description":
    case "suppresses":
      return rule[field];
    case "enabled":
      return rule.enabled ?? true;
    case "types":
    case "severity":
    case "casualties":
    case "flags":
    case "kecamatan":
    case "time":
    case "keywords":
      return rule.when[field];
    case "priority":
    case "agencies":
    case "escalation":
    case "checklist":
    case "advice":
      return rule.then[field];
  }
}

/** `fire.*` → "Kebakaran (semua jenis)", `fire.building` → "Kebakaran bangunan"; an unknown code as written. */
export function patternName(
  i18n: Translator,
  types: readonly TypeOption[],
  pattern: string,
): string {
  if (!pattern.endsWith(".*")) return incidentName(types, pattern);
  const code = pattern.slice(0, -2);
  const name = incidentName(types, code);
  return name === code ? pattern : i18n.t("sop.words.wholeType", { type: name });
}

function agencyWords(
  i18n: Translator,
  action: NonNullable<RuleInput["then"]["agencies"]>[number],
  references: EditorReferences,
): string {
  const terms = [
    i18n.t(`sopLab.role.${action.role}`).toLowerCase(),
    action.lead === true ? i18n.t("sop.words.lead") : undefined,
    action.ackWithinMinutes === undefined
      ? undefined
      : i18n.t("sop.words.ackMinutes", { minutes: action.ackWithinMinutes }),
    action.fallback === undefined
      ? undefined
      : i18n.t("sop.words.fallback", {
          name: [action.fallback.name, action.fallback.phone].filter(Boolean).join(" "),
        }),
  ].filter((term) => term !== undefined);
  return `${targetName(targetKey(action), references.agencies)} (${terms.join(", ")})`;
}

/** The references condition phrases name: kecamatan, by name. */
type ConditionReferences = Pick<EditorReferences, "districts">;

function kecamatanNames(codes: readonly string[], references: ConditionReferences): string {
  return codes
    .map((code) => references.districts.find((district) => district.code === code)?.name ?? code)
    .join(", ");
}

function listed(values: readonly string[] | undefined): string | undefined {
  return values === undefined ? undefined : values.join(", ");
}

/**
 * The phrases of a rule's condition, one per part given (`severity.atLeast`, `flags.any`…); the
 * simulator's trace says what a rule asks in these same words. `types` are worded by `fieldWords`.
 */
export function conditionWords(
  i18n: Translator,
  when: ConditionsInput,
  field: RuleField,
  references: ConditionReferences,
): string[] {
  return conditionPhrases(i18n, when, field, references).filter(
    (phrase): phrase is string => phrase !== undefined && phrase !== "",
  );
}

/** Each part's phrase; undefined for a part the rule leaves out. */
function conditionPhrases(
  i18n: Translator,
  when: ConditionsInput,
  field: RuleField,
  references: ConditionReferences,
): (string | undefined)[] {
  const flags = (values: readonly IncidentFlag[] | undefined) =>
    listed(values?.map((flag) => i18n.t(`sopLab.flag.${flag}`)));
  switch (field) {
    case "severity":
      return [
        when.severity?.atLeast === undefined
          ? undefined
          : i18n.t("sop.words.severityAtLeast", {
              severity: i18n.t(`sopLab.severity.${when.severity.atLeast}`).toLowerCase(),
            }),
        when.severity?.atMost === undefined
          ? undefined
          : i18n.t("sop.words.severityAtMost", {
              severity: i18n.t(`sopLab.severity.${when.severity.atMost}`).toLowerCase(),
            }),
      ];
    case "casualties":
      return [
        when.casualties?.atLeast === undefined
          ? undefined
          : i18n.t("sop.words.casualtiesAtLeast", { count: when.casualties.atLeast }),
        when.casualties?.atMost === undefined
          ? undefined
          : i18n.t("sop.words.casualtiesAtMost", { count: when.casualties.atMost }),
      ];
    case "flags":
      return [
        when.flags?.all && i18n.t("sop.words.flagsAll", { flags: flags(when.flags.all) ?? "" }),
        when.flags?.any && i18n.t("sop.words.flagsAny", { flags: flags(when.flags.any) ?? "" }),
        when.flags?.none && i18n.t("sop.words.flagsNone", { flags: flags(when.flags.none) ?? "" }),
      ];
    case "kecamatan":
      return [
        when.kecamatan?.in &&
          i18n.t("sop.words.kecamatanIn", {
            kecamatan: kecamatanNames(when.kecamatan.in, references),
          }),
        when.kecamatan?.notIn &&
          i18n.t("sop.words.kecamatanNotIn", {
            kecamatan: kecamatanNames(when.kecamatan.notIn, references),
          }),
      ];
    case "time":
      return [
        ...(when.time?.hours ?? []).map((window) =>
          i18n.t("sop.words.hours", { from: window.from, to: window.to }),
        ),
        when.time?.weekdays &&
          i18n.t("sop.words.weekdays", {
            days: listed(when.time.weekdays.map((day) => i18n.t(`sop.weekday.${day}`))) ?? "",
          }),
        ...(when.time?.dates ?? []).map((range) =>
          i18n.t("sop.words.dates", { from: range.from, to: range.to }),
        ),
      ];
    case "keywords":
      return [
        when.keywords?.any &&
          i18n.t("sop.words.keywordsAny", { words: listed(when.keywords.any) ?? "" }),
        when.keywords?.none &&
          i18n.t("sop.words.keywordsNone", { words: listed(when.keywords.none) ?? "" }),
      ];
    default:
      return [];
  }
}

/**
 * One part of a rule in words, as a list of items (one per agency, step, question…) so a diff can
 * mark the items that differ; empty when the rule leaves the part out.
 */
export function fieldWords(
  i18n: Translator,
  rule: RuleInput,
  field: RuleField,
  references: EditorReferences,
): string[] {
  const { then } = rule;
  switch (field) {
    case "name":
      return [rule.name];
    case "description":
      return rule.description ? [rule.description] : [];
    case "enabled":
      return [i18n.t(rule.enabled === false ? "sop.words.disabled" : "sop.words.enabled")];
    case "types":
      return (
        rule.when.types?.map((pattern) => patternName(i18n, references.types, pattern)) ?? [
          i18n.t("sop.words.allTypes"),
        ]
      );
    case "priority":
      return then.priority ? [i18n.t("sop.words.priority", { level: then.priority.slice(1) })] : [];
    case "agencies":
      return (then.agencies ?? []).map((action) => agencyWords(i18n, action, references));
    case "escalation":
      return (then.escalation ?? []).map((step) => stepText(i18n, step, references.agencies));
    case "checklist":
      return (then.checklist ?? []).map((item) => item.text);
    case "advice":
      return (then.advice ?? []).map((item) =>
        item.forTypes
          ? i18n.t("sop.words.adviceFor", {
              text: item.text,
              types: item.forTypes
                .map((pattern) => patternName(i18n, references.types, pattern))
                .join(", "),
            })
          : item.text,
      );
    case "suppresses":
      return rule.suppresses ?? [];
    default:
      return conditionWords(i18n, rule.when, field, references);
  }
}

/**
 * A rule in one line: "Kebakaran (semua jenis) · di 2 kecamatan · Prioritas 1 · Damkar + PMI (pendukung)".
 * Agencies go by their short names here; the rule's card has the rest.
 */
export function ruleSummary(
  i18n: Translator,
  rule: RuleInput,
  references: EditorReferences,
): string {
  const { when, then } = rule;
  const agencies = (then.agencies ?? []).map((action) => {
    const name = targetShortName(targetKey(action), references.agencies);
    return action.role === "support" ? i18n.t("sop.words.supporting", { agency: name }) : name;
  });
  return [
    fieldWords(i18n, rule, "types", references).join(", "),
    ...fieldWords(i18n, rule, "severity", references),
    ...fieldWords(i18n, rule, "casualties", references),
    when.kecamatan?.in && i18n.t("sop.words.kecamatanCount", { count: when.kecamatan.in.length }),
    when.kecamatan?.notIn &&
      i18n.t("sop.words.kecamatanExcluded", { count: when.kecamatan.notIn.length }),
    when.time && i18n.t("sop.words.someTimes"),
    ...fieldWords(i18n, rule, "priority", references),
    agencies.length === 0 ? i18n.t("sop.words.noAgencies") : agencies.join(" + "),
  ]
    .filter((part) => part !== undefined && part !== "")
    .join(" · ");
}
