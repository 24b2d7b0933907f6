import { error } from "@sveltejs/kit";
import { tooDeep } from "@sigap/api/json-walk";
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
  const workspace = await loadFromApi<RouterOutputs["sop"]["workspace"]>(
    event.url,
    "sop.workspace",
    () => apiForRequest(event).sop.workspace.query({ tenantSlug: tenant.slug }),
  );
  // A draft stored before the API bounded nesting may be deeper than page data can be serialized;
  // it is reported instead of shown, so the SOP pages (and the version in force) stay reachable.
  if (workspace.status === "ok" && workspace.data.draft && tooDeep(workspace.data.draft.ruleset)) {
    return {
      workspace: { ...workspace, data: { ...workspace.data, draft: null } },
      unshowableDraft: true,
    };
  }
  return { workspace, unshowableDraft: false };
}) satisfies LayoutServerLoad;
