import type { ConditionCheck, ConditionName, ConditionParams } from "@sigap/sop-engine";
import { zoneAbbreviation } from "#lib/adoption/time-zone.ts";
import type { Translator } from "#lib/i18n/index.ts";
import { formatDay } from "#lib/tenant/format.ts";
import type { ConditionsInput } from "./editor/types.ts";
import { wordsFor, type RegionNames } from "./engine-words.ts";
import { conditionWords } from "./rule-words.ts";

// The engine's English `explanation` is for developers; people read each condition check of the
// trace worded here from its condition and the values in its `params`: what the incident has, by
// name, then what the rule asks in the words of the rule's card, so the two read alike.

function traceWordsFor(i18n: Translator, names: RegionNames) {
  const references = { districts: names.districts ?? [] };
  return {
    ...wordsFor(i18n, names),
    /** What the rule asks; a condition with none of its parts given asks for any value. */
    asked: (when: ConditionsInput, condition: ConditionName) => {
      const phrases = conditionWords(i18n, when, condition, references);
      return phrases.length === 0 ? i18n.t("sop.trace.anyValue") : phrases.join("; ");
    },
  };
}

type TraceWords = ReturnType<typeof traceWordsFor>;

/** One condition's wording. */
type Wording<P> = (words: TraceWords, params: P) => string;

/** Flag names and keywords may hold commas of their own, so each is quoted in a list. */
function quotedList(items: readonly string[]): string {
  return items.map((item) => `\u201c${item}\u201d`).join(", ");
}

const checkWordings: { [C in ConditionName]: Wording<ConditionParams[C]> } = {
  types: ({ i18n, type, pattern }, { wanted, kinds, match }) => {
    const named = kinds
      .map((kind) =>
        kind.subtype === undefined
          ? i18n.t("sop.trace.kind.noSubtype", { type: type(kind.type) })
          : type(kind.subtype),
      )
      .join(" + ");
    return match === undefined
      ? i18n.t("sop.trace.types.unmatched", {
          kinds: named,
          patterns: wanted.map(pattern).join(", "),
        })
      : i18n.t("sop.trace.types.matches", { kinds: named, pattern: pattern(match) });
  },
  severity: ({ i18n, severity, asked }, params) => {
    const wanted = asked({ severity: params.wanted }, "severity");
    return params.severity === undefined
      ? i18n.t("sop.trace.severity.unknown", { wanted })
      : i18n.t("sop.trace.severity", { severity: severity(params.severity), wanted });
  },
  casualties: ({ i18n, asked }, params) => {
    const wanted = asked({ casualties: params.wanted }, "casualties");
    return params.casualties === undefined
      ? i18n.t("sop.trace.casualties.unknown", { wanted })
      : i18n.t("sop.trace.casualties", { count: params.casualties, wanted });
  },
  flags: ({ i18n, flag, asked }, params) => {
    const wanted = asked({ flags: params.wanted }, "flags");
    return params.flags.length === 0
      ? i18n.t("sop.trace.flags.none", { wanted })
      : i18n.t("sop.trace.flags", { flags: quotedList(params.flags.map(flag)), wanted });
  },
  kecamatan: ({ i18n, kecamatan, asked }, params) => {
    const wanted = asked({ kecamatan: params.wanted }, "kecamatan");
    return params.kecamatan === undefined
      ? i18n.t("sop.trace.kecamatan.unknown", { wanted })
      : i18n.t("sop.trace.kecamatan", { kecamatan: kecamatan(params.kecamatan), wanted });
  },
  time: ({ i18n, asked }, { wanted, local }) =>
    i18n.t("sop.trace.time", {
      weekday: i18n.t(`sop.weekday.${local.weekday}`),
      date: formatDay(i18n.locale, local.date),
      clock: local.clock,
      zone: zoneAbbreviation(local.timeZone),
      wanted: asked({ time: wanted }, "time"),
    }),
  keywords: ({ i18n, asked }, params) => {
    const wanted = asked({ keywords: params.wanted }, "keywords");
    return params.found.length === 0
      ? i18n.t("sop.trace.keywords.none", { wanted })
      : i18n.t("sop.trace.keywords", { found: quotedList(params.found), wanted });
  },
};

function wordCheck<C extends ConditionName>(
  words: TraceWords,
  condition: C,
  params: ConditionParams[C],
): string {
  return checkWordings[condition](words, params);
}

/** Why a condition of a rule held or not, as a sentence in the reader's language. */
export function conditionCheckMessage(
  i18n: Translator,
  check: ConditionCheck,
  names: RegionNames = {},
): string {
  return wordCheck(traceWordsFor(i18n, names), check.condition, check.params);
}
