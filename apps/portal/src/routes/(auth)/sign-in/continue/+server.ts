import { redirect } from "@sveltejs/kit";
import { carryRedirect, homeFor, safeRedirect, secondFactorPath } from "#lib/auth/destination.ts";
import type { RequestHandler } from "./$types";

/**
 * Every step of signing in (password, code, enrolment, an accepted invitation) ends here, and the
 * person is sent on from what the API now says about them. One place decides, after a full load,
 * so the header and every layout see the new session.
 */
export const GET: RequestHandler = ({ locals, url }) => {
  const me = locals.me;
  if (!me) redirect(303, carryRedirect("/sign-in", url));
  if (me.secondFactor !== "done")
    redirect(303, carryRedirect(secondFactorPath(me.secondFactor), url));
  redirect(303, homeFor(me, safeRedirect(url.searchParams.get("redirect"))));
};
