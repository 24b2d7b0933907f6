import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { agencies, agencyContacts } from "./agencies.ts";
import { id, tenantId, tenantIsolationPolicy, timestamps } from "./columns.ts";
import { tenants } from "./tenants.ts";
import { users } from "./users.ts";
import type { OperatorLocation } from "./calls.ts";

export const incidentStatus = pgEnum("incident_status", [
  "new",
  "dispatched",
  "in_progress",
  "resolved",
  "closed",
  "cancelled",
]);

/** How the region learnt of it: most incidents come from a 112 call, some from the door, the radio or an agency. */
export const incidentOrigin = pgEnum("incident_origin", [
  "call",
  "walk_in",
  "radio",
  "agency_report",
]);

/** The plan the operator confirmed: the SOP's proposal (or the manual one) with the operator's changes. */
export interface ConfirmedPlan {
  /** `sop` when a published SOP version proposed it; `manual` when the engine failed, timed out or matched nothing. */
  source: "sop" | "manual";
  /** Why the plan is manual, in the engine's words; null for an SOP plan. */
  manualReason: string | null;
  priority: string | null;
  /** Named fallbacks the operator phones where no agency of the region serves a line. */
  fallbacks: { name: string; phone: string | null; forLine: string }[];
  checklist: string[];
  advice: string[];
}

/**
 * Something the region responds to. Call intake creates it from an emergency call (status `new`,
 * with the call attached through `calls.incident_id`); an operator may also open one by hand.
 * Dispatch plans it with the published SOP and tracks it until it is closed or cancelled.
 */
export const incidents = pgTable(
  "incidents",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    id: id(),
    /** SOP taxonomy codes (`fire`, `fire.vehicle`), the main one first: incidents are often compound. */
    types: text().array().notNull(),
    status: incidentStatus().notNull().default("new"),
    origin: incidentOrigin().notNull().default("call"),
    /** The engine's severity scale (`minor` … `critical`); null while unknown. */
    severity: text(),
    /** People hurt or dead as far as known; null while unknown, never guessed as 0. */
    casualties: integer(),
    /** Engine flags (`people_trapped`, `hazmat`…) the operator ticked. */
    flags: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    description: text(),
    /** Where it happens, as the operator set it. Personal data when it is someone's home. */
    location: jsonb().$type<OperatorLocation>(),
    /** The desa/kelurahan when the operator knows it (Kemendagri code). */
    villageCode: text(),
    /** The published SOP version that proposed the confirmed plan; null for a manual plan. */
    sopVersionNumber: integer(),
    plan: jsonb().$type<ConfirmedPlan>(),
    /** How a closed incident ended (`handled`, `false_alarm`…), or why it was cancelled. */
    disposition: text(),
    dispatchedAt: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index().on(t.tenantId, t.status, t.createdAt),
    check("incidents_casualties", sql`${t.casualties} is null or ${t.casualties} >= 0`),
    tenantIsolationPolicy(),
  ],
).enableRLS();

export const assignmentRole = pgEnum("assignment_role", ["primary", "support"]);

/**
 * Where one agency stands on one incident. `notified` until someone acknowledges; then the
 * responder reports progress. `withdrawn` when the operator takes the agency off the incident.
 */
export const assignmentStatus = pgEnum("assignment_status", [
  "notified",
  "acknowledged",
  "en_route",
  "on_scene",
  "needs_backup",
  "done",
  "withdrawn",
]);

