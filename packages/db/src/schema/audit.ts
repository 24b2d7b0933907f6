import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id, tenantId, tenantIsolationPolicy } from "./columns.ts";
import { tenants } from "./tenants.ts";

/** What every audit row records, in the tenant's log and in the platform's alike. */
const auditColumns = {
  occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** Null for actions taken without a signed-in person (e.g. accepting an invitation by link). */
  actorUserId: uuid(),
  /** The role the actor acted in: a membership role, a platform role, or `anonymous`. */
  actorRole: text().notNull(),
  action: text().notNull(),
  targetType: text(),
  targetId: text(),
  /** `{ before, after }` with secrets already redacted. */
  diff: jsonb(),
  ip: text(),
  userAgent: text(),
  requestId: text(),
};

/**
 * Append-only: the runtime role may INSERT and SELECT, never UPDATE or DELETE (see the grants in
 * the migration). Tenant-isolated like every tenant table.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    id: id(),
    ...auditColumns,
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index().on(t.tenantId, t.occurredAt.desc()),
    tenantIsolationPolicy(),
  ],
).enableRLS();

/** Platform-level events (tenant creation, platform roles, sign-ins without a tenant). */
export const platformAuditLog = pgTable(
  "platform_audit_log",
  {
    id: id().primaryKey(),
    ...auditColumns,
  },
  (t) => [index().on(t.occurredAt.desc())],
);
