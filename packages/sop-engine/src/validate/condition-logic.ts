import { severityRank } from "../catalogue/flags.ts";
import type { PathSegment } from "../findings.ts";
import { containsKeyword, keywordMatcher, type KeywordMatcher } from "../keywords.ts";
import { minuteOfDay } from "../local-time.ts";
import type { Conditions } from "../schema/ruleset.ts";

export interface Contradiction {
  /** Path from the rule's `when`. */
  readonly path: readonly PathSegment[];
  readonly reason: string;
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
function minuteIntervals(windows: readonly { readonly from: string; readonly to: string }[]): Interval[] {
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
    if (last !== undefined && interval.from <= last.to) merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, interval.to) };
    else merged.push(interval);
  }
  return merged;
}

export function contradictions(when: Conditions): Contradiction[] {
  const found: Contradiction[] = [];
  const { severity, casualties, flags, kecamatan, time, keywords } = when;
  if (severity?.atLeast !== undefined && severity.atMost !== undefined && severityRank(severity.atLeast) > severityRank(severity.atMost)) {
    found.push({ path: ["severity"], reason: `severity cannot be at least ${severity.atLeast} and at most ${severity.atMost}` });
  }
  if (casualties?.atLeast !== undefined && casualties.atMost !== undefined && casualties.atLeast > casualties.atMost) {
    found.push({ path: ["casualties"], reason: `casualties cannot be at least ${casualties.atLeast} and at most ${casualties.atMost}` });
  }
  const excludedFlags = new Set(flags?.none);
  const requiredAndExcluded = flags?.all?.filter((flag) => excludedFlags.has(flag)) ?? [];
  if (requiredAndExcluded.length > 0) {
    found.push({ path: ["flags"], reason: `flags ${requiredAndExcluded.join(", ")} are both required and excluded` });
  }
  if (flags?.any?.every((flag) => excludedFlags.has(flag)) === true) {
    found.push({ path: ["flags", "any"], reason: "every flag in `any` is also in `none`" });
  }
  const excludedKecamatan = new Set(kecamatan?.notIn);
  if (kecamatan?.in?.every((code) => excludedKecamatan.has(code)) === true) {
    found.push({ path: ["kecamatan"], reason: "every kecamatan in `in` is also in `notIn`" });
  }
  if (time?.hours !== undefined && minuteIntervals(time.hours).length === 0) {
    found.push({ path: ["time", "hours"], reason: "every hour window is empty (`from` equals `to`)" });
  }
  if (time?.dates?.every((range) => range.from > range.to) === true) {
    found.push({ path: ["time", "dates"], reason: "every date range ends before it starts" });
  }
  const wanted = keywords?.any?.map(keywordMatcher);
  const forbidden = keywords?.none?.map(keywordMatcher) ?? [];
  if (wanted?.every((matcher) => matcher.words.length === 0) === true) {
    found.push({ path: ["keywords", "any"], reason: "no keyword in `any` contains a letter or digit" });
  } else if (wanted?.every((matcher) => forbidden.some((excluded) => keywordImplies(matcher, excluded))) === true) {
    found.push({ path: ["keywords"], reason: "every keyword in `any` contains a keyword from `none`" });
  }
  return found;
}

function subset<T>(inner: readonly T[] | undefined, outer: readonly T[] | undefined): boolean {
  if (inner === undefined || outer === undefined) return false;
  const outerSet = new Set(outer);
  return inner.every((item) => outerSet.has(item));
}

function typesImply(r: Conditions, s: Conditions): boolean {
  if (s.types === undefined) return true;
  if (r.types === undefined) return false;
  const general = s.types;
  return r.types.every((pattern) =>
    general.some((candidate) => candidate === pattern || (candidate.endsWith(".*") && pattern.startsWith(candidate.slice(0, -1)))),
  );
}

