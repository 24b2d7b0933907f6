import type { RequestEvent } from "@sveltejs/kit";
import { API_URL } from "$app/env/private";
import { createApiClient } from "#lib/api/client.ts";
import { apiFailure } from "#lib/api/error.ts";
import type { Me } from "#lib/auth/me.ts";

type ForwardingEvent = Pick<RequestEvent, "request" | "url" | "fetch" | "getClientAddress">;

/**
 * The API client for server code acting for the browser that sent `event`: the API sees the
 * browser's session cookie and user agent, and the same forwarding headers the proxy adds, so
 * sessions, throttling and the audit trail record the person, not the portal. It cannot set
 * cookies in the browser, so mutations that sign in or out go through the browser's own client.
 */
export function apiForRequest(event: ForwardingEvent) {
  const forwarded = forwardingHeaders(event);
  const forwardingFetch: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    for (const [name, value] of forwarded) headers.set(name, value);
    return event.fetch(input, { ...init, headers });
  };
  return createApiClient(forwardingFetch, `${API_URL}/trpc`);
}

function forwardingHeaders({ request, url, getClientAddress }: ForwardingEvent): Headers {
  const headers = new Headers();
  const cookie = request.headers.get("cookie");
  if (cookie) headers.set("cookie", cookie);
  const userAgent = request.headers.get("user-agent");
  if (userAgent) headers.set("user-agent", userAgent);
  const client = clientAddress(getClientAddress);
  if (client) {
    const prior = request.headers.get("x-forwarded-for");
    headers.set("x-forwarded-for", prior ? `${prior}, ${client}` : client);
  }
  headers.set("x-forwarded-proto", url.protocol.replace(/:$/, ""));
  headers.set("x-forwarded-host", url.host);
  return headers;
}

function clientAddress(getClientAddress: () => string): string | undefined {
  try {
    return getClientAddress();
  } catch {
    // Some adapters cannot tell (e.g. a misconfigured ADDRESS_HEADER); the request still goes out.
    return undefined;
  }
}

/** The API's session cookie; without it nobody is signed in and the API need not be asked. */
const sessionCookie = "sigap_session";

/**
 * Who is signed in, or null. Signed out is the common case, not an error; an unreachable API is
 * logged and treated as signed out so public pages still render.
 */
export async function loadMe(
  event: ForwardingEvent & Pick<RequestEvent, "cookies">,
): Promise<Me | null> {
  if (!event.cookies.get(sessionCookie)) return null;
  try {
    return await apiForRequest(event).auth.me.query();
  } catch (error) {
    if (apiFailure(error).code === "UNAUTHORIZED") return null;
    console.error(
      `[portal] auth.me failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return null;
  }
}
