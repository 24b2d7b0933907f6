import type { Me } from "#lib/auth/me.ts";
import type { Role } from "@sigap/tenancy/permissions";

/** The tenant a `/t/{slug}` page works in, and the role the person acts in there. */
export interface TenantAccess {
  slug: string;
  /** The region's name; for support access (no membership) the slug, until the tenant layout asks the API. */
  displayName: string;
  timeZone: string;
  role: Role;
  /** A platform admin looking in without a membership: allowed for support, and always audited. */
  support: boolean;
}

/** Where dates are shown when the tenant's own zone is unknown: WIB, the zone most regions use. */
export const fallbackTimeZone = "Asia/Jakarta";

/**
 * A member works in the tenant in their membership's role; a platform admin may look into any
 * tenant. Anyone else gets null, which pages turn into a plain 404 so a tenant's existence is
 * never revealed.
 */
export function tenantAccess(me: Pick<Me, "user" | "tenants">, slug: string): TenantAccess | null {
  const membership = me.tenants.find((tenant) => tenant.slug === slug);
  if (membership) return { ...membership, support: false };
  if (me.user.platformRole === "platform_admin") {
    return {
      slug,
      displayName: slug,
      timeZone: fallbackTimeZone,
      role: "platform_admin",
      support: true,
    };
  }
  return null;
}
