import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import type { RouterOutputs } from "#lib/api/client.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { LayoutServerLoad } from "./$types";

/** Every SOP page works on the same workspace: the draft, the version in force, the versions and the references. */
export const load = (async (event) => {
  const { tenant } = await event.parent();
  if (!can(tenant.role, "sop.view")) error(404);
  event.depends("sop:workspace");
  const workspace = await loadFromApi<RouterOutputs["sop"]["workspace"]>(event.url, "sop.workspace", () =>
    apiForRequest(event).sop.workspace.query({ tenantSlug: tenant.slug }),
  );
  return { workspace };
}) satisfies LayoutServerLoad;
