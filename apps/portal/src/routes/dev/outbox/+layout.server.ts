import { error } from "@sveltejs/kit";
import { apiFailure } from "#lib/auth/api-error.ts";
import { apiForRequest } from "#lib/server/session.ts";
import type { LayoutServerLoad } from "./$types";

/** The API decides whether the outbox exists (SIGAP_DEV_OUTBOX); where it does not, neither does this page. */
export const load = (async (event) => {
  try {
    return { messages: await apiForRequest(event).outbox.list.query() };
  } catch (cause) {
    if (apiFailure(cause).code === "NOT_FOUND") error(404, "Not found");
    throw cause;
  }
}) satisfies LayoutServerLoad;
