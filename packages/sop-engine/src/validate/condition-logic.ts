import { severityRank } from "../catalogue/flags.ts";
import type { NeverMatchesParams } from "../finding-params.ts";
import type { PathSegment } from "../findings.ts";
import { containsKeyword, keywordMatcher, type KeywordMatcher } from "../keywords.ts";
import { minuteOfDay } from "../local-time.ts";
import type { Conditions } from "../schema/ruleset.ts";

export interface Contradiction {
  /** Path from the rule's `when`. */
  readonly path: readonly PathSegment[];
  /** English, completing "This rule never matches: …". */
  readonly reason: string;
  readonly params: NeverMatchesParams;
}

/**
 * Whether every text containing `outer` also contains `inner`. Only exact reasoning is used: a
 * prefix keyword's last word may grow, so it is not relied upon (no false alarms, some misses).
 */
function keywordImplies(outer: KeywordMatcher, inner: KeywordMatcher): boolean {
  const certainWords = outer.lastWordIsPrefix ? outer.words.slice(0, -1) : outer.words;
  return containsKeyword(certainWords, inner);
}

interface Interval {
  readonly from: number;
  readonly to: number;
}

/** Local-time windows as sorted, merged, non-wrapping minute intervals. */
function minuteIntervals(
  windows: readonly { readonly from: string; readonly to: string }[],
): Interval[] {
  const raw: Interval[] = [];
  for (const window of windows) {
    const from = minuteOfDay(window.from);
    const to = minuteOfDay(window.to);
    if (from < to) raw.push({ from, to });
    else if (from > to) raw.push({ from, to: 1440 }, { from: 0, to });
  }
  raw.sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const interval of raw) {
    const last = merged.at(-1);
    if (last !== undefined && interval.from <= last.to)
      merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, interval.to) };
    else merged.push(interval);
  }
  return merged;
}

export function contradictions(when: Conditions): Contradiction[] {
  const found: Contradiction[] = [];
  const { severity, casualties, flags, kecamatan, time, keywords } = when;
  if (
    severity?.atLeast !== undefined &&
    severity.atMost !== undefined &&
    severityRank(severity.atLeast) > severityRank(severity.atMost)
  ) {
    found.push({
      path: ["severity"],
      reason: `severity cannot be at least ${severity.atLeast} and at most ${severity.atMost}`,
      params: { reason: "severity_range", atLeast: severity.atLeast, atMost: severity.atMost },
    });
  }
  if (
    casualties?.atLeast !== undefined &&
    casualties.atMost !== undefined &&
    casualties.atLeast > casualties.atMost
  ) {
    found.push({
      path: ["casualties"],
      reason: `casualties cannot be at least ${casualties.atLeast} and at most ${casualties.atMost}`,
      params: {
        reason: "casualties_range",
        atLeast: casualties.atLeast,
        atMost: casualties.atMost,
      },
    });
  }
  const excludedFlags = new Set(flags?.none);
  const requiredAndExcluded = flags?.all?.filter((flag) => excludedFlags.has(flag)) ?? [];
  if (requiredAndExcluded.length > 0) {
    found.push({
      path: ["flags"],
      reason: `flags ${requiredAndExcluded.join(", ")} are both required and excluded`,
      params: { reason: "flags_required_and_excluded", flags: requiredAndExcluded },
    });
  }
  if (flags?.any?.every((flag) => excludedFlags.has(flag)) === true) {
    found.push({
      path: ["flags", "any"],
      reason: "every flag in `any` is also in `none`",
      params: { reason: "flags_any_excluded" },
    });
  }
  const excludedKecamatan = new Set(kecamatan?.notIn);
  if (kecamatan?.in?.every((code) => excludedKecamatan.has(code)) === true) {
    found.push({
      path: ["kecamatan"],
      reason: "every kecamatan in `in` is also in `notIn`",
      params: { reason: "kecamatan_all_excluded" },
    });
  }
  if (time?.hours !== undefined && minuteIntervals(time.hours).length === 0) {
    found.push({
      path: ["time", "hours"],
      reason: "every hour window is empty (`from` equals `to`)",
      params: { reason: "hours_empty" },
    });
  }
  if (time?.dates?.every((range) => range.from > range.to) === true) {
    found.push({
      path: ["time", "dates"],
      reason: "every date range ends before it starts",
      params: { reason: "dates_reversed" },
    });
  }
  const wanted = keywords?.any?.map(keywordMatcher);
  const forbidden = keywords?.none?.map(keywordMatcher) ?? [];
  if (wanted?.every((matcher) => matcher.words.length === 0) === true) {
    found.push({
      path: ["keywords", "any"],
      reason: "no keyword in `any` contains a letter or digit",
      params: { reason: "keywords_without_letters" },
    });
  } else if (
    wanted?.every((matcher) => forbidden.some((excluded) => keywordImplies(matcher, excluded))) ===
    true
  ) {
    found.push({
      path: ["keywords"],
      reason: "every keyword in `any` contains a keyword from `none`",
      params: { reason: "keywords_all_excluded" },
    });
  }
  return found;
}

