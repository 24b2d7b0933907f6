import { can, type Action } from "@sigap/tenancy/permissions";
import type { Me } from "#lib/auth/me.ts";

/** Whether the person's platform role (ministry or platform staff) allows `action`; members never do. */
export function platformMay(me: Me | null, action: Action): boolean {
  const role = me?.secondFactor === "done" ? me.user.platformRole : null;
  return role ? can(role, action) : false;
}
