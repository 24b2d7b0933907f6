import type { TenantTx } from "@sigap/db/client";
import {
  appendTimeline,
  attachCall,
  findCurrentSopVersion,
  findTenantRegion,
  insertAgencies,
  insertAssignments,
  insertIncident,
  listAgencyTargets,
  listEmergencyCallsWithoutIncident,
  listRegionDistricts,
  updateAssignment,
  updateIncident,
  type TimelineEntry,
} from "@sigap/db/queries";
import { standardSet } from "../agencies/standard-set.ts";
import { confirmedPlan, planningAgencies, proposePlan, type PlanningAgency } from "./plan.ts";

// The demo region's past emergencies, as its operators and agencies would have handled them: so
// the board, the timelines and the exports have true-looking history from the first start.

/** What the demo's emergencies were, roughly as often as regions see them. */
const kinds: readonly { types: string[]; flags: string[]; weight: number }[] = [
  { types: ["traffic_accident.multi_vehicle"], flags: [], weight: 25 },
  { types: ["medical.cardiac"], flags: [], weight: 15 },
  { types: ["medical.trauma"], flags: [], weight: 10 },
  { types: ["fire.building"], flags: ["people_trapped"], weight: 10 },
  { types: ["fire.building"], flags: [], weight: 10 },
  { types: ["fire.vehicle", "traffic_accident.single_vehicle"], flags: [], weight: 5 },
  { types: ["fallen_tree"], flags: ["road_blocked"], weight: 10 },
  { types: ["disaster.flood"], flags: ["spreading"], weight: 5 },
  { types: ["crime.theft"], flags: [], weight: 10 },
];

const dispositions = [
  "Tertangani di lokasi",
  "Korban dibawa ke RSUD",
  "Situasi aman, jalan dibuka kembali",
  "Api padam, pendinginan selesai",
];
const cancelReasons = [
  "Sudah ditangani warga sebelum petugas tiba",
  "Laporan ganda dari penelepon lain",
];

type Random = () => number;

function pick<T extends { weight: number }>(random: Random, weighted: readonly T[]): T {
  let roll = random() * weighted.reduce((sum, entry) => sum + entry.weight, 0);
  for (const entry of weighted) {
    roll -= entry.weight;
    if (roll <= 0) return entry;
  }
  const [first] = weighted;
  if (!first) throw new Error("nothing to pick from");
  return first;
}

function oneOf(random: Random, items: readonly string[]): string {
  return items[Math.floor(random() * items.length)] ?? "";
}

const minutes = (at: Date, count: number) => new Date(at.getTime() + count * 60_000);
const between = (random: Random, low: number, high: number) => low + random() * (high - low);

/** A region without its agencies gets the standard set, as a new region's admin would apply it. */
async function regionAgencies(tx: TenantTx, tenantId: string): Promise<PlanningAgency[]> {
  const existing = await listAgencyTargets(tx);
  const region = await findTenantRegion(tx, tenantId);
  const present = new Set(existing.map((agency) => agency.type));
  const missing = standardSet(region.kind, region.name).filter(
    (agency) => !present.has(agency.agencyType),
  );
  await insertAgencies(
    tx,
    missing.map((agency) => ({ tenantId, ...agency })),
  );
  return planningAgencies(await listAgencyTargets(tx));
}

/**
 * Turns the trunk's past emergency calls into incidents planned by the published SOP: most closed
 * after the agencies acknowledged, arrived and finished; a few cancelled; those of the last hours
 * still being worked. Returns how many incidents it recorded.
 */
