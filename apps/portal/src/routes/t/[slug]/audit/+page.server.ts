import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import { filtersFromUrl } from "#lib/audit/filters.ts";
import type { AuditPage } from "#lib/audit/types.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { PageServerLoad } from "./$types";

export const load = (async (event) => {
  const { tenant } = await event.parent();
  if (!can(tenant.role, "audit.view")) error(404);
  const filters = filtersFromUrl(event.url);
  const log = await loadFromApi<AuditPage>(event.url, "audit.list", () =>
    apiForRequest(event).audit.list.query({ tenantSlug: tenant.slug, ...filters }),
  );
  return { filters, log };
}) satisfies PageServerLoad;
