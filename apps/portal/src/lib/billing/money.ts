import type { Translator } from "#lib/i18n/index.ts";

// Amounts are whole rupiah everywhere (the API refuses anything else). They read `Rp 1.234.567` in both
// languages: an invoice is an Indonesian document in rupiah, and the page shows amounts exactly as its
// PDF prints them. `signDisplay: "negative"` keeps a credit note's empty line from reading `-Rp 0`.
const rupiah = new Intl.NumberFormat("id-ID", {
  style: "currency",
  currency: "IDR",
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
  signDisplay: "negative",
});
const grouped = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0, useGrouping: true });

export function formatRupiah(amount: number): string {
  return rupiah.format(amount);
}

/** A whole number as a form field shows it back for editing: `1.500.000`, which `parseWhole` reads again. */
export function groupedDigits(value: number): string {
  return grouped.format(value);
}

/**
 * Whole rupiah (or a count) as typed: `1500000`, `1.500.000` with dots as thousands separators, or
 * with `Rp` in front. Anything else is NaN, which the API names as the field to fix: a comma would be
 * cents, which rupiah amounts do not have.
 */
export function parseWhole(text: string): number {
  const digits = text.trim().replace(/^Rp\.?\s*/i, "");
  return /^(\d{1,3}(\.\d{3})+|\d+)$/.test(digits) ? Number(digits.replaceAll(".", "")) : Number.NaN;
}

/** A tax rate typed in percent (`11`, `11,5`, or `11.5`) as the API takes it, in basis points (1150); else NaN. */
export function basisPointsOfPercent(text: string): number {
  const match = /^(\d{1,3})(?:[,.](\d{1,2}))?\s*%?$/.exec(text.trim());
  if (!match) return Number.NaN;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** A rate in basis points as a percentage in the page's language: "11%", "11,5%". */
export function formatBasisPoints(i18n: Translator, basisPoints: number): string {
  return i18n.number(basisPoints / 10_000, { style: "percent", maximumFractionDigits: 2 });
}
