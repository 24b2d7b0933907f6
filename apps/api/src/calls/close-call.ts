import { TRPCError } from "@trpc/server";
import type { Database, TenantTx } from "@sigap/db/client";
import {
  appendCallFeed,
  appendTenantAudit,
  classifyCall,
  appendTimeline,
  findIncident,
  insertIncident,
  openIncidentStatuses,
  currentTenantRegionCode,
  findCall,
  findRegion,
  listDistrictVillages,
  listRegionDistricts,
  listTenantDirectory,
  receiveHandover,
  type AuditEntry,
  type CallRow,
} from "@sigap/db/queries";
import type { OperatorLocation } from "@sigap/db/schema";
import { asTenantId, withTenant, type TenantId } from "@sigap/tenancy";
import { fieldError } from "../trpc/field-error.ts";
import type { AuditInput } from "../trpc/init.ts";
import type { CloseCallInput } from "./closing.ts";

export interface CloseCallContext {
  db: Database;
  tx: TenantTx;
  tenant: { id: TenantId; displayName: string };
  userId: string;
  /** Who the timeline names as having done it: the operator's name. */
  actorLabel: string;
  audit: (entry: AuditInput) => Promise<void>;
  /** The row an audit entry makes, for the log of the region a call is handed over to. */
  auditRow: (entry: AuditInput) => AuditEntry;
}

const callTarget = "call";

/** Where the call went after this region: the other region, and whether it now sits in that region's queue. */
export interface HandoverOutcome {
  regionCode: string;
  regionName: string;
  /** The receiving tenant's name, when the region runs its 112 on the platform. */
  tenantName: string | null;
}

/**
 * Closes a call with the operator's classification, in the request's transaction. A wrong-region
 * call for a region on the platform is first put into that region's queue in a transaction of its
 * own (keyed by this call, so a retry after a failure here adds nothing twice): the caller is not
 * lost between two regions whatever fails afterwards.
 */
export async function closeCall(ctx: CloseCallContext, input: CloseCallInput) {
  const call = await findCall(ctx.tx, input.callId, { lock: true });
  if (!call) throw new TRPCError({ code: "NOT_FOUND", message: "No such call" });
  if (call.classification !== null)
    throw new TRPCError({
      code: "CONFLICT",
      message: "This call is already closed with a classification",
    });
  if (call.state === "ringing")
    throw new TRPCError({
      code: "CONFLICT",
      message: "A ringing call cannot be closed: answer it first",
    });

  const regionCode = await currentTenantRegionCode(ctx.tx);
  const location = input.location && (await checkedLocation(ctx.tx, regionCode, input.location));
  const handover =
    input.wrongRegionCode === null
      ? null
      : await handOver(ctx, call, regionCode, input.wrongRegionCode, input.note);
  const facts = { types: input.incidentTypes, description: input.note, location };
  const incidentId =
    input.classification !== "emergency"
      ? null
      : input.attachTo === null
        ? await openIncidentFromCall(ctx, call.id, facts)
        : await attachToOpenIncident(ctx, call, input.attachTo);

  const closed = await classifyCall(ctx.tx, call.id, {
    classification: input.classification,
    classifiedBy: ctx.userId,
    note: input.note,
    operatorLocation: location,
    incidentId,
    wrongRegionCode: input.wrongRegionCode,
  });
  if (!closed)
    throw new TRPCError({
      code: "CONFLICT",
      message: "This call is already closed with a classification",
    });
  await ctx.audit({
    action: "calls.classify",
    targetType: callTarget,
    targetId: call.id,
    after: {
      classification: input.classification,
      incidentId,
      handedOverTo: handover?.tenantName ?? null,
      wrongRegionCode: input.wrongRegionCode,
    },
  });
  await appendCallFeed(ctx.tx, ctx.tenant.id, [call.id]);
  return { callId: call.id, classification: input.classification, incidentId, handover };
}

/** The operator's location, its kecamatan checked against the tenant's region. */
/** Another call about an incident still open (a second caller of the same fire) joins it instead of opening a new one. */
async function attachToOpenIncident(
  ctx: CloseCallContext,
  call: CallRow,
  incidentId: string,
): Promise<string> {
  const incident = await findIncident(ctx.tx, incidentId, { lock: true });
  if (!incident || !openIncidentStatuses.includes(incident.status))
    throw fieldError("attachTo", "attachTo must be an open incident of this region");
  await appendTimeline(ctx.tx, ctx.tenant.id, [
    {
      incidentId,
      kind: "call_attached",
      actorUserId: ctx.userId,
      actorLabel: ctx.actorLabel,
      data: { callId: call.id, callerNumber: call.callerNumber },
    },
  ]);
  return incidentId;
}

