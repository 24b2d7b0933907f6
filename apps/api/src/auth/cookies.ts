import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
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

export function writeSessionCookie(c: Context, token: string): void {
  setCookie(c, sessionCookieName, token, {
    httpOnly: true,
    secure: !isLocalhost(c),
    sameSite: "Lax",
    path: "/",
    maxAge: Math.floor(absoluteLifetimeMs / 1000),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, sessionCookieName, { path: "/", secure: !isLocalhost(c), httpOnly: true, sameSite: "Lax" });
}
