import { serverApiClient } from "#lib/server/api.ts";
import type { PageServerLoad } from "./$types";

/**
 * The national figure is public and cheap, so it is read on every request. An API failure is an
 * expected state of this page (shown as a panel), not a crash: the rest of the site must still work.
 */
export const load = (async ({ fetch }) => {
  try {
    const adoption = await serverApiClient(fetch).adoption.national.query();
    return { adoption: { status: "ok", data: adoption } as const };
  } catch (error) {
    // One line, not the client error's full dump; the cause (e.g. ECONNREFUSED) is what operators need.
    console.error(`[portal] adoption.national failed: ${describe(error)}`);
    return { adoption: { status: "unavailable" } as const };
  }
}) satisfies PageServerLoad;

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}