/** One agency sent to one incident, with the reason it was chosen. */
export const incidentAssignments = pgTable(
  "incident_assignments",
  {
    tenantId: tenantId(),
    id: id(),
    incidentId: uuid().notNull(),
    agencyId: uuid().notNull(),
    role: assignmentRole().notNull(),
    lead: boolean().notNull().default(false),
    /** Why: the SOP rules that planned it, or the operator's reason for adding it. */
    reason: text().notNull(),
    /** `sop` when the confirmed plan came from the SOP unchanged for this agency; `operator` when added by hand. */
    chosenBy: text().notNull(),
    status: assignmentStatus().notNull().default("notified"),
    ackDeadline: timestamp({ withTimezone: true }).notNull(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    /** How many escalation steps have fired for it. */
    escalations: smallint().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique("incident_assignments_agency").on(t.tenantId, t.incidentId, t.agencyId),
    foreignKey({
      columns: [t.tenantId, t.incidentId],
      foreignColumns: [incidents.tenantId, incidents.id],
    }).onDelete("cascade"),
    // Agencies are retired (inactive), never deleted, while their tenant exists: this cascade only
    // serves deleting a whole tenant, where the agencies may go before the incidents.
    foreignKey({
      columns: [t.tenantId, t.agencyId],
      foreignColumns: [agencies.tenantId, agencies.id],
    }).onDelete("cascade"),
    check("incident_assignments_chosen_by", sql`${t.chosenBy} in ('sop', 'operator')`),
    index().on(t.tenantId, t.agencyId, t.status),
    tenantIsolationPolicy(),
  ],
).enableRLS();

export const deliveryChannel = pgEnum("delivery_channel", ["webhook", "email"]);
export const deliveryStatus = pgEnum("delivery_status", [
  "queued",
  "delivered",
  "retrying",
  "dead",
]);

/**
 * One notification of one assignment over one of the agency's contacts. The row is the
 * idempotency key: a job that runs twice finds it delivered and sends nothing the second time.
 */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    tenantId: tenantId(),
    id: id(),
    incidentId: uuid().notNull(),
    assignmentId: uuid().notNull(),
    contactId: uuid(),
    channel: deliveryChannel().notNull(),
    /** Where it goes, as it was when sent (a contact may change later). */
    target: text().notNull(),
    status: deliveryStatus().notNull().default("queued"),
    attempts: smallint().notNull().default(0),
    lastError: text(),
    deliveredAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique("notification_deliveries_once").on(t.tenantId, t.assignmentId, t.contactId),
    foreignKey({
      columns: [t.tenantId, t.assignmentId],
      foreignColumns: [incidentAssignments.tenantId, incidentAssignments.id],
    }).onDelete("cascade"),
    // A removed contact leaves its deliveries (the record of what was sent where): the migration sets
    // only contact_id null (SET NULL (contact_id)), which Drizzle cannot say; tenant_id must stay.
    foreignKey({
      columns: [t.tenantId, t.contactId],
      foreignColumns: [agencyContacts.tenantId, agencyContacts.id],
    }).onDelete("set null"),
    index().on(t.tenantId, t.incidentId),
    tenantIsolationPolicy(),
  ],
).enableRLS();

/**
 * What happened to an incident, in order: created, planned, notified, acknowledged, status
 * changes, notes, escalations, attached calls. Append-only; `data` holds the kind's details.
 */
export const incidentTimeline = pgTable(
  "incident_timeline",
  {
    tenantId: tenantId(),
    id: id(),
    incidentId: uuid().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    kind: text().notNull(),
    /** The signed-in user who did it; null for the system, a responder link or an agency's system. */
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** Who did it, as people read it: a name, an agency's responder, "Sistem". */
    actorLabel: text().notNull(),
    data: jsonb()
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.incidentId],
      foreignColumns: [incidents.tenantId, incidents.id],
    }).onDelete("cascade"),
    index().on(t.tenantId, t.incidentId, t.at),
    tenantIsolationPolicy(),
  ],
).enableRLS();

/**
 * Reports an agency's own system sent (acknowledgements, status updates), keyed by the sender's
 * report id per webhook contact: a retried report finds its receipt and gets the first answer again.
 */
export const agencyReportReceipts = pgTable(
  "agency_report_receipts",
  {
    tenantId: tenantId(),
    contactId: uuid().notNull(),
    reportId: text().notNull(),
    assignmentId: uuid().notNull(),
    status: text().notNull(),
    /** The answer the first delivery got, sent again to every retry. */
    answer: jsonb().$type<Record<string, unknown>>(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.contactId, t.reportId] }),
    foreignKey({
      columns: [t.tenantId, t.contactId],
      foreignColumns: [agencyContacts.tenantId, agencyContacts.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.tenantId, t.assignmentId],
      foreignColumns: [incidentAssignments.tenantId, incidentAssignments.id],
    }).onDelete("cascade"),
    tenantIsolationPolicy(),
  ],
).enableRLS();
