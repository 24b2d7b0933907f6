import { pgRole } from "drizzle-orm/pg-core";

/**
 * The two database roles Sigap 112 uses. Both are created outside migrations (see `roles.ts`),
 * because creating roles needs a superuser and migrations run as the owner.
 *
 * - `sigap_owner` owns every object and runs migrations and the seed.
 * - `sigap_app` is what the API and worker connect as: not owner, not superuser, no BYPASSRLS,
 *   so row-level security always applies to it.
 */
export const ownerRoleName = "sigap_owner";
export const appRoleName = "sigap_app";

export const appRole = pgRole(appRoleName).existing();
