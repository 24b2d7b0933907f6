import { API_URL } from "$app/env/private";
import { createApiClient } from "#lib/api/client.ts";

/** The API client for server load functions: straight to the API, not through the portal's proxy. */
export function serverApiClient(fetch: typeof globalThis.fetch) {
  return createApiClient(fetch, `${API_URL}/trpc`);
}
