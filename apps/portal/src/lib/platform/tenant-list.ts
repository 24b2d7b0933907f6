import { tenantStatuses, type TenantStatus } from "#lib/national/filters.ts";

/**
 * What the tenant list shows, as its URL holds it (`?q=jawa&status=live&page=2`, and `pageSize` for
 * a longer or shorter page), so back, forward and a shared link show the same page. Numbers are
 * left for the API to judge; left out, its defaults apply.
 */
export interface TenantListView {
  query: string;
  status: TenantStatus | undefined;
  page: number | undefined;
  pageSize: number | undefined;
}

function numberParam(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name)?.trim();
  return raw ? Number(raw) : undefined;
}

/** The view a URL asks for; undefined for a status no tenant can have (reported, not dropped). */
export function tenantListViewOf(params: URLSearchParams): TenantListView | undefined {
  const rawStatus = params.get("status")?.trim() ?? "";
  const status = tenantStatuses.find((candidate) => candidate === rawStatus);
  if (rawStatus !== "" && status === undefined) return undefined;
  return {
    query: params.get("q")?.trim() ?? "",
    status,
    page: numberParam(params, "page"),
    pageSize: numberParam(params, "pageSize"),
  };
}

/** The query string of `view` turned to `page`; the first page and empty filters are left out. */
export function tenantListSearch(view: TenantListView, page: number): string {
  const params = new URLSearchParams();
  if (view.query !== "") params.set("q", view.query);
  if (view.status !== undefined) params.set("status", view.status);
  if (view.pageSize !== undefined) params.set("pageSize", String(view.pageSize));
  if (page > 1) params.set("page", String(page));
  return params.toString();
}
