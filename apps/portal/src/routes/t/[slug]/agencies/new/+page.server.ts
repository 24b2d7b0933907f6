import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import type { RouterOutputs } from "#lib/api/client.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { PageServerLoad } from "./$types";

export const load = (async (event) => {
  const { tenant } = await event.parent();
  if (!can(tenant.role, "agencies.edit")) error(404);
  const api = apiForRequest(event);
  const [catalogue, districts] = await Promise.all([
    loadFromApi<RouterOutputs["agencies"]["catalogue"]>(event.url, "agencies.catalogue", () =>
      api.agencies.catalogue.query({ tenantSlug: tenant.slug }),
    ),
    loadFromApi<RouterOutputs["agencies"]["districts"]>(event.url, "agencies.districts", () =>
      api.agencies.districts.query({ tenantSlug: tenant.slug }),
    ),
  ]);
  return { catalogue, districts };
}) satisfies PageServerLoad;
