import type { IncidentFlag, Severity } from "@sigap/sop-engine";
import type { Translator } from "#lib/i18n/index.ts";
import { incidentName, targetName, typeOptions, type TypeOption } from "./lab/catalogue.ts";
import type { District, TenantAgency } from "./lab/types.ts";
import { patternName } from "./rule-words.ts";

// The engine reports values as codes (plan keys, incident type codes, kecamatan codes, severities,
// flags); the wordings of its findings and of its trace say them the reader's way, by name.

/** What the words can name beyond the national catalogues; anything not given shows as its code. */
export interface RegionNames {
  readonly agencies?: readonly TenantAgency[];
  readonly districts?: readonly District[];
  /** Incident types with the ruleset's own subtypes; the national catalogue when not given. */
  readonly types?: readonly TypeOption[];
}

/** How many rule ids a sentence lists before "and 3 more". */
const shownRules = 3;

/** The values a wording names, said the reader's way. */
export function wordsFor(i18n: Translator, names: RegionNames) {
  const types = names.types ?? typeOptions(i18n.locale, []);
  const list = (items: readonly string[], shown: number) =>
    items.length <= shown
      ? items.join(", ")
      : i18n.t("sop.coverage.more", {
          shown: items.slice(0, shown).join(", "),
          count: items.length - shown,
        });
  return {
    i18n,
    list,
    agency: (key: string) => targetName(key, names.agencies ?? []),
    type: (code: string) => incidentName(types, code),
    pattern: (pattern: string) => patternName(i18n, types, pattern),
    kecamatan: (code: string) =>
      names.districts?.find((district) => district.code === code)?.name ?? code,
    /** Lower case, as it reads inside a sentence. */
    severity: (level: Severity) => i18n.t(`sopLab.severity.${level}`).toLowerCase(),
    flag: (flag: IncidentFlag) => i18n.t(`sopLab.flag.${flag}`),
    minutes: (count: number) => i18n.t("sop.words.minutes", { count }),
    rules: (ids: readonly string[]) =>
      i18n.t(ids.length === 1 ? "sop.finding.rules.one" : "sop.finding.rules.other", {
        rules: list(
          ids.map((id) => `\u201c${id}\u201d`),
          shownRules,
        ),
      }),
  };
}

export type Words = ReturnType<typeof wordsFor>;
