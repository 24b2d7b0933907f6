import type { Translator } from "#lib/i18n/index.ts";

/** `part` of `whole` as a fraction, or null when there is no whole to share (no calls yet). */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** `part` of `whole` as a whole percentage in the page's language, or a dash when there is no whole. */
export function formatShare(i18n: Translator, part: number, whole: number): string {
  const share = shareOf(part, whole);
  return share === null ? "—" : i18n.number(share, { style: "percent", maximumFractionDigits: 0 });
}
