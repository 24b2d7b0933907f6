import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import type { RouterOutputs } from "#lib/api/client.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { PageServerLoad } from "./$types";

export const load = (async (event) => {
  const { tenant } = await event.parent();
  if (!can(tenant.role, "trunks.view")) error(404);
  const [trunks, destination] = await Promise.all([
    loadFromApi<RouterOutputs["trunks"]["list"]>(event.url, "trunks.list", () =>
      apiForRequest(event).trunks.list.query({ tenantSlug: tenant.slug }),
    ),
    loadFromApi<RouterOutputs["trunks"]["destination"]>(event.url, "trunks.destination", () =>
      apiForRequest(event).trunks.destination.query({ tenantSlug: tenant.slug }),
    ),
  ]);
  return { trunks, destination };
}) satisfies PageServerLoad;
