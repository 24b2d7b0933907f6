import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import type { RouterOutputs } from "#lib/api/client.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { PageServerLoad } from "./$types";

export const load = (async (event) => {
  const { tenant } = await event.parent();
  if (!can(tenant.role, "agencies.view")) error(404);
  const api = apiForRequest(event);
  const agencies = await loadFromApi<{ list: RouterOutputs["agencies"]["list"]; catalogue: RouterOutputs["agencies"]["catalogue"] }>(
    event.url,
    "agencies.list",
    async () => {
      const [list, catalogue] = await Promise.all([
        api.agencies.list.query({ tenantSlug: tenant.slug }),
        api.agencies.catalogue.query({ tenantSlug: tenant.slug }),
      ]);
      return { list, catalogue };
    },
  );
  return { agencies };
}) satisfies PageServerLoad;
