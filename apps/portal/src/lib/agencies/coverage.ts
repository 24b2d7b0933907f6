import type { Translator } from "#lib/i18n/index.ts";

/** Null (or none listed) is the whole kabupaten/kota, as the API stores it. */
export function coverageSummary(i18n: Translator, codes: readonly string[] | null): string {
  return codes && codes.length > 0
    ? i18n.t("agencies.coverage.count", { count: codes.length })
    : i18n.t("agencies.coverage.whole");
}
