import { and, asc, desc, eq, getTableColumns, inArray, or, sql } from "drizzle-orm";
import type { TenantTx } from "../client.ts";
import { agencies, agencyContacts } from "../schema/agencies.ts";
import { calls } from "../schema/calls.ts";
import { currentTenantSql } from "../schema/columns.ts";
import { tenants } from "../schema/tenants.ts";
import {
  agencyReportReceipts,
  incidentAssignments,
  incidents,
  incidentTimeline,
  notificationDeliveries,
} from "../schema/incidents.ts";
import { cursorTime, olderThan, type TimeCursor } from "./keyset.ts";
import { holdsText } from "./text-match.ts";

// Everything here runs inside `withTenant`: row-level security confines it to that tenant, so an
// id of another tenant's incident, assignment or delivery simply finds nothing.

export type IncidentRow = typeof incidents.$inferSelect;
export type IncidentStatus = IncidentRow["status"];
export type AssignmentRow = typeof incidentAssignments.$inferSelect;
export type AssignmentStatus = AssignmentRow["status"];
export type DeliveryRow = typeof notificationDeliveries.$inferSelect;
export type TimelineRow = typeof incidentTimeline.$inferSelect;

/** Statuses an incident is still worked in: the board shows these. */
export const openIncidentStatuses: readonly IncidentStatus[] = [
  "new",
  "dispatched",
  "in_progress",
  "resolved",
];

export interface TimelineEntry {
  incidentId: string;
  /** When it happened; now when omitted (only recorded history names another time). */
  at?: Date;
  kind: string;
  actorUserId: string | null;
  actorLabel: string;
  data?: Record<string, unknown>;
}

/** Appends to incidents' timelines; every entry also wakes the incidents' live views (see the migration's trigger). */
export async function appendTimeline(
  tx: TenantTx,
  tenantId: string,
  entries: TimelineEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx
    .insert(incidentTimeline)
    .values(entries.map((entry) => ({ tenantId, ...entry, data: entry.data ?? {} })));
}

export async function insertIncident(
  tx: TenantTx,
  incident: typeof incidents.$inferInsert,
): Promise<IncidentRow> {
  const [row] = await tx.insert(incidents).values(incident).returning();
  if (!row) throw new Error("incident insert returned nothing");
  return row;
}

/** One incident; `lock` holds it until commit, so two operators' changes to it take turns. */
export async function findIncident(
  tx: TenantTx,
  incidentId: string,
  options: { lock: boolean },
): Promise<IncidentRow | undefined> {
  const query = tx.select().from(incidents).where(eq(incidents.id, incidentId));
  const [row] = await (options.lock ? query.for("update") : query);
  return row;
}

export async function updateIncident(
  tx: TenantTx,
  incidentId: string,
  changes: Partial<typeof incidents.$inferInsert>,
): Promise<IncidentRow> {
  const [row] = await tx
    .update(incidents)
    .set(changes)
    .where(eq(incidents.id, incidentId))
    .returning();
  if (!row) throw new Error("incident update found nothing");
  return row;
}

export interface BoardFilter {
  statuses: readonly IncidentStatus[];
  /** Only incidents of this main type (or one of its subtypes). */
  type: string | null;
  /** Part of the description or of the address (in any case), or the start of the incident's id. */
  search: string | null;
}

/** A page of incidents, newest first: those after `before` (all from the newest without it). */
export interface IncidentPage {
  before?: TimeCursor;
  limit: number;
}

/** An id is quoted by at least its first block; a shorter search would match ids by chance. */
const idPrefixMinimum = 8;

