import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import type { RouterOutputs } from "#lib/api/client.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { PageServerLoad } from "./$types";

/** The responder's agency's open assignments; read again (`incidents:mine`) after each report and every little while. */
export const load = (async (event) => {
  const { tenant } = await event.parent();
  if (!can(tenant.role, "incidents.respond")) error(404);
  event.depends("incidents:mine");
  const assignments = await loadFromApi<RouterOutputs["incidents"]["mine"]>(
    event.url,
    "incidents.mine",
    () => apiForRequest(event).incidents.mine.query({ tenantSlug: tenant.slug }),
  );
  return { assignments };
}) satisfies PageServerLoad;
