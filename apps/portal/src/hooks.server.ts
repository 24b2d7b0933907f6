import type { Handle } from "@sveltejs/kit/hooks";
import { API_URL } from "$app/env/private";
import { localeCookie, resolveLocale } from "#lib/i18n/index.ts";
import { isApiPath, proxyToApi } from "#lib/server/api-proxy.ts";
import { addPageSecurityHeaders } from "#lib/server/security-headers.ts";
import { loadMe } from "#lib/server/session.ts";

export const handle: Handle = async ({ event, resolve }) => {
  // API traffic is passed through before SvelteKit routing, so no page or endpoint can shadow it.
  if (isApiPath(event.url.pathname)) return proxyToApi(event, API_URL);

  const locale = resolveLocale(event.cookies.get(localeCookie));
  event.locals.locale = locale;
  event.locals.me = await loadMe(event);
  const response = await resolve(event, {
    // app.html carries `%lang%`, so screen readers and hyphenation get the page's real language.
    transformPageChunk: ({ html }) => html.replace("%lang%", locale),
  });
  addPageSecurityHeaders(response.headers, {
    https: event.url.protocol === "https:",
    signedIn: event.locals.me !== null,
  });
  return response;
};
