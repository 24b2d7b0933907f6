import { sql } from "drizzle-orm";
import { check, customType, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { tenantId, tenantIsolationPolicy, timestamps } from "./columns.ts";
import { tenants } from "./tenants.ts";

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/** How a tenant's portal pages and emails look. One row per tenant. */
export const tenantBranding = pgTable(
  "tenant_branding",
  {
    tenantId: tenantId()
      .primaryKey()
      .references(() => tenants.id, { onDelete: "cascade" }),
    /** The logo as stored after checks (SVG sanitised); served from Postgres, so nothing else to back up. */
    logo: bytea(),
    logoMimeType: text({ enum: ["image/png", "image/jpeg", "image/svg+xml"] }),
    logoWidth: integer(),
    logoHeight: integer(),
    primaryColor: text().notNull().default("#b91c1c"),
    accentColor: text().notNull().default("#1e3a8a"),
    ...timestamps,
  },
  (t) => [
    check(
      "tenant_branding_colors",
      sql`${t.primaryColor} ~ '^#[0-9a-f]{6}$' and ${t.accentColor} ~ '^#[0-9a-f]{6}$'`,
    ),
    check("tenant_branding_logo", sql`(${t.logo} is null) = (${t.logoMimeType} is null)`),
    tenantIsolationPolicy(),
  ],
).enableRLS();

/** Where a tenant stands in onboarding: what the checklist cannot compute from other tables. */
export const tenantOnboarding = pgTable(
  "tenant_onboarding",
  {
    tenantId: tenantId()
      .primaryKey()
      .references(() => tenants.id, { onDelete: "cascade" }),
    /** The SOP template the region starts from (the SOP issue turns it into a first draft). */
    sopTemplate: text(),
    sopChosenAt: timestamp({ withTimezone: true }),
    /** Set when a platform admin let the tenant go live with the checklist unmet; also audited. */
    goLiveOverrideReason: text(),
    ...timestamps,
  },
  () => [tenantIsolationPolicy()],
).enableRLS();
