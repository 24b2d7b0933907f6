import { resolve } from "$app/paths";
import { redirectParam, safeRedirect } from "./destination.ts";

type WithSearch = { readonly searchParams: Pick<URLSearchParams, "get"> };

/**
 * After a sign-in step succeeds: a full load of `/sign-in/continue`, which decides the next page
 * from the new session (an endpoint, so it is a document load, not a client-side navigation, and
 * every layout is rendered afresh for the person now signed in). `then` overrides the page to
 * return to, e.g. the tenant an invitation was for.
 */
export function continueSignIn(url: WithSearch, then?: string): void {
  const target = safeRedirect(then ?? null);
  const param = target ? `redirect=${encodeURIComponent(target)}` : redirectParam(url);
  window.location.assign(resolve(`sign-in/continue?${param}`));
}
