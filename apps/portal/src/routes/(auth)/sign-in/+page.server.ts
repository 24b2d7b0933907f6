import { redirect } from "@sveltejs/kit";
import { carryRedirect } from "#lib/auth/destination.ts";
import type { PageServerLoad } from "./$types";

/** Someone already signed in (or halfway, owing a code) continues instead of signing in again. */
export const load = (({ locals, url }) => {
  if (locals.me) redirect(303, carryRedirect("/sign-in/continue", url));
}) satisfies PageServerLoad;
