import { sql } from "drizzle-orm";
import { check, pgEnum, pgPolicy, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { currentTenantSql, id, tenantId, tenantIsolationPolicy, timestamps } from "./columns.ts";
import { regencies, timeZone } from "./regions.ts";
import { appRole } from "./roles.ts";

export const tenantStatus = pgEnum("tenant_status", [
  "prospect",
  "onboarding",
  "live",
  "suspended",
]);

/**
 * One tenant per kabupaten/kota. The row's own id is the tenant id, so its policy compares `id`;
 * the runtime role reads only its own tenant, and national figures come from `national_adoption()`.
 */
export const tenants = pgTable(
  "tenants",
  {
    id: id().primaryKey(),
    regionCode: text()
      .notNull()
      .unique()
      .references(() => regencies.code),
    slug: text().notNull().unique(),
    displayName: text().notNull(),
    status: tenantStatus().notNull().default("prospect"),
    launchedAt: timestamp({ withTimezone: true }),
    timeZone: timeZone().notNull(),
    ...timestamps,
  },
  (t) => [
    check("tenants_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("tenants_live_has_launch", sql`${t.status} <> 'live' or ${t.launchedAt} is not null`),
    pgPolicy("tenant_self", {
      as: "permissive",
      for: "select",
      to: appRole,
      using: sql`${t.id} = ${currentTenantSql}`,
    }),
  ],
).enableRLS();

/** Per-tenant preferences; the first tenant-owned table, so isolation is exercised from day one. */
export const tenantSettings = pgTable(
  "tenant_settings",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    key: text().notNull(),
    value: text().notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] }), tenantIsolationPolicy()],
).enableRLS();
