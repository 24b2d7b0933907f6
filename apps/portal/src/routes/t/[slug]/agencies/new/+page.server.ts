import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import type { RouterOutputs } from "#lib/api/client.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { PageServerLoad } from "./$types";

export const load = (async (event) => {
  const { tenant } = await event.parent();
  if (!can(tenant.role, "agencies.edit")) error(404);
  const catalogue = await loadFromApi<RouterOutputs["agencies"]["catalogue"]>(event.url, "agencies.catalogue", () =>
    apiForRequest(event).agencies.catalogue.query({ tenantSlug: tenant.slug }),
  );
  return { catalogue };
}) satisfies PageServerLoad;
