import type { RouterOutputs } from "#lib/api/client.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import { loadAgencyChoices } from "#lib/users/agencies.server.ts";
import type { PageServerLoad } from "./$types";

export const load = (async (event) => {
  const { tenant } = await event.parent();
  const [staff, agencies] = await Promise.all([
    loadFromApi<RouterOutputs["users"]["roleCounts"]>(event.url, "users.roleCounts", () =>
      apiForRequest(event).users.roleCounts.query({ tenantSlug: tenant.slug }),
    ),
    loadAgencyChoices(event, tenant.slug),
  ]);
  return { staff, agencies };
}) satisfies PageServerLoad;
