import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { serialize } from "hono/utils/cookie";
import { absoluteLifetimeMs } from "./sessions.ts";

export const sessionCookieName = "sigap_session";

/** `Secure` everywhere but plain-http localhost, where browsers would drop a Secure cookie. */
function isLocalhost(c: Context): boolean {
  const host = (c.req.header("x-forwarded-host") ?? c.req.header("host") ?? "").split(":")[0];
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, sessionCookieName);
}

/** The Set-Cookie value that stores `token` (HttpOnly, SameSite=Lax, Path=/, Secure off localhost). */
export function sessionCookieHeader(c: Context, token: string): string {
  return serialize(sessionCookieName, token, {
    httpOnly: true,
    secure: !isLocalhost(c),
    sameSite: "Lax",
    path: "/",
    maxAge: Math.floor(absoluteLifetimeMs / 1000),
  });
}

/** The Set-Cookie value that removes the session cookie. */
export function clearedSessionCookieHeader(c: Context): string {
  return serialize(sessionCookieName, "", {
    httpOnly: true,
    secure: !isLocalhost(c),
    sameSite: "Lax",
    path: "/",
    maxAge: 0,
  });
}
