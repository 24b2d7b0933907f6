/** The audit log's filters, kept in the page's query string so a filtered view can be shared. */
export const filterNames = ["actor", "action", "targetType", "targetId", "from", "to"] as const;
export type FilterName = (typeof filterNames)[number];
export type AuditFilters = Partial<Record<FilterName, string>>;

/** The filters a URL names; blank values mean "no filter" and are left out. */
export function filtersFromUrl(url: URL): AuditFilters {
  const filters: AuditFilters = {};
  for (const name of filterNames) {
    const value = url.searchParams.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

/** The query string (without "?") for a set of filters, "" for none, in a stable order. */
export function filtersToQuery(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const name of filterNames) {
    const value = filters[name]?.trim();
    if (value) params.set(name, value);
  }
  return params.toString();
}
