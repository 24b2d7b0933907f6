import type { Me } from "./me.ts";

/**
 * Where a fully signed-in person lands: the page they were sent away from, else their only
 * tenant, else the home page (which lists what they can reach).
 */
export function homeFor(me: Pick<Me, "tenants">, requested: string | null): string {
  const back = safeRedirect(requested);
  if (back) return back;
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
