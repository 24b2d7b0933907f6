import type { MiddlewareHandler } from "hono";
import { fromTrustedProxy, type ProxyTrust } from "./client-ip.ts";
import { ApiError } from "./errors.ts";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests that a browser sent on behalf of another site. Browsers say
 * where a request comes from in `Sec-Fetch-Site` (modern) and `Origin`; the portal's proxy passes
 * both through along with `X-Forwarded-Proto` and `X-Forwarded-Host`. Clients that send neither
 * (scripts) must send an `Origin` equal to the origin they call: scheme, host and port, so
 * `http://portal` cannot act on `https://portal` nor one port on another.
 */
export function rejectCrossSiteMutations(trust: ProxyTrust): MiddlewareHandler {
  return async (c, next) => {
    if (safeMethods.has(c.req.method)) return next();
    const fetchSite = c.req.header("sec-fetch-site");
    const origin = c.req.header("origin");
    const sameOrigin =
      fetchSite === "same-origin" ||
      (fetchSite === undefined &&
        origin !== undefined &&
        originOf(origin) === calledOrigin(c, trust));
    if (!sameOrigin) throw new ApiError("FORBIDDEN", "Cross-site request refused");
    return next();
  };
}

/** The origin the caller addressed: as our proxy reports it, else this request's own. */
function calledOrigin(c: Parameters<MiddlewareHandler>[0], trust: ProxyTrust): string | undefined {
  const own = new URL(c.req.url);
  const forwardedHost = fromTrustedProxy(c, trust) ? c.req.header("x-forwarded-host") : undefined;
  if (!forwardedHost) return own.origin;
  const scheme = c.req.header("x-forwarded-proto") ?? own.protocol.replace(/:$/, "");
  return originOf(`${scheme}://${forwardedHost}`);
}

function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    // Only http(s) URLs have an origin; anything else serialises as "null" and matches nothing.
    return origin === "null" ? undefined : origin;
  } catch {
    return undefined;
  }
}