/**
 * A rule's conditions in the shape implication checks need (sets, minute intervals, matchers),
 * built once per rule: validation compares many pairs of rules and must stay well under 200 ms.
 */
export interface ConditionSummary {
  readonly types: readonly TypePattern[] | undefined;
  readonly severity: NumberRange | undefined;
  readonly casualties: NumberRange | undefined;
  readonly flags:
    | {
        readonly all: ReadonlySet<string>;
        readonly any: readonly string[] | undefined;
        readonly none: ReadonlySet<string>;
      }
    | undefined;
  readonly kecamatan:
    | {
        readonly possible: ReadonlySet<string> | undefined;
        readonly excluded: ReadonlySet<string>;
        readonly in: ReadonlySet<string> | undefined;
        readonly notIn: readonly string[] | undefined;
      }
    | undefined;
  readonly time:
    | {
        readonly hours: readonly Interval[] | undefined;
        readonly weekdays: ReadonlySet<string> | undefined;
        readonly dates: readonly { readonly from: string; readonly to: string }[] | undefined;
      }
    | undefined;
  readonly keywords:
    | {
        readonly any: readonly KeywordMatcher[] | undefined;
        readonly none: readonly KeywordMatcher[];
      }
    | undefined;
}

interface TypePattern {
  readonly pattern: string;
  /** `fire.` for `fire.*`, so a subtype pattern is tested with `startsWith` without allocating. */
  readonly wildcardPrefix: string | undefined;
}

interface NumberRange {
  readonly low: number;
  readonly high: number;
}

export function summarise(when: Conditions): ConditionSummary {
  const { severity, casualties, flags, kecamatan, time, keywords } = when;
  const excludedKecamatan = new Set(kecamatan?.notIn);
  return {
    types: when.types?.map((pattern) => ({
      pattern,
      wildcardPrefix: pattern.endsWith(".*") ? pattern.slice(0, -1) : undefined,
    })),
    severity:
      severity === undefined
        ? undefined
        : {
            low: severity.atLeast === undefined ? 0 : severityRank(severity.atLeast),
            high: severity.atMost === undefined ? Infinity : severityRank(severity.atMost),
          },
    casualties:
      casualties === undefined
        ? undefined
        : { low: casualties.atLeast ?? 0, high: casualties.atMost ?? Infinity },
    flags:
      flags === undefined
        ? undefined
        : { all: new Set(flags.all), any: flags.any, none: new Set(flags.none) },
    kecamatan:
      kecamatan === undefined
        ? undefined
        : {
            possible:
              kecamatan.in === undefined
                ? undefined
                : new Set(kecamatan.in.filter((code) => !excludedKecamatan.has(code))),
            excluded: excludedKecamatan,
            in: kecamatan.in === undefined ? undefined : new Set(kecamatan.in),
            notIn: kecamatan.notIn,
          },
    time:
      time === undefined
        ? undefined
        : {
            hours: time.hours === undefined ? undefined : minuteIntervals(time.hours),
            weekdays: time.weekdays === undefined ? undefined : new Set(time.weekdays),
            dates: time.dates,
          },
    keywords:
      keywords === undefined
        ? undefined
        : {
            any: keywords.any?.map(keywordMatcher),
            none: (keywords.none ?? []).map(keywordMatcher),
          },
  };
}

function everyIn(items: Iterable<string>, set: ReadonlySet<string>): boolean {
  for (const item of items) if (!set.has(item)) return false;
  return true;
}

