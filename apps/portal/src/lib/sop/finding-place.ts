import type { Finding } from "@sigap/sop-engine";
import type { MessageKey, PlainKey, Translator } from "#lib/i18n/index.ts";
import { isRecord } from "./json.ts";
import { ruleFields, type RuleField } from "./rule-words.ts";

// Findings point into the ruleset by JSONPath (`$.rules[3].then.agencies[0].agencyType`). People
// are told the place in words, as the editor's form names it: the rule, then the part of it, down
// to one item of a list ("Aturan “Kebakaran” · Instansi 1").

type Segment = string | number;

const segmentPattern = /\.([^.[]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;

/** `$.rules[3].then["odd key"]` → `["rules", 3, "then", "odd key"]`. */
function segmentsOf(path: string): Segment[] {
  return [...path.matchAll(segmentPattern)].map(([, name, index, quoted]) =>
    index !== undefined ? Number(index) : (name ?? (JSON.parse(quoted ?? '""') as string)),
  );
}

/** The ruleset's own settings, and its defaults, by name. */
const settingKeys: Partial<Record<string, PlainKey>> = {
  name: "sop.setting.name",
  timeZone: "sop.setting.timeZone",
  localSubtypes: "sop.setting.localSubtypes",
};
const defaultKeys: Partial<Record<string, PlainKey>> = {
  priority: "sop.setting.defaultPriority",
  ackWithinMinutes: "sop.setting.defaultAck",
};

/** The lists of a rule whose items the editor shows one by one, and what one item is called. */
const itemKeys = {
  types: "sop.place.type",
  agencies: "sop.place.agency",
  escalation: "sop.place.step",
  checklist: "sop.place.question",
  advice: "sop.place.advice",
  suppresses: "sop.place.suppressed",
} as const satisfies Partial<Record<RuleField, MessageKey>>;

function isItemList(name: string): name is keyof typeof itemKeys {
  return Object.hasOwn(itemKeys, name);
}

function isRuleField(name: string): name is RuleField {
  return (ruleFields as readonly string[]).includes(name);
}

/** The rule by its name, else its id, else its position. */
function ruleWords(
  i18n: Translator,
  index: number,
  ruleId: string | undefined,
  ruleset: unknown,
): string {
  const rule: unknown =
    isRecord(ruleset) && Array.isArray(ruleset.rules) ? ruleset.rules[index] : undefined;
  const written = (field: string) => {
    const value = isRecord(rule) ? rule[field] : undefined;
    return typeof value === "string" && value.trim() !== "" ? value : undefined;
  };
  const name = written("name") ?? ruleId ?? written("id");
  return name === undefined
    ? i18n.t("sop.place.ruleNumber", { number: index + 1 })
    : i18n.t("sop.place.rule", { name });
}

/** The part of a rule below it; `when` and `then` only group the parts. */
function partWords(i18n: Translator, below: readonly Segment[]): string | undefined {
  const [first, second, third] = below;
  const [part, item] = first === "when" || first === "then" ? [second, third] : [first, second];
  if (typeof part !== "string") return undefined;
  if (isItemList(part) && typeof item === "number") {
    return i18n.t(itemKeys[part], { number: item + 1 });
  }
  if (part === "id") return i18n.t("sop.editor.ruleId");
  return isRuleField(part) ? i18n.t(`sop.field.${part}`) : undefined;
}

/**
 * Where in the ruleset a finding points, in words; undefined for other documents and where the
 * words would add nothing (the whole ruleset, the list of rules). `ruleset` names rules by name.
 */
export function findingPlace(
  i18n: Translator,
  finding: Pick<Finding, "document" | "path" | "ruleId">,
  ruleset?: unknown,
): string | undefined {
  if (finding.document !== "ruleset") return undefined;
  const [head, next, ...rest] = segmentsOf(finding.path);
  if (head === "rules" && typeof next === "number") {
    const part = partWords(i18n, rest);
    const rule = ruleWords(i18n, next, finding.ruleId, ruleset);
    return part === undefined ? rule : `${rule} · ${part}`;
  }
  if (head === "localSubtypes" && typeof next === "number") {
    return i18n.t("sop.place.localSubtype", { number: next + 1 });
  }
  const [keys, name] = head === "defaults" ? [defaultKeys, next] : [settingKeys, head];
  const setting = typeof name === "string" ? keys[name] : undefined;
  return setting === undefined ? undefined : i18n.t(setting);
}
