import { pgEnum, pgTable, primaryKey, index, jsonb, text, uuid } from "drizzle-orm/pg-core";
import { id, tenantId, tenantIsolationPolicy, timestamps } from "./columns.ts";
import { tenants } from "./tenants.ts";
import { users } from "./users.ts";
import type { OperatorLocation } from "./calls.ts";

export const incidentStatus = pgEnum("incident_status", ["new", "dispatched", "in_progress", "resolved", "closed", "cancelled"]);

/**
 * Something the region responds to. Call intake creates it from an emergency call (status `new`,
 * with the call attached through `calls.incident_id`); dispatch plans and tracks it from there.
 */
export const incidents = pgTable(
  "incidents",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    id: id(),
    /** SOP taxonomy codes (`fire`, `fire.vehicle`), the main one first: incidents are often compound. */
    types: text().array().notNull(),
    status: incidentStatus().notNull().default("new"),
    description: text(),
    /** Where it happens, as the operator set it. Personal data when it is someone's home. */
    location: jsonb().$type<OperatorLocation>(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index().on(t.tenantId, t.status, t.createdAt), tenantIsolationPolicy()],
).enableRLS();
