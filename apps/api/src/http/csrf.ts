import type { MiddlewareHandler } from "hono";
import { ApiError } from "./errors.ts";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests that a browser sent on behalf of another site. Browsers say
 * where a request comes from in `Sec-Fetch-Site` (modern) and `Origin`; the portal's proxy passes
 * both through along with `X-Forwarded-Host`. Clients that send neither (scripts) must send an
 * `Origin` equal to the host they call.
 */
export const rejectCrossSiteMutations: MiddlewareHandler = async (c, next) => {
  if (safeMethods.has(c.req.method)) return next();
  const fetchSite = c.req.header("sec-fetch-site");
  const origin = c.req.header("origin");
  const host = c.req.header("x-forwarded-host") ?? c.req.header("host");
  const sameOrigin = fetchSite === "same-origin" || (fetchSite === undefined && origin !== undefined && originHost(origin) === host);
  if (!sameOrigin) throw new ApiError("FORBIDDEN", "Cross-site request refused");
  return next();
};

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
