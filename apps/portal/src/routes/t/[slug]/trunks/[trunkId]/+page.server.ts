import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import type { RouterOutputs } from "#lib/api/client.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { PageServerLoad } from "./$types";

type TrunkPage = {
  trunk: RouterOutputs["trunks"]["get"];
  history: RouterOutputs["trunks"]["history"];
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load = (async (event) => {
  const { tenant } = await event.parent();
  // Not an id at all is the same missing page as an id of no trunk here.
  if (!can(tenant.role, "trunks.view") || !uuid.test(event.params.trunkId)) error(404);
  const api = apiForRequest(event);
  const input = { tenantSlug: tenant.slug, trunkId: event.params.trunkId };
  const page = await loadFromApi<TrunkPage>(event.url, "trunks.get", async () => {
    const [trunk, history] = await Promise.all([
      api.trunks.get.query(input),
      api.trunks.history.query(input),
    ]);
    return { trunk, history };
  });
  return { page };
}) satisfies PageServerLoad;
