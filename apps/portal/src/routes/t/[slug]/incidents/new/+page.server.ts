import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import type { RouterOutputs } from "#lib/api/client.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { PageServerLoad } from "./$types";

/** Opening an incident by hand needs the region's kecamatan for its place. */
export const load = (async (event) => {
  const { tenant } = await event.parent();
  if (!can(tenant.role, "incidents.dispatch")) error(404);
  const districts = await loadFromApi<RouterOutputs["agencies"]["districts"]>(
    event.url,
    "agencies.districts",
    () => apiForRequest(event).agencies.districts.query({ tenantSlug: tenant.slug }),
  );
  return { districts };
}) satisfies PageServerLoad;
