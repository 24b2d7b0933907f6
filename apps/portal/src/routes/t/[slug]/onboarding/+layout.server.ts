import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import type { Checklist } from "#lib/onboarding/types.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { LayoutServerLoad } from "./$types";

/** Every step shows the step list, whose done marks come from the go-live checklist. */
export const load = (async (event) => {
  const { tenant } = await event.parent();
  if (!can(tenant.role, "onboarding.view")) error(404);
  const checklist = await loadFromApi<Checklist>(event.url, "onboarding.checklist", () =>
    apiForRequest(event).onboarding.checklist.query({ tenantSlug: tenant.slug }),
  );
  return { checklist };
}) satisfies LayoutServerLoad;