function rangeImplies(
  r: { atLeast?: number | undefined; atMost?: number | undefined } | undefined,
  s: { atLeast?: number | undefined; atMost?: number | undefined } | undefined,
): boolean {
  if (s === undefined) return true;
  // Without a condition of its own, r matches incidents where the fact is unknown; s never does.
  if (r === undefined) return false;
  const lowR = r.atLeast ?? 0;
  const highR = r.atMost ?? Infinity;
  return lowR >= (s.atLeast ?? 0) && highR <= (s.atMost ?? Infinity);
}

function severityAsNumbers(range: Conditions["severity"]): { atLeast?: number; atMost?: number } | undefined {
  if (range === undefined) return undefined;
  return {
    ...(range.atLeast === undefined ? {} : { atLeast: severityRank(range.atLeast) }),
    ...(range.atMost === undefined ? {} : { atMost: severityRank(range.atMost) }),
  };
}

function flagsImply(r: Conditions, s: Conditions): boolean {
  const general = s.flags;
  if (general === undefined) return true;
  const required = r.flags?.all ?? [];
  const excluded = r.flags?.none ?? [];
  const requiredSet = new Set(required);
  const allOk = (general.all ?? []).every((flag) => requiredSet.has(flag));
  const noneOk = subset(general.none ?? [], excluded);
  const anyOk =
    general.any === undefined || general.any.some((flag) => requiredSet.has(flag)) || subset(r.flags?.any, general.any);
  return allOk && noneOk && anyOk;
}

function kecamatanImply(r: Conditions, s: Conditions): boolean {
  const general = s.kecamatan;
  if (general === undefined) return true;
  const specific = r.kecamatan;
  if (specific === undefined) return false;
  const excludedByR = new Set(specific.notIn);
  const possible = specific.in?.filter((code) => !excludedByR.has(code));
  const inOk = general.in === undefined || subset(possible, general.in);
  const notInOk =
    general.notIn === undefined ||
    general.notIn.every((code) => excludedByR.has(code) || (possible !== undefined && !possible.includes(code)));
  return inOk && notInOk;
}

function intervalsContained(inner: readonly Interval[], outer: readonly Interval[]): boolean {
  return inner.every((interval) => outer.some((candidate) => candidate.from <= interval.from && interval.to <= candidate.to));
}

function timeImplies(r: Conditions, s: Conditions): boolean {
  const general = s.time;
  if (general === undefined) return true;
  const specific = r.time;
  if (specific === undefined) return false;
  const hoursOk =
    general.hours === undefined ||
    (specific.hours !== undefined && intervalsContained(minuteIntervals(specific.hours), minuteIntervals(general.hours)));
  const weekdaysOk = general.weekdays === undefined || subset(specific.weekdays, general.weekdays);
  const datesOk =
    general.dates === undefined ||
    (specific.dates !== undefined &&
      specific.dates.every((range) => general.dates?.some((outer) => outer.from <= range.from && range.to <= outer.to)));
  return hoursOk && weekdaysOk && datesOk;
}

function keywordsImply(r: Conditions, s: Conditions): boolean {
  const general = s.keywords;
  if (general === undefined) return true;
  const wanted = r.keywords?.any?.map(keywordMatcher);
  const forbidden = r.keywords?.none?.map(keywordMatcher) ?? [];
  const anyOk =
    general.any === undefined ||
    (wanted !== undefined &&
      wanted.every((keyword) => general.any?.some((candidate) => keywordImplies(keyword, keywordMatcher(candidate)))));
  const noneOk = (general.none ?? []).every((candidate) => {
    const matcher = keywordMatcher(candidate);
    return forbidden.some((excluded) => keywordImplies(matcher, excluded));
  });
  return anyOk && noneOk;
}

/**
 * Whether every incident and moment matching `r` also matches `s`. Sound but not complete: `true`
 * is always right, `false` may miss an implication that needs reasoning across conditions.
 */
export function conditionsImply(r: Conditions, s: Conditions): boolean {
  return (
    typesImply(r, s) &&
    rangeImplies(severityAsNumbers(r.severity), severityAsNumbers(s.severity)) &&
    rangeImplies(r.casualties, s.casualties) &&
    flagsImply(r, s) &&
    kecamatanImply(r, s) &&
    timeImplies(r, s) &&
    keywordsImply(r, s)
  );
}
