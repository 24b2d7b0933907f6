import { redirect } from "@sveltejs/kit";
import { carryRedirect } from "./destination.ts";
import type { Me } from "./me.ts";

/**
 * Guards a sign-in step page: signed-out people go to sign-in, and anyone whose next step is
 * another one goes on through `/sign-in/continue`. Returns the person for the page.
 */
export function requirePendingStep(me: Me | null, url: URL, step: "challenge" | "enrol"): Me {
  if (!me) redirect(303, carryRedirect("/sign-in", url));
  if (me.secondFactor !== step) redirect(303, carryRedirect("/sign-in/continue", url));
  return me;
}