/** The incidents a filter holds, after the page's cursor. */
function boardConditions(filter: BoardFilter, page: IncidentPage) {
  const { statuses, type, search } = filter;
  return and(
    inArray(incidents.status, [...statuses]),
    type === null
      ? undefined
      : sql`(${incidents.types}[1] = ${type} or ${incidents.types}[1] like ${`${type}.%`})`,
    search === null
      ? undefined
      : or(
          holdsText(incidents.description, search),
          holdsText(sql`${incidents.location}->>'address'`, search),
          search.length >= idPrefixMinimum
            ? sql`starts_with(${incidents.id}::text, lower(${search}))`
            : undefined,
        ),
    page.before ? olderThan(incidents.createdAt, incidents.id, page.before) : undefined,
  );
}

/** The board's incidents as whole rows (for exports), newest first, each with its cursor. */
export async function listIncidents(tx: TenantTx, filter: BoardFilter, page: IncidentPage) {
  const rows = await tx
    .select({ incident: incidents, cursorTime: cursorTime(incidents.createdAt) })
    .from(incidents)
    .where(boardConditions(filter, page))
    .orderBy(desc(incidents.createdAt), desc(incidents.id))
    .limit(page.limit);
  return rows.map(({ incident, cursorTime: at }) => ({
    ...incident,
    cursor: { at, id: incident.id },
  }));
}

/** Incidents for the board, newest first, with their assignments' state in one round trip. */
export async function listBoardIncidents(tx: TenantTx, filter: BoardFilter, page: IncidentPage) {
  const rows = await tx
    .select({
      id: incidents.id,
      types: incidents.types,
      status: incidents.status,
      origin: incidents.origin,
      severity: incidents.severity,
      casualties: incidents.casualties,
      flags: incidents.flags,
      description: incidents.description,
      location: incidents.location,
      priority: sql<string | null>`${incidents.plan}->>'priority'`,
      createdAt: incidents.createdAt,
      cursorTime: cursorTime(incidents.createdAt),
      dispatchedAt: incidents.dispatchedAt,
      // Written out: in a one-table select Drizzle leaves column names unqualified, which would bind to the sub-select's tables.
      assignments: sql<
        { agencyName: string; status: AssignmentStatus; lead: boolean; ackDeadline: string }[]
      >`coalesce((
        select jsonb_agg(jsonb_build_object('agencyName', ag.name, 'status', a.status, 'lead', a.lead, 'ackDeadline', a.ack_deadline) order by a.lead desc, ag.name)
        from incident_assignments a join agencies ag on ag.tenant_id = a.tenant_id and ag.id = a.agency_id
        where a.tenant_id = incidents.tenant_id and a.incident_id = incidents.id and a.status <> 'withdrawn'
      ), '[]'::jsonb)`,
    })
    .from(incidents)
    .where(boardConditions(filter, page))
    .orderBy(desc(incidents.createdAt), desc(incidents.id))
    .limit(page.limit);
  return rows.map(({ cursorTime: at, ...row }) => ({ ...row, cursor: { at, id: row.id } }));
}

/** Open incidents of the same main type, for the "a call from near an open incident" hint. */
export function listOpenIncidentsOfType(tx: TenantTx, mainType: string) {
  return tx
    .select({
      id: incidents.id,
      types: incidents.types,
      location: incidents.location,
      createdAt: incidents.createdAt,
      status: incidents.status,
    })
    .from(incidents)
    .where(
      and(
        inArray(incidents.status, [...openIncidentStatuses]),
        sql`split_part(${incidents.types}[1], '.', 1) = ${mainType}`,
      ),
    )
    .orderBy(desc(incidents.createdAt))
    .limit(200);
}

