import type { Me } from "./me.ts";

/**
 * Where a fully signed-in person lands: the page they were sent away from, else their only
 * tenant, else the home page.
 */
export function homeFor(me: Pick<Me, "tenants">, requested: string | undefined): string {
  if (requested) return requested;
  const [only, ...others] = me.tenants;
  return only && others.length === 0 ? `/t/${encodeURIComponent(only.slug)}` : "/";
}

/** The page that finishes sign-in for a person whose second factor is still owed. */
export function secondFactorPath(step: "challenge" | "enrol"): string {
  return step === "challenge" ? "/sign-in/two-factor" : "/sign-in/enrol";
}

/** Stands in for the portal's own origin: only what resolves onto it is a path of ours. */
const ownOrigin = "http://portal.invalid";

/**
 * `?redirect=` as a same-origin path, normalised the way a browser reads it, or undefined. Judged
 * after URL parsing, not by prefix: `//evil.example`, `/\\evil.example` and `/\t/evil.example` (tabs
 * and newlines are dropped by the parser) all leave the origin, which would make this an open
 * redirect. The result is percent-encoded, so it is always a valid Location header.
 */
export function safeRedirect(target: string | null): string | undefined {
  if (!target?.startsWith("/")) return undefined;
  if (!URL.canParse(target, ownOrigin)) return undefined;
  const url = new URL(target, ownOrigin);
  if (url.origin !== ownOrigin) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}

type WithSearch = { readonly searchParams: Pick<URLSearchParams, "get"> };

/** The `redirect=…` parameter to carry from one sign-in step to the next, or "". */
export function redirectParam(url: WithSearch): string {
  const requested = safeRedirect(url.searchParams.get("redirect"));
  return requested ? `redirect=${encodeURIComponent(requested)}` : "";
}

/** `path` with the current `?redirect=` carried along, for server redirects between steps. */
export function carryRedirect(path: string, url: WithSearch): string {
  const param = redirectParam(url);
  return param ? `${path}?${param}` : path;
}
