import type { TenantTx } from "@sigap/db/client";
import {
  currentTenantProfile,
  findIncident,
  findPlaceNames,
  listAssignments,
  listDeliveries,
  listIncidentCalls,
  listTimeline,
  type IncidentRow,
} from "@sigap/db/queries";
import type { IncidentRecord } from "./record.ts";

/** Everything about one incident, read in one go (the statements are pipelined in the transaction). */
export async function loadIncident(tx: TenantTx, incidentId: string) {
  const incident = await findIncident(tx, incidentId, { lock: false });
  if (!incident) return null;
  const [assignments, deliveries, timeline, calls, tenant, place] = await Promise.all([
    listAssignments(tx, incidentId),
    listDeliveries(tx, incidentId),
    listTimeline(tx, incidentId),
    listIncidentCalls(tx, incidentId),
    currentTenantProfile(tx),
    placeNames(tx, incident),
  ]);
  return { incident, assignments, deliveries, timeline, calls, tenant, place };
}

export type LoadedIncident = NonNullable<Awaited<ReturnType<typeof loadIncident>>>;

export function incidentRecord({
  incident,
  assignments,
  timeline,
  calls,
  tenant,
}: LoadedIncident): IncidentRecord {
  return {
    ...recordFacts(incident),
    tenant,
    assignments,
    timeline: timeline.map((entry) => ({
      at: entry.at,
      kind: entry.kind,
      actorLabel: entry.actorLabel,
      data: entry.data as Record<string, unknown>,
    })),
    calls,
  };
}

/** An incident's own facts as records and views show them (no tenant, plan or author). */
export function recordFacts(incident: IncidentRow) {
  return {
    id: incident.id,
    types: incident.types,
    status: incident.status,
    origin: incident.origin,
    severity: incident.severity,
    casualties: incident.casualties,
    flags: incident.flags,
    description: incident.description,
    location: incident.location,
    villageCode: incident.villageCode,
    priority: incident.plan?.priority ?? null,
    disposition: incident.disposition,
    createdAt: incident.createdAt,
    updatedAt: incident.updatedAt,
    dispatchedAt: incident.dispatchedAt,
    resolvedAt: incident.resolvedAt,
    closedAt: incident.closedAt,
  };
}

/** The incident's kecamatan and desa/kelurahan by name, from the national registry. */
function placeNames(tx: TenantTx, incident: IncidentRow) {
  return findPlaceNames(tx, {
    kecamatanCode: incident.location?.kecamatanCode ?? null,
    villageCode: incident.villageCode,
  });
}

/** What someone sent to an incident reads of it: what, how bad, where (by name), since when. */
export async function incidentBrief(tx: TenantTx, incident: IncidentRow) {
  return {
    types: incident.types,
    severity: incident.severity,
    casualties: incident.casualties,
    flags: incident.flags,
    description: incident.description,
    location: incident.location,
    ...(await placeNames(tx, incident)),
    createdAt: incident.createdAt.toISOString(),
  };
}