/** The agencies sent to each of `incidentIds`, lead first, with their names. */
export function listAssignmentsOf(tx: TenantTx, incidentIds: readonly string[]) {
  return tx
    .select({
      id: incidentAssignments.id,
      incidentId: incidentAssignments.incidentId,
      agencyId: incidentAssignments.agencyId,
      agencyName: agencies.name,
      agencyType: agencies.agencyType,
      role: incidentAssignments.role,
      lead: incidentAssignments.lead,
      reason: incidentAssignments.reason,
      chosenBy: incidentAssignments.chosenBy,
      status: incidentAssignments.status,
      ackDeadline: incidentAssignments.ackDeadline,
      acknowledgedAt: incidentAssignments.acknowledgedAt,
      escalations: incidentAssignments.escalations,
    })
    .from(incidentAssignments)
    .innerJoin(
      agencies,
      and(
        eq(agencies.tenantId, incidentAssignments.tenantId),
        eq(agencies.id, incidentAssignments.agencyId),
      ),
    )
    .where(inArray(incidentAssignments.incidentId, [...incidentIds]))
    .orderBy(desc(incidentAssignments.lead), asc(incidentAssignments.role), asc(agencies.name));
}

export function listAssignments(tx: TenantTx, incidentId: string) {
  return listAssignmentsOf(tx, [incidentId]);
}

export type AssignmentView = Awaited<ReturnType<typeof listAssignments>>[number];

export async function insertAssignments(
  tx: TenantTx,
  rows: (typeof incidentAssignments.$inferInsert)[],
): Promise<AssignmentRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(incidentAssignments).values(rows).returning();
}

/** One assignment, locked: acknowledgements from a link, the portal and an agency's system take turns. */
/** An assignment with its agency's name, locked for the caller's change. */
export async function findAssignment(
  tx: TenantTx,
  assignmentId: string,
): Promise<(AssignmentRow & { agencyName: string }) | undefined> {
  const [row] = await tx
    .select({ ...getTableColumns(incidentAssignments), agencyName: agencies.name })
    .from(incidentAssignments)
    .innerJoin(
      agencies,
      and(
        eq(agencies.tenantId, incidentAssignments.tenantId),
        eq(agencies.id, incidentAssignments.agencyId),
      ),
    )
    .where(eq(incidentAssignments.id, assignmentId))
    .for("update", { of: incidentAssignments });
  return row;
}

/** The incident an assignment belongs to, without locking anything (for reading). */
export async function findAssignmentIncidentId(
  tx: TenantTx,
  assignmentId: string,
): Promise<string | undefined> {
  const [row] = await tx
    .select({ incidentId: incidentAssignments.incidentId })
    .from(incidentAssignments)
    .where(eq(incidentAssignments.id, assignmentId));
  return row?.incidentId;
}

export async function updateAssignment(
  tx: TenantTx,
  assignmentId: string,
  changes: Partial<typeof incidentAssignments.$inferInsert>,
): Promise<AssignmentRow> {
  const [row] = await tx
    .update(incidentAssignments)
    .set(changes)
    .where(eq(incidentAssignments.id, assignmentId))
    .returning();
  if (!row) throw new Error("assignment update found nothing");
  return row;
}

