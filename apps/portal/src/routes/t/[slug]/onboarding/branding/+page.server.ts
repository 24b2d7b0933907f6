import { loadBranding } from "#lib/branding/load.server.ts";
import type { PageServerLoad } from "./$types";

export const load = (async (event) => {
  const { tenant } = await event.parent();
  return { brandingForm: await loadBranding(event, tenant.slug) };
}) satisfies PageServerLoad;
