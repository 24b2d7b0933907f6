import { eq, sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { users } from "../schema/users.ts";

export function findUserByEmail(db: Executor, email: string) {
  return db
    .select()
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .then((rows) => rows[0]);
}

export function findUserById(db: Executor, userId: string) {
  return db
    .select()
    .from(users)
    .where(eq(users.id, userId))
    .then((rows) => rows[0]);
}

export interface UserTenant {
  tenantId: string;
  slug: string;
  displayName: string;
  timeZone: string;
  tenantStatus: string;
  role: "tenant_admin" | "supervisor" | "operator" | "agency_responder";
  agencyId: string | null;
}

/**
 * The tenants the person signed in with `sessionToken` (the raw cookie token) works in, through
 * the `user_tenants()` security-definer function, which answers only for a live session's user.
 */
export async function listUserTenants(db: Executor, sessionToken: string): Promise<UserTenant[]> {
  const rows = await db.execute<{
    tenant_id: string;
    slug: string;
    display_name: string;
    time_zone: string;
    tenant_status: string;
    role: UserTenant["role"];
    agency_id: string | null;
  }>(sql`select * from user_tenants(${sessionToken})`);
  return rows.map((row) => ({
    tenantId: row.tenant_id,
    slug: row.slug,
    displayName: row.display_name,
    timeZone: row.time_zone,
    tenantStatus: row.tenant_status,
    role: row.role,
    agencyId: row.agency_id,
  }));
}

export interface TenantDirectoryEntry {
  tenantId: string;
  slug: string;
  displayName: string;
  timeZone: string;
  status: string;
}

/** A tenant by slug through `tenant_by_slug()`: directory facts only, for platform staff. */
export async function findTenantBySlug(
  db: Executor,
  slug: string,
): Promise<TenantDirectoryEntry | undefined> {
  const rows = await db.execute<{
    tenant_id: string;
    slug: string;
    display_name: string;
    time_zone: string;
    status: string;
  }>(sql`select * from tenant_by_slug(${slug})`);
  const row = rows[0];
  return row
    ? {
        tenantId: row.tenant_id,
        slug: row.slug,
        displayName: row.display_name,
        timeZone: row.time_zone,
        status: row.status,
      }
    : undefined;
}