/** Whether any of `incidentIds` has an assignment of `agencyId`: what a responder's live view may hear of. */
export async function concernsAgency(
  tx: TenantTx,
  agencyId: string,
  incidentIds: readonly string[],
): Promise<boolean> {
  if (incidentIds.length === 0) return false;
  const [row] = await tx
    .select({ id: incidentAssignments.id })
    .from(incidentAssignments)
    .where(
      and(
        eq(incidentAssignments.agencyId, agencyId),
        inArray(incidentAssignments.incidentId, [...incidentIds]),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The agency's assignments that are not finished, for its responders' view. */
export function listAgencyAssignments(tx: TenantTx, agencyId: string) {
  return tx
    .select({
      assignmentId: incidentAssignments.id,
      status: incidentAssignments.status,
      role: incidentAssignments.role,
      lead: incidentAssignments.lead,
      ackDeadline: incidentAssignments.ackDeadline,
      acknowledgedAt: incidentAssignments.acknowledgedAt,
      incidentId: incidents.id,
      types: incidents.types,
      incidentStatus: incidents.status,
      description: incidents.description,
      location: incidents.location,
      createdAt: incidents.createdAt,
    })
    .from(incidentAssignments)
    .innerJoin(
      incidents,
      and(
        eq(incidents.tenantId, incidentAssignments.tenantId),
        eq(incidents.id, incidentAssignments.incidentId),
      ),
    )
    .where(
      and(
        eq(incidentAssignments.agencyId, agencyId),
        inArray(incidentAssignments.status, [
          "notified",
          "acknowledged",
          "en_route",
          "on_scene",
          "needs_backup",
        ]),
      ),
    )
    .orderBy(desc(incidents.createdAt));
}

/** The contacts a notification goes to: the agency's webhooks and email addresses. */
export function listNotifiableContacts(tx: TenantTx, agencyIds: string[]) {
  if (agencyIds.length === 0) return Promise.resolve([]);
  return tx
    .select({
      id: agencyContacts.id,
      agencyId: agencyContacts.agencyId,
      kind: agencyContacts.kind,
      value: agencyContacts.value,
    })
    .from(agencyContacts)
    .where(
      and(
        inArray(agencyContacts.agencyId, agencyIds),
        inArray(agencyContacts.kind, ["webhook", "email"]),
      ),
    );
}

/** Records the notifications to send; a delivery that exists already (a retried dispatch) is kept as it is. */
export async function insertDeliveries(
  tx: TenantTx,
  rows: (typeof notificationDeliveries.$inferInsert)[],
): Promise<DeliveryRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(notificationDeliveries).values(rows).onConflictDoNothing().returning();
}

/** A delivery with what sending it needs, locked so two runs of its job take turns and the second sees the first's outcome. */
export async function findDeliveryForSending(tx: TenantTx, deliveryId: string) {
  const [row] = await tx
    .select({
      delivery: notificationDeliveries,
      contactKind: agencyContacts.kind,
      contactValue: agencyContacts.value,
      signingSecretEncrypted: agencyContacts.signingSecretEncrypted,
    })
    .from(notificationDeliveries)
    .leftJoin(
      agencyContacts,
      and(
        eq(agencyContacts.tenantId, notificationDeliveries.tenantId),
        eq(agencyContacts.id, notificationDeliveries.contactId),
      ),
    )
    .where(eq(notificationDeliveries.id, deliveryId))
    .for("update", { of: notificationDeliveries });
  return row;
}

export async function updateDelivery(
  tx: TenantTx,
  deliveryId: string,
  changes: Partial<typeof notificationDeliveries.$inferInsert>,
): Promise<void> {
  await tx
    .update(notificationDeliveries)
    .set(changes)
    .where(eq(notificationDeliveries.id, deliveryId));
}

export function listDeliveries(tx: TenantTx, incidentId: string) {
  return tx
    .select({
      id: notificationDeliveries.id,
      assignmentId: notificationDeliveries.assignmentId,
      channel: notificationDeliveries.channel,
      target: notificationDeliveries.target,
      status: notificationDeliveries.status,
      attempts: notificationDeliveries.attempts,
      lastError: notificationDeliveries.lastError,
      deliveredAt: notificationDeliveries.deliveredAt,
      updatedAt: notificationDeliveries.updatedAt,
    })
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.incidentId, incidentId))
    .orderBy(asc(notificationDeliveries.createdAt), asc(notificationDeliveries.id));
}

export function listTimeline(tx: TenantTx, incidentId: string) {
  return tx
    .select({
      id: incidentTimeline.id,
      at: incidentTimeline.at,
      kind: incidentTimeline.kind,
      actorLabel: incidentTimeline.actorLabel,
      data: incidentTimeline.data,
    })
    .from(incidentTimeline)
    .where(eq(incidentTimeline.incidentId, incidentId))
    .orderBy(asc(incidentTimeline.at), asc(incidentTimeline.id));
}

