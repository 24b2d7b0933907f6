import { can } from "@sigap/tenancy/permissions";
import type { Checklist } from "#lib/onboarding/types.ts";
import { apiForRequest } from "#lib/server/session.ts";
import type { PageServerLoad } from "./$types";

/**
 * The overview invites the people who run onboarding back into it. A hint, not the page's purpose:
 * if the API cannot say, the overview shows without it.
 */
export const load = (async (event) => {
  const { tenant } = await event.parent();
  if (!can(tenant.role, "onboarding.view")) return { onboarding: null };
  try {
    const checklist: Checklist = await apiForRequest(event).onboarding.checklist.query({
      tenantSlug: tenant.slug,
    });
    return { onboarding: checklist.status === "onboarding" ? checklist : null };
  } catch {
    return { onboarding: null };
  }
}) satisfies PageServerLoad;
