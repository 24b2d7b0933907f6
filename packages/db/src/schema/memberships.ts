import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { agencies } from "./agencies.ts";
import { id, tenantId, tenantIsolationPolicy, timestamps } from "./columns.ts";
import { tenants } from "./tenants.ts";
import { users } from "./users.ts";

export const membershipRole = pgEnum("membership_role", [
  "tenant_admin",
  "supervisor",
  "operator",
  "agency_responder",
]);

/** Who works in which tenant, as what. An agency responder is bound to one agency of the tenant. */
export const memberships = pgTable(
  "memberships",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: membershipRole().notNull(),
    /** The agency an `agency_responder` works for: one of this tenant's (composite key below). */
    agencyId: uuid(),
    deactivatedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    index().on(t.tenantId, t.role),
    // Leading with tenant_id, so a membership can only name an agency of its own tenant.
    foreignKey({
      columns: [t.tenantId, t.agencyId],
      foreignColumns: [agencies.tenantId, agencies.id],
    }),
    check(
      "memberships_agency_for_responders",
      sql`(${t.role} = 'agency_responder') = (${t.agencyId} is not null)`,
    ),
    tenantIsolationPolicy(),
  ],
).enableRLS();

/** Single-use, expiring invitations to a tenant; only a hash of the token is stored. */
export const invitations = pgTable(
  "invitations",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    id: id(),
    email: text().notNull(),
    role: membershipRole().notNull(),
    agencyId: uuid(),
    tokenHash: text().notNull(),
    invitedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index().on(t.tenantId, t.tokenHash),
    check("invitations_email_lower", sql`${t.email} = lower(${t.email})`),
    foreignKey({
      columns: [t.tenantId, t.agencyId],
      foreignColumns: [agencies.tenantId, agencies.id],
    }),
    check(
      "invitations_agency_for_responders",
      sql`(${t.role} = 'agency_responder') = (${t.agencyId} is not null)`,
    ),
    tenantIsolationPolicy(),
  ],
).enableRLS();