/** The calls attached to an incident, oldest first. */
export function listIncidentCalls(tx: TenantTx, incidentId: string) {
  return tx
    .select({
      id: calls.id,
      callerNumber: calls.callerNumber,
      offeredAt: calls.offeredAt,
      location: calls.location,
    })
    .from(calls)
    .where(eq(calls.incidentId, incidentId))
    .orderBy(asc(calls.offeredAt));
}

/** Attaches a call to an incident; false when the call is attached elsewhere already (a call belongs to one incident). */
export async function attachCall(
  tx: TenantTx,
  callId: string,
  incidentId: string,
): Promise<boolean> {
  const rows = await tx
    .update(calls)
    .set({ incidentId })
    .where(
      and(
        eq(calls.id, callId),
        sql`(${calls.incidentId} is null or ${calls.incidentId} = ${incidentId})`,
      ),
    )
    .returning({ id: calls.id });
  return rows.length > 0;
}

/** The transaction's tenant as notifications and exports name it. */
export async function currentTenantProfile(tx: TenantTx) {
  const [row] = await tx
    .select({
      slug: tenants.slug,
      name: tenants.displayName,
      regionCode: tenants.regionCode,
      timeZone: tenants.timeZone,
    })
    .from(tenants)
    .where(sql`${tenants.id} = ${currentTenantSql}`);
  if (!row) throw new Error("no tenant is set for this transaction");
  return row;
}

/** Emergency calls of a trunk with no incident yet, oldest first: past calls the demo history turns into incidents. */
export function listEmergencyCallsWithoutIncident(tx: TenantTx, trunkId: string) {
  return tx
    .select({ id: calls.id, classifiedAt: calls.classifiedAt, location: calls.location })
    .from(calls)
    .where(
      and(
        eq(calls.trunkId, trunkId),
        eq(calls.classification, "emergency"),
        sql`${calls.incidentId} is null`,
      ),
    )
    .orderBy(asc(calls.offeredAt));
}

/** A webhook contact with its agency and sealed secret: the key an agency's system signs its reports with. */
export async function findWebhookContact(tx: TenantTx, contactId: string) {
  const [row] = await tx
    .select({
      id: agencyContacts.id,
      agencyId: agencyContacts.agencyId,
      agencyName: agencies.name,
      signingSecretEncrypted: agencyContacts.signingSecretEncrypted,
    })
    .from(agencyContacts)
    .innerJoin(
      agencies,
      and(eq(agencies.tenantId, agencyContacts.tenantId), eq(agencies.id, agencyContacts.agencyId)),
    )
    .where(and(eq(agencyContacts.id, contactId), eq(agencyContacts.kind, "webhook")));
  return row;
}

export type ReportReceipt = typeof agencyReportReceipts.$inferSelect;

/**
 * Claims a report id for a contact: true when this is its first delivery. A concurrent delivery of
 * the same id waits on the key until this transaction ends, then finds it taken.
 */
export async function claimReportReceipt(
  tx: TenantTx,
  receipt: typeof agencyReportReceipts.$inferInsert,
): Promise<boolean> {
  const rows = await tx
    .insert(agencyReportReceipts)
    .values(receipt)
    .onConflictDoNothing()
    .returning({ reportId: agencyReportReceipts.reportId });
  return rows.length > 0;
}

export async function findReportReceipt(
  tx: TenantTx,
  contactId: string,
  reportId: string,
): Promise<ReportReceipt | undefined> {
  const [row] = await tx
    .select()
    .from(agencyReportReceipts)
    .where(
      and(
        eq(agencyReportReceipts.contactId, contactId),
        eq(agencyReportReceipts.reportId, reportId),
      ),
    );
  return row;
}

export async function recordReportAnswer(
  tx: TenantTx,
  contactId: string,
  reportId: string,
  answer: Record<string, unknown>,
): Promise<void> {
  await tx
    .update(agencyReportReceipts)
    .set({ answer })
    .where(
      and(
        eq(agencyReportReceipts.contactId, contactId),
        eq(agencyReportReceipts.reportId, reportId),
      ),
    );
}
