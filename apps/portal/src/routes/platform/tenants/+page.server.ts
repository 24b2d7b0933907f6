import { requireTenantCreator } from "#lib/platform/guard.ts";
import { tenantListViewOf } from "#lib/platform/tenant-list.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { PageServerLoad } from "./$types";

/** One page of the tenants, searched and filtered as the URL says (the national directory: no personal data). */
export const load = (async (event) => {
  requireTenantCreator(event.locals.me, event.url);
  const view = tenantListViewOf(event.url.searchParams);
  if (!view) return { view: undefined, tenants: { status: "invalid", fields: {} } as const };
  const tenants = await loadFromApi(event.url, "tenants.list", () =>
    apiForRequest(event).tenants.list.query(view),
  );
  return { view, tenants };
}) satisfies PageServerLoad;
