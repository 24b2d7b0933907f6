import { severityRank } from "./catalogue/flags.ts";
import type { CompiledRule } from "./compile.ts";
import { containsKeyword, words, type KeywordMatcher } from "./keywords.ts";
import { localTime, type LocalTime } from "./local-time.ts";
import type { Incident, IncidentKind } from "./schema/incident.ts";
import type { Conditions } from "./schema/ruleset.ts";

export type ConditionName = keyof Conditions;

/** Checked in this order; cheap and selective conditions first. */
export const conditionNames: readonly ConditionName[] = [
  "types",
  "severity",
  "casualties",
  "flags",
  "kecamatan",
  "time",
  "keywords",
];

export interface ConditionCheck {
  readonly condition: ConditionName;
  readonly holds: boolean;
  readonly explanation: string;
}

/**
 * The type patterns an incident of these kinds matches: `<type>.*` for each kind, and each recorded
 * subtype. Rule conditions (`when.types`) and advice (`forTypes`) are both matched against it.
 */
export function typePatternsOf(kinds: readonly IncidentKind[]): ReadonlySet<string> {
  return new Set(
    kinds.flatMap((kind) =>
      kind.subtype === undefined ? [`${kind.type}.*`] : [`${kind.type}.*`, kind.subtype],
    ),
  );
}

/** The incident and the moment, with derived facts computed at most once per evaluation. */
export class Facts {
  readonly incident: Incident;
  readonly #now: Date;
  readonly #timeZone: string;
  readonly #flags: ReadonlySet<string>;
  /** The patterns the incident's kinds match: `<type>.*` for each, and each recorded subtype. */
  readonly typePatterns: ReadonlySet<string>;
  #local: LocalTime | undefined;
  #words: readonly string[] | undefined;

  constructor(incident: Incident, now: Date, timeZone: string) {
    this.incident = incident;
    this.#now = now;
    this.#timeZone = timeZone;
    this.#flags = new Set(incident.flags ?? []);
    this.typePatterns = typePatternsOf(incident.types);
  }

  hasFlag(flag: string): boolean {
    return this.#flags.has(flag);
  }

  get local(): LocalTime {
    this.#local ??= localTime(this.#now, this.#timeZone);
    return this.#local;
  }

  get words(): readonly string[] {
    this.#words ??= words(this.incident.description ?? "");
    return this.#words;
  }
}

function list(values: readonly string[]): string {
  return values.join(", ");
}

function inRange(value: number, atLeast: number | undefined, atMost: number | undefined): boolean {
  return (atLeast === undefined || value >= atLeast) && (atMost === undefined || value <= atMost);
}

function rangeText(
  atLeast: string | number | undefined,
  atMost: string | number | undefined,
): string {
  if (atLeast !== undefined && atMost !== undefined) return `between ${atLeast} and ${atMost}`;
  if (atLeast !== undefined) return `at least ${atLeast}`;
  if (atMost !== undefined) return `at most ${atMost}`;
  return "any value";
}

/** The first pattern one of the incident's kinds matches: `fire.*` any fire, `fire.building` that subtype. */
function matchesTypes(patterns: readonly string[], facts: Facts): string | undefined {
  return patterns.find((pattern) => facts.typePatterns.has(pattern));
}

/** How the incident's kinds read in an explanation: `traffic_accident.motorcycle + fire (no subtype)`. */
function kindsText(incident: Incident): string {
  return incident.types.map((kind) => kind.subtype ?? `${kind.type} (no subtype)`).join(" + ");
}

function holdsTypes(when: Conditions, facts: Facts): boolean {
  return when.types === undefined || matchesTypes(when.types, facts) !== undefined;
}

function explainTypes(when: Conditions, facts: Facts): string {
  const incidentCode = kindsText(facts.incident);
  const match = when.types === undefined ? undefined : matchesTypes(when.types, facts);
  return match === undefined
    ? `incident ${incidentCode} is not one of ${list(when.types ?? [])}`
    : `incident ${incidentCode} matches ${match}`;
}

function holdsSeverity(when: Conditions, facts: Facts): boolean {
  const { severity } = facts.incident;
  const condition = when.severity;
  if (condition === undefined) return true;
  if (severity === undefined) return false;
  const rank = severityRank(severity);
  return inRange(
    rank,
    condition.atLeast === undefined ? undefined : severityRank(condition.atLeast),
    condition.atMost === undefined ? undefined : severityRank(condition.atMost),
  );
}

function explainSeverity(when: Conditions, facts: Facts): string {
  const wanted = rangeText(when.severity?.atLeast, when.severity?.atMost);
  const { severity } = facts.incident;
  return severity === undefined
    ? `severity unknown; rule needs ${wanted}`
    : `severity ${severity}; rule needs ${wanted}`;
}

function holdsCasualties(when: Conditions, facts: Facts): boolean {
  const condition = when.casualties;
  if (condition === undefined) return true;
  const { casualties } = facts.incident;
  return casualties !== undefined && inRange(casualties, condition.atLeast, condition.atMost);
}

function explainCasualties(when: Conditions, facts: Facts): string {
  const wanted = rangeText(when.casualties?.atLeast, when.casualties?.atMost);
  const { casualties } = facts.incident;
  return casualties === undefined
    ? `casualties unknown; rule needs ${wanted}`
    : `casualties ${casualties}; rule needs ${wanted}`;
}

function holdsFlags(when: Conditions, facts: Facts): boolean {
  const condition = when.flags;
  if (condition === undefined) return true;
  return (
    (condition.all?.every((flag) => facts.hasFlag(flag)) ?? true) &&
    (condition.any?.some((flag) => facts.hasFlag(flag)) ?? true) &&
    !(condition.none?.some((flag) => facts.hasFlag(flag)) ?? false)
  );
}

