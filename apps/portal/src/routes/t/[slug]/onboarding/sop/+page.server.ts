import type { RouterOutputs } from "#lib/api/client.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { PageServerLoad } from "./$types";

export const load = (async (event) => {
  const { tenant } = await event.parent();
  event.depends("sop:workspace");
  const api = apiForRequest(event);
  const [templates, workspace] = await Promise.all([
    loadFromApi<RouterOutputs["onboarding"]["sopTemplates"]>(
      event.url,
      "onboarding.sopTemplates",
      () => api.onboarding.sopTemplates.query({ tenantSlug: tenant.slug }),
    ),
    loadFromApi<RouterOutputs["sop"]["workspace"]>(event.url, "sop.workspace", () =>
      api.sop.workspace.query({ tenantSlug: tenant.slug }),
    ),
  ]);
  return { templates, workspace };
}) satisfies PageServerLoad;