export async function recordDemoIncidents(
  tx: TenantTx,
  tenantId: string,
  trunkId: string,
  now: Date,
  random: Random,
): Promise<number> {
  const [pastCalls, version, agencies, region] = await Promise.all([
    listEmergencyCallsWithoutIncident(tx, trunkId),
    findCurrentSopVersion(tx),
    regionAgencies(tx, tenantId),
    findTenantRegion(tx, tenantId),
  ]);
  const districts = await listRegionDistricts(tx, region.code);
  const published =
    version?.number == null ? undefined : { number: version.number, ruleset: version.ruleset };
  const system = { actorUserId: null, actorLabel: "Operator 112" };
  for (const call of pastCalls) {
    const at = call.classifiedAt ?? now;
    const { types, flags } = pick(random, kinds);
    const kecamatan = districts[Math.floor(random() * districts.length)]?.code ?? null;
    const location = {
      latitude: call.location?.latitude ?? null,
      longitude: call.location?.longitude ?? null,
      kecamatanCode: kecamatan,
      address: null,
    };
    const incident = await insertIncident(tx, {
      tenantId,
      origin: "call",
      types,
      flags,
      location,
      createdAt: at,
      updatedAt: at,
    });
    await attachCall(tx, call.id, incident.id);
    const plan = proposePlan({
      version: published,
      facts: { types, severity: null, casualties: null, flags, kecamatanCode: kecamatan },
      agencies,
      now: at,
    });
    const dispatchedAt = minutes(at, between(random, 1, 3));
    const assignments = await insertAssignments(
      tx,
      plan.lines.map((line) => ({
        tenantId,
        incidentId: incident.id,
        agencyId: line.agencyId,
        role: line.role,
        lead: line.lead,
        reason: `SOP: ${line.rules.join("; ")}`,
        chosenBy: "sop",
        ackDeadline: minutes(dispatchedAt, line.ackWithinMinutes),
        createdAt: dispatchedAt,
      })),
    );
    const entries: TimelineEntry[] = [
      {
        incidentId: incident.id,
        at,
        kind: "created",
        ...system,
        data: { origin: "call", types, callId: call.id },
      },
      {
        incidentId: incident.id,
        at: dispatchedAt,
        kind: "dispatched",
        ...system,
        data: {
          source: plan.source,
          sopVersionNumber: plan.sopVersionNumber,
          priority: plan.priority,
          agencies: plan.lines.map((line) => ({
            name: line.name,
            role: line.role,
            lead: line.lead,
          })),
          removed: [],
        },
      },
    ];
    const hoursAgo = (now.getTime() - at.getTime()) / 3_600_000;
    // The last hours' incidents are still open: some not yet acknowledged, some on scene.
    const stage =
      hoursAgo < 2
        ? random() < 0.5
          ? "dispatched"
          : "in_progress"
        : random() < 0.1
          ? "cancelled"
          : "closed";
    let latest = dispatchedAt;
    if (stage !== "dispatched") {
      for (const assignment of assignments) {
        const acknowledged = minutes(dispatchedAt, between(random, 0.5, 4));
        const onScene = minutes(acknowledged, between(random, 6, 25));
        const status = stage === "in_progress" ? "on_scene" : "done";
        await updateAssignment(tx, assignment.id, { status, acknowledgedAt: acknowledged });
        const name = agencies.find((agency) => agency.id === assignment.agencyId)?.name ?? "";
        const responder = { actorUserId: null, actorLabel: `${name} (tautan responder)` };
        entries.push({
          incidentId: incident.id,
          at: acknowledged,
          kind: "agency_report",
          ...responder,
          data: { agency: name, status: "acknowledged", via: "link" },
        });
        entries.push({
          incidentId: incident.id,
          at: onScene,
          kind: "agency_report",
          ...responder,
          data: { agency: name, status: "on_scene", via: "link" },
        });
        latest = onScene > latest ? onScene : latest;
      }
    }
    const finishedAt = minutes(latest, between(random, 20, 90));
    const disposition =
      stage === "cancelled"
        ? oneOf(random, cancelReasons)
        : stage === "closed"
          ? oneOf(random, dispositions)
          : null;
    if (stage === "closed") {
      entries.push({
        incidentId: incident.id,
        at: finishedAt,
        kind: "status_changed",
        ...system,
        data: { from: "in_progress", to: "resolved" },
      });
      entries.push({
        incidentId: incident.id,
        at: minutes(finishedAt, 10),
        kind: "status_changed",
        ...system,
        data: { from: "resolved", to: "closed", disposition },
      });
    }
    if (stage === "cancelled")
      entries.push({
        incidentId: incident.id,
        at: finishedAt,
        kind: "status_changed",
        ...system,
        data: { from: "dispatched", to: "cancelled", disposition },
      });
    await updateIncident(tx, incident.id, {
      status: stage,
      plan: confirmedPlan(plan),
      sopVersionNumber: plan.source === "sop" ? plan.sopVersionNumber : null,
      dispatchedAt,
      disposition,
      ...(stage === "closed" ? { resolvedAt: finishedAt, closedAt: minutes(finishedAt, 10) } : {}),
      ...(stage === "cancelled" ? { closedAt: finishedAt } : {}),
      updatedAt: stage === "closed" ? minutes(finishedAt, 10) : latest,
    });
    await appendTimeline(tx, tenantId, entries);
  }
  return pastCalls.length;
}
