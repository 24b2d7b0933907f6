import { error } from "@sveltejs/kit";
import type { Action } from "@sigap/tenancy/permissions";
import type { Me } from "#lib/auth/me.ts";
import { platformMay } from "#lib/national/access.ts";
import { requireSignedIn } from "#lib/tenant/guard.ts";

/** A platform page is for the platform roles `action` allows; to anyone else it does not exist. */
export function requirePlatformMay(me: Me | null, url: URL, action: Action): Me {
  const signedIn = requireSignedIn(me, url);
  if (!platformMay(signedIn, action)) error(404);
  return signedIn;
}

/** The platform's tenant administration is for platform admins. */
export function requireTenantCreator(me: Me | null, url: URL): Me {
  return requirePlatformMay(me, url, "tenants.create");
}
