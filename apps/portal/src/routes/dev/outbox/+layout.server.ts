import { error } from "@sveltejs/kit";
import { apiFailure } from "#lib/api/error.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { requireSignedIn } from "#lib/tenant/guard.ts";
import type { LayoutServerLoad } from "./$types";

/**
 * The API decides whether the outbox exists (SIGAP_DEV_OUTBOX) and who may read it (platform admins:
 * it holds live invitation and reset links); where it does not exist, or for anyone else, neither
 * does this page.
 */
export const load = (async (event) => {
  requireSignedIn(event.locals.me, event.url);
  try {
    return { messages: await apiForRequest(event).outbox.list.query() };
  } catch (cause) {
    const { code } = apiFailure(cause);
    if (code === "NOT_FOUND" || code === "FORBIDDEN") error(404, "Not found");
    throw cause;
  }
}) satisfies LayoutServerLoad;
