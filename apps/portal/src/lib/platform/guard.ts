import { error } from "@sveltejs/kit";
import type { Me } from "#lib/auth/me.ts";
import { platformMay } from "#lib/national/access.ts";
import { requireSignedIn } from "#lib/tenant/guard.ts";

/** The platform's tenant administration is for platform admins; to anyone else it does not exist. */
export function requireTenantCreator(me: Me | null, url: URL): Me {
  const signedIn = requireSignedIn(me, url);
  if (!platformMay(signedIn, "tenants.create")) error(404);
  return signedIn;
}
