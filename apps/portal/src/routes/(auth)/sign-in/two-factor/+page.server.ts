import { requirePendingStep } from "#lib/auth/pending-step.ts";
import type { PageServerLoad } from "./$types";

export const load = (({ locals, url }) => {
  requirePendingStep(locals.me, url, "challenge");
}) satisfies PageServerLoad;
