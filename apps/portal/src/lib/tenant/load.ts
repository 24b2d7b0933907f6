import { error, redirect } from "@sveltejs/kit";
import { apiFailure } from "#lib/api/error.ts";

export type Loaded<T> =
  | { status: "ok"; data: T }
  /** The API refused the page's own input (a filter in the URL); `fields` names what to fix. */
  | { status: "invalid"; fields: Record<string, string> }
  | { status: "unavailable" };

/**
 * Runs a page's API read. An unreachable API is an expected state the page shows (with a retry),
 * not a crash; NOT_FOUND and FORBIDDEN become the plain 404, so a tenant's existence or a page's
 * purpose is never revealed; a session that died since the request began goes to sign-in.
 */
export async function loadFromApi<T>(
  url: URL,
  what: string,
  read: () => Promise<T>,
): Promise<Loaded<T>> {
  try {
    return { status: "ok", data: await read() };
  } catch (cause) {
    const failure = apiFailure(cause);
    if (failure.code === "NOT_FOUND" || failure.code === "FORBIDDEN") error(404);
    if (failure.code === "UNAUTHORIZED")
      redirect(303, `/sign-in?redirect=${encodeURIComponent(url.pathname + url.search)}`);
    if (failure.code === "BAD_REQUEST") return { status: "invalid", fields: failure.fields };
    console.error(
      `[portal] ${what} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    return { status: "unavailable" };
  }
}
