import { severityRank } from "./catalogue/flags.ts";
import type { CompiledRule } from "./compile.ts";
import type { ConditionParams } from "./condition-params.ts";
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

/** A check of one of `C`'s conditions, each condition with its own params (see condition-params.ts). */
export type ConditionCheck<C extends ConditionName = ConditionName> = {
  readonly [K in C]: {
    readonly condition: K;
    readonly holds: boolean;
    /** English, for developers (the CLI, logs); readers word a check from `condition` and `params`. */
    readonly explanation: string;
    readonly params: ConditionParams[K];
  };
}[C];

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
function kindsText(kinds: readonly IncidentKind[]): string {
  return kinds.map((kind) => kind.subtype ?? `${kind.type} (no subtype)`).join(" + ");
}

function holdsTypes(when: Conditions, facts: Facts): boolean {
  return when.types === undefined || matchesTypes(when.types, facts) !== undefined;
}

function describeTypes(
  wanted: ConditionParams["types"]["wanted"],
  facts: Facts,
): ConditionParams["types"] {
  const match = matchesTypes(wanted, facts);
  return { wanted, kinds: facts.incident.types, ...(match === undefined ? {} : { match }) };
}

function explainTypes({ wanted, kinds, match }: ConditionParams["types"]): string {
  return match === undefined
    ? `incident ${kindsText(kinds)} is not one of ${list(wanted)}`
    : `incident ${kindsText(kinds)} matches ${match}`;
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

function describeSeverity(
  wanted: ConditionParams["severity"]["wanted"],
  facts: Facts,
): ConditionParams["severity"] {
  const { severity } = facts.incident;
  return { wanted, ...(severity === undefined ? {} : { severity }) };
}

function explainSeverity({ wanted, severity }: ConditionParams["severity"]): string {
  return `severity ${severity ?? "unknown"}; rule needs ${rangeText(wanted.atLeast, wanted.atMost)}`;
}

function holdsCasualties(when: Conditions, facts: Facts): boolean {
  const condition = when.casualties;
  if (condition === undefined) return true;
  const { casualties } = facts.incident;
  return casualties !== undefined && inRange(casualties, condition.atLeast, condition.atMost);
}

function describeCasualties(
  wanted: ConditionParams["casualties"]["wanted"],
  facts: Facts,
): ConditionParams["casualties"] {
  const { casualties } = facts.incident;
  return { wanted, ...(casualties === undefined ? {} : { casualties }) };
}

function explainCasualties({ wanted, casualties }: ConditionParams["casualties"]): string {
  return `casualties ${casualties ?? "unknown"}; rule needs ${rangeText(wanted.atLeast, wanted.atMost)}`;
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

function describeFlags(
  wanted: ConditionParams["flags"]["wanted"],
  facts: Facts,
): ConditionParams["flags"] {
  return { wanted, flags: facts.incident.flags ?? [] };
}

function explainFlags({ wanted, flags }: ConditionParams["flags"]): string {
  const parts: string[] = [];
  if (wanted.all !== undefined) parts.push(`all of ${list(wanted.all)}`);
  if (wanted.any !== undefined) parts.push(`any of ${list(wanted.any)}`);
  if (wanted.none !== undefined) parts.push(`none of ${list(wanted.none)}`);
  return `flags set: ${flags.length === 0 ? "none" : list(flags)}; rule needs ${parts.join(" and ")}`;
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

function describeKecamatan(
  wanted: ConditionParams["kecamatan"]["wanted"],
  facts: Facts,
): ConditionParams["kecamatan"] {
  const { kecamatan } = facts.incident;
  return { wanted, ...(kecamatan === undefined ? {} : { kecamatan }) };
}

function explainKecamatan({ wanted, kecamatan }: ConditionParams["kecamatan"]): string {
  const parts: string[] = [];
  if (wanted.in !== undefined) parts.push(`one of ${list(wanted.in)}`);
  if (wanted.notIn !== undefined) parts.push(`none of ${list(wanted.notIn)}`);
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

function describeTime(
  wanted: ConditionParams["time"]["wanted"],
  facts: Facts,
): ConditionParams["time"] {
  return { wanted, local: facts.local };
}

function explainTime({ wanted, local }: ConditionParams["time"]): string {
  const parts: string[] = [];
  if (wanted.hours !== undefined)
    parts.push(`hours ${list(wanted.hours.map((w) => `${w.from}-${w.to}`))}`);
  if (wanted.weekdays !== undefined) parts.push(`weekdays ${list(wanted.weekdays)}`);
  if (wanted.dates !== undefined)
    parts.push(`dates ${list(wanted.dates.map((r) => `${r.from}..${r.to}`))}`);
  const { date, clock, weekday, timeZone } = local;
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

function describeKeywords(
  wanted: ConditionParams["keywords"]["wanted"],
  facts: Facts,
  compiled: CompiledRule,
): ConditionParams["keywords"] {
  const present = [
    ...found(compiled.keywordsAny, facts.words),
    ...found(compiled.keywordsNone, facts.words),
  ];
  return { wanted, found: present.map((matcher) => matcher.keyword) };
}

function explainKeywords({ wanted, found: present }: ConditionParams["keywords"]): string {
  const parts: string[] = [];
  if (wanted.any !== undefined) parts.push(`any of ${list(wanted.any)}`);
  if (wanted.none !== undefined) parts.push(`none of ${list(wanted.none)}`);
  const foundText =
    present.length === 0 ? "no listed keyword" : list(present.map((keyword) => `"${keyword}"`));
  return `description contains ${foundText}; rule needs ${parts.join(" and ")}`;
}

/** How one condition is checked, and described for the trace. */
interface Evaluator<C extends ConditionName> {
  /** Whether it holds; the fast path, building nothing. */
  readonly holds: (when: Conditions, facts: Facts, compiled: CompiledRule) => boolean;
  /** The values it compares. */
  readonly describe: (
    wanted: NonNullable<Conditions[C]>,
    facts: Facts,
    compiled: CompiledRule,
  ) => ConditionParams[C];
  /** Those values in English, for developers. */
  readonly explain: (params: ConditionParams[C]) => string;
}

const evaluators: { readonly [C in ConditionName]: Evaluator<C> } = {
  types: { holds: holdsTypes, describe: describeTypes, explain: explainTypes },
  severity: { holds: holdsSeverity, describe: describeSeverity, explain: explainSeverity },
  casualties: { holds: holdsCasualties, describe: describeCasualties, explain: explainCasualties },
  flags: { holds: holdsFlags, describe: describeFlags, explain: explainFlags },
  kecamatan: { holds: holdsKecamatan, describe: describeKecamatan, explain: explainKecamatan },
  time: { holds: holdsTime, describe: describeTime, explain: explainTime },
  keywords: { holds: holdsKeywords, describe: describeKeywords, explain: explainKeywords },
};

/** The fast path: stops at the first condition that fails and builds no text. */
export function ruleMatches(compiled: CompiledRule, facts: Facts): boolean {
  const when = compiled.rule.when;
  for (const name of conditionNames) {
    if (when[name] !== undefined && !evaluators[name].holds(when, facts, compiled)) return false;
  }
  return true;
}

/** One condition's check, or nothing when the rule does not state it. */
function checkCondition<C extends ConditionName>(
  name: C,
  compiled: CompiledRule,
  facts: Facts,
): ConditionCheck<C> | undefined {
  const when = compiled.rule.when;
  const wanted = when[name];
  if (wanted === undefined) return undefined;
  const { holds, describe, explain } = evaluators[name];
  const params = describe(wanted, facts, compiled);
  return {
    condition: name,
    holds: holds(when, facts, compiled),
    explanation: explain(params),
    params,
  };
}

/** Every condition the rule states, with the values it compared, for the explanation trace. */
export function checkConditions(compiled: CompiledRule, facts: Facts): ConditionCheck[] {
  return conditionNames.flatMap((name) => checkCondition(name, compiled, facts) ?? []);
}
