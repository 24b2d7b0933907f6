/**
 * Headers every page the portal renders carries, besides the Content-Security-Policy that
 * SvelteKit writes from `csp` in vite.config.ts (it alone knows each page's script nonces).
 * API responses passed through the proxy keep the API's own headers.
 */
export function addPageSecurityHeaders(
  headers: Headers,
  page: { https: boolean; signedIn: boolean },
): void {
  // A response is what its Content-Type says, never what a browser guesses (an uploaded SVG as a page).
  headers.set("X-Content-Type-Options", "nosniff");
  // For browsers that predate CSP's frame-ancestors: no page may be framed (clickjacking).
  headers.set("X-Frame-Options", "DENY");
  // Links out of the portal carry the origin only, never a path naming a tenant, incident or token.
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  // Only over https: sent over plain http (a command centre's LAN) it would be ignored anyway, and
  // promising https for a host that does not serve it would lock people out.
  if (page.https) headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  // A signed-in page shows personal and operational data: no shared or back-button cache may keep it.
  if (page.signedIn) headers.set("Cache-Control", "no-store");
}
