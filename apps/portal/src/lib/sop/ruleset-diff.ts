import { rulesetSchema, type Rule, type Ruleset } from "@sigap/sop-engine";
import type { Translator } from "#lib/i18n/index.ts";
import { fieldValue, ruleFields, type RuleField } from "./rule-words.ts";

/** The ruleset's own settings, outside its rules. */
export const settingFields = [
  "name",
  "timeZone",
  "defaultPriority",
  "defaultAck",
  "localSubtypes",
] as const;
export type SettingField = (typeof settingFields)[number];

export interface RuleChange {
  before: Rule;
  after: Rule;
  /** The parts that differ, in the editor's order. */
  fields: RuleField[];
}

/** What changed from one version to another: rules are matched by id, which the engine keeps unique. */
export interface RulesetDiff {
  settings: SettingField[];
  added: Rule[];
  removed: Rule[];
  changed: RuleChange[];
}

/**
 * A stored version as the engine reads it (defaults filled in, so `enabled` left out and `true`
 * compare equal); `undefined` for a document that is no ruleset, which can then only be read as JSON.
 */
export function readRuleset(document: unknown): Ruleset | undefined {
  const parsed = rulesetSchema.safeParse(document);
  return parsed.success ? parsed.data : undefined;
}

export function settingValue(ruleset: Ruleset, field: SettingField): unknown {
  switch (field) {
    case "name":
    case "timeZone":
    case "localSubtypes":
      return ruleset[field];
    case "defaultPriority":
      return ruleset.defaults.priority;
    case "defaultAck":
      return ruleset.defaults.ackWithinMinutes;
  }
}

/** A setting in words, as items like `fieldWords` (one per local subtype); empty when left out. */
export function settingWords(i18n: Translator, ruleset: Ruleset, field: SettingField): string[] {
  switch (field) {
    case "name":
      return [ruleset.name];
    case "timeZone":
      return [ruleset.timeZone];
    case "defaultPriority":
      return [i18n.t("sop.words.priority", { level: ruleset.defaults.priority.slice(1) })];
    case "defaultAck":
      return [i18n.t("sop.words.minutes", { count: ruleset.defaults.ackWithinMinutes })];
    case "localSubtypes":
      return (ruleset.localSubtypes ?? []).map((subtype) =>
        i18n.locale === "en" && subtype.nameEn ? subtype.nameEn : subtype.name,
      );
  }
}

/** JSON with object keys sorted, so two values compare equal however their keys were written. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, inner: unknown) =>
    typeof inner === "object" && inner !== null && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

const differs = (a: unknown, b: unknown) => canonical(a) !== canonical(b);

export function diffRulesets(before: Ruleset, after: Ruleset): RulesetDiff {
  const earlier = new Map(before.rules.map((rule) => [rule.id, rule]));
  const later = new Set(after.rules.map((rule) => rule.id));
  const changed: RuleChange[] = [];
  for (const rule of after.rules) {
    const old = earlier.get(rule.id);
    const fields =
      old === undefined
        ? []
        : ruleFields.filter((field) => differs(fieldValue(old, field), fieldValue(rule, field)));
    if (old !== undefined && fields.length > 0) changed.push({ before: old, after: rule, fields });
  }
  return {
    settings: settingFields.filter((field) =>
      differs(settingValue(before, field), settingValue(after, field)),
    ),
    added: after.rules.filter((rule) => !earlier.has(rule.id)),
    removed: before.rules.filter((rule) => !later.has(rule.id)),
    changed,
  };
}

export function isEmptyDiff(diff: RulesetDiff): boolean {
  return (
    diff.settings.length === 0 &&
    diff.added.length === 0 &&
    diff.removed.length === 0 &&
    diff.changed.length === 0
  );
}
