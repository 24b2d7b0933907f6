import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";

/**
 * The caller's address. The API listens on loopback behind the portal (or a load balancer), which
 * appends the browser's address to X-Forwarded-For; the last entry is the one our proxy added.
 */
export function clientIp(c: Context): string | null {
  const forwarded = c.req.header("x-forwarded-for");
  if (forwarded) return forwarded.split(",").at(-1)?.trim() ?? null;
  return getConnInfo(c).remote.address ?? null;
}
