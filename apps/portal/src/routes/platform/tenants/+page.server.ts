import { requireTenantCreator } from "#lib/platform/guard.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { PageServerLoad } from "./$types";

/** Every tenant with its status and launch date (the national directory: no personal data). */
export const load = (async (event) => {
  requireTenantCreator(event.locals.me, event.url);
  const tenants = await loadFromApi(event.url, "national.tenants", () => apiForRequest(event).national.tenants.query({}));
  return { tenants };
}) satisfies PageServerLoad;
