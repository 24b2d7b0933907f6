import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import { filtersFromUrl } from "#lib/audit/filters.ts";
import type { AuditPage } from "#lib/audit/types.ts";
import { zoneFromUrl } from "#lib/audit/zones.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { requireSignedIn } from "#lib/tenant/guard.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { PageServerLoad } from "./$types";

/** Every tenant's audit log and the platform's own, for platform admins only (others: 404). */
export const load = (async (event) => {
  const me = requireSignedIn(event.locals.me, event.url);
  if (!me.user.platformRole || !can(me.user.platformRole, "audit.viewAll")) error(404);
  const filters = filtersFromUrl(event.url);
  const timeZone = zoneFromUrl(event.url);
  const log = await loadFromApi<AuditPage>(event.url, "audit.platformList", () =>
    apiForRequest(event).audit.platformList.query({ ...filters, timeZone }),
  );
  return { filters, timeZone, log };
}) satisfies PageServerLoad;
