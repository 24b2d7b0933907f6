import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
// Types only: the API's runtime code must never end up in the portal bundle.
import type { AppRouter, RouterOutputs } from "@sigap/api/trpc";

export type { AppRouter, RouterOutputs };
export type ApiClient = ReturnType<typeof createApiClient>;

/** Where the browser reaches tRPC: the portal itself, which proxies to the API (hooks.server.ts). */
export const browserTrpcUrl = "/trpc";

/**
 * The one typed client for the API. Server load functions pass SvelteKit's `fetch` and the API's own
 * URL (`${API_URL}/trpc`), skipping the proxy hop; the browser passes its `fetch` and `browserTrpcUrl`.
 * Live streams (subscriptions) use the browser's EventSource, which reconnects and resumes by itself.
 */
export function createApiClient(fetch: typeof globalThis.fetch, baseUrl: string) {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (operation) => operation.type === "subscription",
        true: httpSubscriptionLink({ url: baseUrl }),
        false: httpBatchLink({ url: baseUrl, fetch }),
      }),
    ],
  });
}
