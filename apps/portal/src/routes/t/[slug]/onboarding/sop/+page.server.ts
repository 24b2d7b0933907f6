import type { RouterOutputs } from "#lib/api/client.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { PageServerLoad } from "./$types";

export const load = (async (event) => {
  const { tenant } = await event.parent();
  const templates = await loadFromApi<RouterOutputs["onboarding"]["sopTemplates"]>(event.url, "onboarding.sopTemplates", () =>
    apiForRequest(event).onboarding.sopTemplates.query({ tenantSlug: tenant.slug }),
  );
  return { templates };
}) satisfies PageServerLoad;
