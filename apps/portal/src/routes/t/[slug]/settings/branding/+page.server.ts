import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import { loadBranding } from "#lib/branding/load.server.ts";
import type { PageServerLoad } from "./$types";

export const load = (async (event) => {
  const { tenant } = await event.parent();
  // Reading the branding is allowed to the roles that may change it.
  if (!can(tenant.role, "onboarding.view")) error(404);
  return { brandingForm: await loadBranding(event, tenant.slug) };
}) satisfies PageServerLoad;
