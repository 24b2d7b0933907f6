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

/** Only same-site paths: `//evil.example` or `https://…` would make `?redirect=` an open redirect. */
export function safeRedirect(target: string | null): string | undefined {
  if (!target?.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return undefined;
  return target;
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
