import { sql } from "drizzle-orm";
import { pgPolicy, timestamp, uuid } from "drizzle-orm/pg-core";
import { appRole } from "./roles.ts";

/** Primary key for rows created by the platform: random, so ids leak no counts or order. */
export const id = () =>
  uuid()
    .notNull()
    .default(sql`gen_random_uuid()`);

/** The owning tenant; leads the primary key, foreign keys and indexes of every tenant table. */
export const tenantId = () => uuid().notNull();

export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

/**
 * The tenant of the current transaction, as set by `withTenant` with `set_config(..., true)`.
 * Wrapped in a sub-select so Postgres evaluates it once per query, not once per row.
 */
export const currentTenantExpression =
  "(select nullif(current_setting('app.tenant_id', true), '')::uuid)";
export const currentTenantSql = sql.raw(currentTenantExpression);

/**
 * The one policy every tenant-owned table carries: the runtime role sees and writes only rows of the
 * transaction's tenant, and nothing at all when no tenant is set.
 */
export const tenantIsolationPolicy = () =>
  pgPolicy("tenant_isolation", {
    as: "permissive",
    for: "all",
    to: appRole,
    using: sql`tenant_id = ${currentTenantSql}`,
    withCheck: sql`tenant_id = ${currentTenantSql}`,
  });
