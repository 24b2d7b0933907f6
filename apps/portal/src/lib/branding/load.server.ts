import type { RequestEvent } from "@sveltejs/kit";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi, type Loaded } from "#lib/tenant/load.ts";
import type { Branding } from "./types.ts";

type BrandingEvent = Pick<RequestEvent, "request" | "url" | "fetch" | "getClientAddress">;

/** The branding for a page that edits it: an unreachable API is a state the page shows. */
export function loadBranding(event: BrandingEvent, tenantSlug: string): Promise<Loaded<Branding>> {
  return loadFromApi(event.url, "branding.get", () =>
    apiForRequest(event).branding.get.query({ tenantSlug }),
  );
}

/**
 * The branding the tenant's pages are dressed in, or null. Decoration only: when the API cannot
 * say, the pages keep the platform's own look rather than fail.
 */
export async function brandingForLayout(
  event: BrandingEvent,
  tenantSlug: string,
): Promise<Branding | null> {
  try {
    return await apiForRequest(event).branding.get.query({ tenantSlug });
  } catch {
    return null;
  }
}