function typesImply(r: ConditionSummary, s: ConditionSummary): boolean {
  if (s.types === undefined) return true;
  if (r.types === undefined) return false;
  const general = s.types;
  return r.types.every(({ pattern }) =>
    general.some((candidate) =>
      candidate.wildcardPrefix === undefined
        ? candidate.pattern === pattern
        : pattern.startsWith(candidate.wildcardPrefix),
    ),
  );
}

function rangeImplies(r: NumberRange | undefined, s: NumberRange | undefined): boolean {
  if (s === undefined) return true;
  // Without a condition of its own, r matches incidents where the fact is unknown; s never does.
  if (r === undefined) return false;
  return r.low >= s.low && r.high <= s.high;
}

const noFlags: ReadonlySet<string> = new Set();

function flagsImply(r: ConditionSummary, s: ConditionSummary): boolean {
  const general = s.flags;
  if (general === undefined) return true;
  const required = r.flags?.all ?? noFlags;
  const excluded = r.flags?.none ?? noFlags;
  const specificAny = r.flags?.any;
  return (
    everyIn(general.all, required) &&
    everyIn(general.none, excluded) &&
    (general.any === undefined ||
      general.any.some((flag) => required.has(flag)) ||
      (specificAny !== undefined &&
        specificAny.every((flag) => general.any?.includes(flag) === true)))
  );
}

function kecamatanImply(r: ConditionSummary, s: ConditionSummary): boolean {
  const general = s.kecamatan;
  if (general === undefined) return true;
  const specific = r.kecamatan;
  if (specific === undefined) return false;
  const possible = specific.possible;
  const generalIn = general.in;
  const inOk = generalIn === undefined || (possible !== undefined && everyIn(possible, generalIn));
  const notInOk =
    general.notIn === undefined ||
    general.notIn.every(
      (code) => specific.excluded.has(code) || (possible !== undefined && !possible.has(code)),
    );
  return inOk && notInOk;
}

function intervalsContained(inner: readonly Interval[], outer: readonly Interval[]): boolean {
  return inner.every((interval) =>
    outer.some((candidate) => candidate.from <= interval.from && interval.to <= candidate.to),
  );
}

function timeImplies(r: ConditionSummary, s: ConditionSummary): boolean {
  const general = s.time;
  if (general === undefined) return true;
  const specific = r.time;
  if (specific === undefined) return false;
  const hoursOk =
    general.hours === undefined ||
    (specific.hours !== undefined && intervalsContained(specific.hours, general.hours));
  const weekdaysOk =
    general.weekdays === undefined ||
    (specific.weekdays !== undefined && everyIn(specific.weekdays, general.weekdays));
  const datesOk =
    general.dates === undefined ||
    (specific.dates !== undefined &&
      specific.dates.every((range) =>
        general.dates?.some((outer) => outer.from <= range.from && range.to <= outer.to),
      ));
  return hoursOk && weekdaysOk && datesOk;
}

function keywordsImply(r: ConditionSummary, s: ConditionSummary): boolean {
  const general = s.keywords;
  if (general === undefined) return true;
  const wanted = r.keywords?.any;
  const forbidden = r.keywords?.none ?? [];
  const anyOk =
    general.any === undefined ||
    (wanted !== undefined &&
      wanted.every((keyword) =>
        general.any?.some((candidate) => keywordImplies(keyword, candidate)),
      ));
  const noneOk = general.none.every((candidate) =>
    forbidden.some((excluded) => keywordImplies(candidate, excluded)),
  );
  return anyOk && noneOk;
}

/**
 * Whether every incident and moment matching `r` also matches `s`. Sound but not complete: `true`
 * is always right, `false` may miss an implication that needs reasoning across conditions.
 * Selective checks come first, since most pairs fail.
 */
export function conditionsImply(r: ConditionSummary, s: ConditionSummary): boolean {
  return (
    typesImply(r, s) &&
    kecamatanImply(r, s) &&
    rangeImplies(r.severity, s.severity) &&
    rangeImplies(r.casualties, s.casualties) &&
    flagsImply(r, s) &&
    timeImplies(r, s) &&
    keywordsImply(r, s)
  );
}
