import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import type { RouterOutputs } from "#lib/api/client.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { PageServerLoad } from "./$types";

export const load = (async (event) => {
  const { tenant } = await event.parent();
  if (!can(tenant.role, "trunks.view")) error(404);
  const trunks = await loadFromApi<RouterOutputs["trunks"]["list"]>(event.url, "trunks.list", () =>
    apiForRequest(event).trunks.list.query({ tenantSlug: tenant.slug }),
  );
  return { trunks };
}) satisfies PageServerLoad;