function explainFlags(when: Conditions, facts: Facts): string {
  const condition = when.flags;
  const parts: string[] = [];
  if (condition?.all !== undefined) parts.push(`all of ${list(condition.all)}`);
  if (condition?.any !== undefined) parts.push(`any of ${list(condition.any)}`);
  if (condition?.none !== undefined) parts.push(`none of ${list(condition.none)}`);
  const set = facts.incident.flags ?? [];
  return `flags set: ${set.length === 0 ? "none" : list(set)}; rule needs ${parts.join(" and ")}`;
}

function holdsKecamatan(when: Conditions, facts: Facts): boolean {
  const condition = when.kecamatan;
  if (condition === undefined) return true;
  const { kecamatan } = facts.incident;
  if (kecamatan === undefined) return false;
  return (
    (condition.in?.includes(kecamatan) ?? true) && !(condition.notIn?.includes(kecamatan) ?? false)
  );
}

function explainKecamatan(when: Conditions, facts: Facts): string {
  const condition = when.kecamatan;
  const parts: string[] = [];
  if (condition?.in !== undefined) parts.push(`one of ${list(condition.in)}`);
  if (condition?.notIn !== undefined) parts.push(`none of ${list(condition.notIn)}`);
  const { kecamatan } = facts.incident;
  return `kecamatan ${kecamatan ?? "unknown"}; rule needs ${parts.join(" and ")}`;
}

function inWindow(minute: number, window: { readonly from: number; readonly to: number }): boolean {
  return window.from <= window.to
    ? minute >= window.from && minute < window.to
    : minute >= window.from || minute < window.to;
}

function holdsTime(when: Conditions, facts: Facts, compiled: CompiledRule): boolean {
  const condition = when.time;
  if (condition === undefined) return true;
  const local = facts.local;
  return (
    (compiled.hourWindows?.some((window) => inWindow(local.minuteOfDay, window)) ?? true) &&
    (condition.weekdays?.includes(local.weekday) ?? true) &&
    (condition.dates?.some((range) => range.from <= local.date && local.date <= range.to) ?? true)
  );
}

function explainTime(when: Conditions, facts: Facts): string {
  const condition = when.time;
  const parts: string[] = [];
  if (condition?.hours !== undefined)
    parts.push(`hours ${list(condition.hours.map((w) => `${w.from}-${w.to}`))}`);
  if (condition?.weekdays !== undefined) parts.push(`weekdays ${list(condition.weekdays)}`);
  if (condition?.dates !== undefined)
    parts.push(`dates ${list(condition.dates.map((r) => `${r.from}..${r.to}`))}`);
  const { date, clock, weekday, timeZone } = facts.local;
  return `local time ${weekday} ${date} ${clock} (${timeZone}); rule needs ${parts.join(" and ")}`;
}

function found(
  matchers: readonly KeywordMatcher[] | undefined,
  text: readonly string[],
): KeywordMatcher[] {
  return (matchers ?? []).filter((matcher) => containsKeyword(text, matcher));
}

function holdsKeywords(when: Conditions, facts: Facts, compiled: CompiledRule): boolean {
  if (when.keywords === undefined) return true;
  const { keywordsAny, keywordsNone } = compiled;
  return (
    (keywordsAny?.some((matcher) => containsKeyword(facts.words, matcher)) ?? true) &&
    !(keywordsNone?.some((matcher) => containsKeyword(facts.words, matcher)) ?? false)
  );
}

function explainKeywords(when: Conditions, facts: Facts, compiled: CompiledRule): string {
  const present = [
    ...found(compiled.keywordsAny, facts.words),
    ...found(compiled.keywordsNone, facts.words),
  ];
  const parts: string[] = [];
  if (when.keywords?.any !== undefined) parts.push(`any of ${list(when.keywords.any)}`);
  if (when.keywords?.none !== undefined) parts.push(`none of ${list(when.keywords.none)}`);
  const foundText =
    present.length === 0 ? "no listed keyword" : list(present.map((m) => `"${m.keyword}"`));
  return `description contains ${foundText}; rule needs ${parts.join(" and ")}`;
}

type Holds = (when: Conditions, facts: Facts, compiled: CompiledRule) => boolean;
type Explain = (when: Conditions, facts: Facts, compiled: CompiledRule) => string;

const evaluators: Readonly<Record<ConditionName, { holds: Holds; explain: Explain }>> = {
  types: { holds: holdsTypes, explain: explainTypes },
  severity: { holds: holdsSeverity, explain: explainSeverity },
  casualties: { holds: holdsCasualties, explain: explainCasualties },
  flags: { holds: holdsFlags, explain: explainFlags },
  kecamatan: { holds: holdsKecamatan, explain: explainKecamatan },
  time: { holds: holdsTime, explain: explainTime },
  keywords: { holds: holdsKeywords, explain: explainKeywords },
};

/** The fast path: stops at the first condition that fails and builds no text. */
export function ruleMatches(compiled: CompiledRule, facts: Facts): boolean {
  const when = compiled.rule.when;
  for (const name of conditionNames) {
    if (when[name] !== undefined && !evaluators[name].holds(when, facts, compiled)) return false;
  }
  return true;
}

/** Every condition the rule states, with the reason it holds or not, for the explanation trace. */
export function checkConditions(compiled: CompiledRule, facts: Facts): ConditionCheck[] {
  const when = compiled.rule.when;
  return conditionNames
    .filter((name) => when[name] !== undefined)
    .map((name) => {
      const { holds, explain } = evaluators[name];
      return {
        condition: name,
        holds: holds(when, facts, compiled),
        explanation: explain(when, facts, compiled),
      };
    });
}
