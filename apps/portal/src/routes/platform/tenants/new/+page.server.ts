import { apiFailure } from "#lib/api/error.ts";
import { requireTenantCreator } from "#lib/platform/guard.ts";
import { apiForRequest } from "#lib/server/session.ts";
import type { PageServerLoad } from "./$types";

export const load = (async (event) => {
  requireTenantCreator(event.locals.me, event.url);
  return { devOutbox: await hasDevOutbox(event) };
}) satisfies PageServerLoad;

/**
 * Whether the API keeps mail in the development outbox, so the success message can point there.
 * The API alone knows (SIGAP_DEV_OUTBOX); its outbox answers NOT_FOUND where there is none. Only
 * the yes/no leaves the server, never the stored mail.
 */
async function hasDevOutbox(event: Parameters<PageServerLoad>[0]): Promise<boolean> {
  try {
    await apiForRequest(event).outbox.list.query();
    return true;
  } catch (cause) {
    if (apiFailure(cause).code !== "NOT_FOUND")
      console.error(
        `[portal] outbox.list failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      );
    return false;
  }
}
