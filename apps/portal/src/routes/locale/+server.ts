import { redirect } from "@sveltejs/kit";
import { safeRedirect } from "#lib/auth/destination.ts";
import { localeCookie, resolveLocale } from "#lib/i18n/index.ts";
import type { RequestHandler } from "./$types";

const oneYear = 60 * 60 * 24 * 365;

/**
 * The language switch is a plain link (`/locale?to=en&redirect=/`), so it works without JavaScript:
 * remember the choice in a cookie and go back to where the user was.
 */
export const GET: RequestHandler = ({ url, cookies }) => {
  const locale = resolveLocale(url.searchParams.get("to"));
  cookies.set(localeCookie, locale, {
    path: "/",
    maxAge: oneYear,
    sameSite: "lax",
    httpOnly: true,
    // A language preference is not a secret; it must also stick on plain-http deployments
    // (e.g. a command centre's LAN), where a Secure cookie would be dropped.
    secure: false,
  });
  redirect(303, safeRedirect(url.searchParams.get("redirect")) ?? "/");
};
