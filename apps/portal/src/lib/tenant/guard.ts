import { redirect } from "@sveltejs/kit";
import type { Me } from "#lib/auth/me.ts";
import { secondFactorPath } from "#lib/auth/destination.ts";

/**
 * The signed-in person for a page that needs one. Signed-out visitors go to sign-in, and someone
 * who still owes a second factor finishes it first; both come back here afterwards.
 */
export function requireSignedIn(me: Me | null, url: URL): Me {
  const back = encodeURIComponent(url.pathname + url.search);
  if (!me) redirect(303, `/sign-in?redirect=${back}`);
  if (me.secondFactor !== "done")
    redirect(303, `${secondFactorPath(me.secondFactor)}?redirect=${back}`);
  return me;
}
