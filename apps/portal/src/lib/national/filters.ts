import type { RouterOutputs } from "#lib/api/client.ts";

export type TenantStatus = RouterOutputs["national"]["tenants"][number]["status"];
export const tenantStatuses: readonly TenantStatus[] = [
  "prospect",
  "onboarding",
  "live",
  "suspended",
];

/** What the national procedures take; the page's query string holds it as `?province=35&status=live`. */
export interface NationalFilters {
  provinceCode?: string;
  status?: TenantStatus;
}

/** The trend's ranges besides "since the first launch": the last 12 or 24 months (`?months=12`). */
export const trendRanges = [12, 24] as const;
export type TrendRange = (typeof trendRanges)[number];

export type ParsedFilters =
  { valid: true; filters: NationalFilters; months: TrendRange | undefined } | { valid: false };

function isTenantStatus(value: string): value is TenantStatus {
  return (tenantStatuses as readonly string[]).includes(value);
}

/**
 * The filters a shared or bookmarked URL names. A malformed one is reported rather than dropped:
 * silently showing the whole country under a "Jawa Timur" link would misstate the figures.
 */
export function filtersFromUrl(url: URL): ParsedFilters {
  const province = url.searchParams.get("province")?.trim() ?? "";
  const status = url.searchParams.get("status")?.trim() ?? "";
  const months = url.searchParams.get("months")?.trim() ?? "";
  const range = trendRanges.find((candidate) => String(candidate) === months);
  if (province && !/^\d{2}$/.test(province)) return { valid: false };
  if (months && range === undefined) return { valid: false };
  const filters: NationalFilters = {};
  if (province) filters.provinceCode = province;
  if (status) {
    if (!isTenantStatus(status)) return { valid: false };
    filters.status = status;
  }
  return { valid: true, filters, months: range };
}
