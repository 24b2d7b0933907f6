import { roles, type Role } from "@sigap/tenancy/permissions";
import type { Translator } from "#lib/i18n/index.ts";

function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** A role's name in the page's language; anything else (`anonymous`, `user`) as recorded. */
export function roleName(i18n: Translator, role: string): string {
  return isRole(role) ? i18n.t(`auth.role.${role}`) : role;
}
