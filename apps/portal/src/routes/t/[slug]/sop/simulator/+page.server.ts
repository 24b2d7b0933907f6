import { loadTestCases } from "#lib/sop/lab/test-cases.server.ts";
import type { PageServerLoad } from "./$types";

export const load = (async (event) => {
  const { tenant } = await event.parent();
  return { testCases: await loadTestCases(event, tenant.slug) };
}) satisfies PageServerLoad;
