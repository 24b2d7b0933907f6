import { redirect } from "@sveltejs/kit";
import { carryRedirect } from "#lib/auth/destination.ts";
import { requirePendingStep } from "#lib/auth/pending-step.ts";
import type { PageServerLoad } from "./$types";

/**
 * Owed enrolment (a role that requires a second factor), or a fully signed-in person turning it on
 * by choice; anyone who already has it goes on.
 */
export const load = (({ locals, url }) => {
  const me = locals.me;
  if (me?.secondFactor === "done" && !me.user.twoFactorEnabled)
    return { required: false, email: me.user.email };
  if (me?.secondFactor === "done") redirect(303, carryRedirect("/sign-in/continue", url));
  return { required: true, email: requirePendingStep(me, url, "enrol").user.email };
}) satisfies PageServerLoad;
