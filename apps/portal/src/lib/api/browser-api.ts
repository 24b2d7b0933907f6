import { browserTrpcUrl, createApiClient } from "./client.ts";

/**
 * The typed client for mutations from the browser. It goes through the portal's same-origin proxy,
 * so the session cookie travels and is set by the API's answer, and the browser's
 * `Sec-Fetch-Site: same-origin` satisfies the API's CSRF check.
 */
export function browserApi() {
  return createApiClient((input, init) => fetch(input, init), browserTrpcUrl);
}