/** An emergency call opens an incident (status `new`), with the call on its timeline; dispatch takes it from there. */
async function openIncidentFromCall(
  ctx: CloseCallContext,
  callId: string,
  facts: { types: string[]; description: string | null; location: OperatorLocation | null },
) {
  const incident = await insertIncident(ctx.tx, {
    tenantId: ctx.tenant.id,
    origin: "call",
    ...facts,
    createdBy: ctx.userId,
  });
  await appendTimeline(ctx.tx, ctx.tenant.id, [
    {
      incidentId: incident.id,
      kind: "created",
      actorUserId: ctx.userId,
      actorLabel: ctx.actorLabel,
      data: { origin: "call", types: facts.types, callId },
    },
  ]);
  return incident.id;
}

/** The operator's location, with its kecamatan checked against the region's. */
export async function checkedLocation(
  tx: TenantTx,
  regionCode: string,
  location: OperatorLocation,
): Promise<OperatorLocation> {
  if (
    location.kecamatanCode !== null &&
    !(await isRegionKecamatan(tx, regionCode, location.kecamatanCode))
  ) {
    throw fieldError(
      "location.kecamatanCode",
      `location.kecamatanCode must be a kecamatan of this region (${regionCode})`,
    );
  }
  return location;
}

export async function isRegionKecamatan(
  tx: TenantTx,
  regionCode: string,
  kecamatanCode: string,
): Promise<boolean> {
  return (await listRegionDistricts(tx, regionCode)).some(
    (district) => district.code === kecamatanCode,
  );
}

/**
 * The desa/kelurahan an operator named, if it lies in the location's kecamatan (a village of another
 * kecamatan, or one without a kecamatan, is refused naming the field).
 */
export async function checkedVillage(
  tx: TenantTx,
  villageCode: string | null,
  location: OperatorLocation | null,
): Promise<string | null> {
  if (villageCode === null) return null;
  const kecamatanCode = location?.kecamatanCode ?? null;
  if (kecamatanCode === null)
    throw fieldError(
      "villageCode",
      "villageCode needs location.kecamatanCode: choose the kecamatan first",
    );
  const villages = await listDistrictVillages(tx, kecamatanCode);
  if (!villages.some((village) => village.code === villageCode)) {
    throw fieldError(
      "villageCode",
      `villageCode must be a desa/kelurahan of kecamatan ${kecamatanCode}`,
    );
  }
  return villageCode;
}

/** Names the region the caller needed and, when it is on the platform, puts the call into its queue. */
async function handOver(
  ctx: CloseCallContext,
  call: CallRow,
  ownRegionCode: string,
  regionCode: string,
  note: string | null,
): Promise<HandoverOutcome> {
  if (regionCode === ownRegionCode)
    throw fieldError(
      "wrongRegionCode",
      "wrongRegionCode names this region itself: choose the region the caller needed",
    );
  const region = await findRegion(ctx.tx, regionCode);
  if (!region)
    throw fieldError("wrongRegionCode", `wrongRegionCode ${regionCode} is not a kabupaten/kota`);
  const receiver = (await listTenantDirectory(ctx.db)).find(
    (tenant) => tenant.regionCode === regionCode,
  );
  if (!receiver) return { regionCode, regionName: region.name, tenantName: null };

  const ownRegion = await findRegion(ctx.tx, ownRegionCode);
  const handedOverAt = new Date().toISOString();
  await withTenant(ctx.db, asTenantId(receiver.tenantId), async (tx) => {
    const received = await receiveHandover(tx, receiver.tenantId, call, {
      regionName: ownRegion?.name ?? ownRegionCode,
      tenantName: ctx.tenant.displayName,
      callId: call.id,
      handedOverAt,
      note,
    });
    if (!received) return;
    await appendTenantAudit(
      tx,
      receiver.tenantId,
      ctx.auditRow({
        action: "calls.receiveHandover",
        targetType: callTarget,
        targetId: received,
        after: { fromTenant: ctx.tenant.displayName, fromCallId: call.id },
      }),
    );
    await appendCallFeed(tx, receiver.tenantId, [received]);
  });
  return { regionCode, regionName: region.name, tenantName: receiver.displayName };
}
