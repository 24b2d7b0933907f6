import { tracked, TRPCError } from "@trpc/server";
import {
  appendTimeline,
  attachCall,
  concernsAgency,
  currentTenantRegionCode,
  findCall,
  findIncident,
  insertIncident,
  listAgencyAssignments,
  listBoardIncidents,
  listDistrictVillages,
  openIncidentStatuses,
  updateIncident,
  type BoardFilter,
  type IncidentStatus,
} from "@sigap/db/queries";
import { can, withTenant } from "@sigap/tenancy";
import { z } from "zod";
import type { TenantTx } from "@sigap/db/client";
import { checkedLocation, checkedVillage, isRegionKecamatan } from "../../calls/close-call.ts";
import { dateInZone } from "../../csv.ts";
import {
  addAgencies,
  dispatchIncident,
  planFor,
  type DispatchContext,
} from "../../incidents/dispatch.ts";
import {
  attachCallInput,
  boardInput,
  createIncidentInput,
  addAgenciesInput,
  dispatchInput,
  incidentIdInput,
  listExportInput,
  nearbyInput,
  noteInput,
  setStatusInput,
  updateFactsInput,
  villagesInput,
} from "../../incidents/inputs.ts";
import { eidoDocument } from "../../incidents/eido.ts";
import type { JobSender } from "../../jobs/send.ts";
import { incidentListCsv } from "../../incidents/incident-csv.ts";
import { incidentsForExport } from "../../incidents/list-export.ts";
import {
  incidentRecord,
  loadIncident,
  recordFacts,
  type LoadedIncident,
} from "../../incidents/load.ts";
import { nearbyOpenIncidents } from "../../incidents/nearby.ts";
import { reportInput, reportOnAssignment } from "../../incidents/report.ts";
import {
  responderLinkLifetimeMs,
  responderLinkToken,
  responderLinkUrl,
} from "../../incidents/responder-link.ts";
import { incidentMoveProblem } from "../../incidents/status.ts";
import { fieldError } from "../field-error.ts";
import { createRouter, tenantProcedure, tenantStreamProcedure } from "../init.ts";
import { encodeTimeCursor, pageOf } from "../paging.ts";
import { watchAdmission } from "../stream-admission.ts";

const incidentTarget = "incident";
const closedStatuses: IncidentStatus[] = ["closed", "cancelled"];

function statusesOf(view: "open" | "closed" | "all"): readonly IncidentStatus[] {
  if (view === "open") return openIncidentStatuses;
  return view === "closed" ? closedStatuses : [...openIncidentStatuses, ...closedStatuses];
}

function filterOf(input: z.output<typeof listExportInput>): BoardFilter {
  return { statuses: statusesOf(input.view), type: input.type, search: input.query };
}

/** What dispatching writes with: the request's transaction and jobs, and who acts. */
function dispatchContext(ctx: {
  tx: TenantTx;
  tenant: { id: string };
  auth: { user: { id: string; displayName: string } };
  jobs: JobSender;
}): DispatchContext {
  return {
    tx: ctx.tx,
    tenantId: ctx.tenant.id,
    userId: ctx.auth.user.id,
    actorLabel: ctx.auth.user.displayName,
    jobs: ctx.jobs,
  };
}

function notFound(): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: "No such incident" });
}

function incidentView(loaded: LoadedIncident, links: ((assignmentId: string) => string) | null) {
  const { incident } = loaded;
  const facts = recordFacts(incident);
  return {
    ...facts,
    ...loaded.place,
    plan: incident.plan,
    sopVersionNumber: incident.sopVersionNumber,
    createdAt: facts.createdAt.toISOString(),
    updatedAt: facts.updatedAt.toISOString(),
    dispatchedAt: facts.dispatchedAt?.toISOString() ?? null,
    resolvedAt: facts.resolvedAt?.toISOString() ?? null,
    closedAt: facts.closedAt?.toISOString() ?? null,
    assignments: loaded.assignments.map((assignment) => ({
      ...assignment,
      ackDeadline: assignment.ackDeadline.toISOString(),
      acknowledgedAt: assignment.acknowledgedAt?.toISOString() ?? null,
      // For the operator to pass on by phone or chat when no notification arrives.
      responderLink:
        links && assignment.status !== "withdrawn" && assignment.status !== "done"
          ? links(assignment.id)
          : null,
    })),
    deliveries: loaded.deliveries.map((delivery) => ({
      ...delivery,
      deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
      updatedAt: delivery.updatedAt.toISOString(),
    })),
    timeline: loaded.timeline.map((entry) => ({
      id: entry.id,
      at: entry.at.toISOString(),
      kind: entry.kind,
      actorLabel: entry.actorLabel,
      data: entry.data as Record<string, unknown>,
    })),
    calls: loaded.calls.map((call) => ({ ...call, offeredAt: call.offeredAt.toISOString() })),
  };
}

/**
 * The region's incidents: the board, one incident with its plan and timeline, opening one by hand,
 * dispatching it with the published SOP's plan, and following it to its close. Agency responders
 * see their agency's assignments and report on them.
 */
export const incidentsRouter = createRouter({
  /**
   * A page of the board, newest first, with the incidents' agencies' state; `view` open (default),
   * closed or all, narrowed by main type and search. `nextCursor` fetches the following page.
   */
  board: tenantProcedure("incidents.view")
    .input(boardInput)
    .query(async ({ ctx, input }) => {
      const page = pageOf(
        await listBoardIncidents(ctx.tx, filterOf(input), {
          before: input.cursor,
          limit: input.limit + 1,
        }),
        input.limit,
        (row) => encodeTimeCursor(row.cursor),
      );
      const now = Date.now();
      return {
        rows: page.rows.map(({ cursor: _cursor, ...row }) => ({
          ...row,
          createdAt: row.createdAt.toISOString(),
          dispatchedAt: row.dispatchedAt?.toISOString() ?? null,
          overdue: row.assignments.some(
            (assignment) =>
              assignment.status === "notified" && new Date(assignment.ackDeadline).getTime() < now,
          ),
        })),
        nextCursor: page.nextCursor,
      };
    }),

  /** One incident with its agencies, notifications, timeline and calls. */
  detail: tenantProcedure("incidents.view")
    .input(incidentIdInput)
    .query(async ({ ctx, input }) => {
      const loaded = await loadIncident(ctx.tx, input.incidentId);
      if (!loaded) throw notFound();
      const links = can(ctx.role, "incidents.dispatch")
        ? (assignmentId: string) =>
            responderLinkUrl(
              ctx.config.publicUrl,
              responderLinkToken(
                ctx.config.secretKeys,
                { tenantId: ctx.tenant.id, assignmentId },
                new Date(Date.now() + responderLinkLifetimeMs),
              ),
            )
        : null;
      return incidentView(loaded, links);
    }),

  /** What the published SOP proposes for the incident now, resolved to the region's agencies; a manual plan when it cannot. */
  proposal: tenantProcedure("incidents.dispatch")
    .input(incidentIdInput)
    .query(async ({ ctx, input }) => {
      const incident = await findIncident(ctx.tx, input.incidentId, { lock: false });
      if (!incident) throw notFound();
      return (await planFor(ctx.tx, incident, new Date())).proposal;
    }),

  /** The desa/kelurahan of one of the region's kecamatan, for the incident's place. */
  villages: tenantProcedure("incidents.view")
    .input(villagesInput)
    .query(async ({ ctx, input }) => {
      const regionCode = await currentTenantRegionCode(ctx.tx);
      if (!(await isRegionKecamatan(ctx.tx, regionCode, input.kecamatanCode))) {
        throw fieldError(
          "kecamatanCode",
          `kecamatanCode must be a kecamatan of this region (${regionCode})`,
        );
      }
      return listDistrictVillages(ctx.tx, input.kecamatanCode);
    }),

  /** Opens an incident by hand, with a hint when an open incident of the same kind is near. */
  create: tenantProcedure("incidents.dispatch")
    .input(createIncidentInput)
    .mutation(async ({ ctx, input }) => {
      const location =
        input.location &&
        (await checkedLocation(ctx.tx, await currentTenantRegionCode(ctx.tx), input.location));
      const villageCode = await checkedVillage(ctx.tx, input.villageCode, location);
      const { origin, ...facts } = input;
      const incident = await insertIncident(ctx.tx, {
        tenantId: ctx.tenant.id,
        origin,
        ...facts,
        location,
        villageCode,
        createdBy: ctx.auth.user.id,
      });
      await appendTimeline(ctx.tx, ctx.tenant.id, [
        {
          incidentId: incident.id,
          kind: "created",
          actorUserId: ctx.auth.user.id,
          actorLabel: ctx.auth.user.displayName,
          data: { origin, types: input.types },
        },
      ]);
      await ctx.audit({
        action: "incidents.create",
        targetType: incidentTarget,
        targetId: incident.id,
        after: { origin, types: input.types },
      });
      const nearby = await nearbyOpenIncidents(ctx.tx, incident);
      return { incidentId: incident.id, nearby };
    }),

  /**
   * Open incidents of the same kind near where a caller is (500 m, or the same kecamatan without
   * coordinates): the call panel offers to attach the call to one instead of opening another.
   */
  nearby: tenantProcedure("incidents.view")
    .input(nearbyInput)
    .query(async ({ ctx, input }) =>
      nearbyOpenIncidents(ctx.tx, { id: null, types: input.types, location: input.location }),
    ),

  /** Changes what is known before dispatch; the proposal follows the facts. */
  updateFacts: tenantProcedure("incidents.dispatch")
    .input(updateFactsInput)
    .mutation(async ({ ctx, input }) => {
      const incident = await findIncident(ctx.tx, input.incidentId, { lock: true });
      if (!incident) throw notFound();
      if (closedStatuses.includes(incident.status))
        throw new TRPCError({
          code: "CONFLICT",
          message: `The incident is ${incident.status}: it cannot change any more`,
        });
      const location =
        input.location &&
        (await checkedLocation(ctx.tx, await currentTenantRegionCode(ctx.tx), input.location));
      const villageCode = await checkedVillage(ctx.tx, input.villageCode, location);
      const { incidentId, ...facts } = input;
      await updateIncident(ctx.tx, incidentId, { ...facts, location, villageCode });
      await appendTimeline(ctx.tx, ctx.tenant.id, [
        {
          incidentId,
          kind: "facts_changed",
          actorUserId: ctx.auth.user.id,
          actorLabel: ctx.auth.user.displayName,
          data: {
            types: facts.types,
            severity: facts.severity,
            casualties: facts.casualties,
            flags: facts.flags,
          },
        },
      ]);
      return { incidentId };
    }),

  /** Dispatches the incident with the operator's confirmed plan (see dispatch.ts). */
  dispatch: tenantProcedure("incidents.dispatch")
    .input(dispatchInput)
    .mutation(async ({ ctx, input }) => {
      const result = await dispatchIncident(dispatchContext(ctx), input, new Date());
      await ctx.audit({
        action: "incidents.dispatch",
        targetType: incidentTarget,
        targetId: input.incidentId,
        after: { agencies: input.agencies.map((agency) => agency.agencyId) },
      });
      return result;
    }),

  /** Sends more agencies to an incident under way (see dispatch.ts). */
  addAgencies: tenantProcedure("incidents.dispatch")
    .input(addAgenciesInput)
    .mutation(async ({ ctx, input }) => {
      const result = await addAgencies(dispatchContext(ctx), input, new Date());
      await ctx.audit({
        action: "incidents.addAgencies",
        targetType: incidentTarget,
        targetId: input.incidentId,
        after: { agencies: input.agencies.map((agency) => agency.agencyId) },
      });
      return result;
    }),

  /** Moves the incident on: in progress, resolved, closed with a disposition, or cancelled with a reason. */
  setStatus: tenantProcedure("incidents.dispatch")
    .input(setStatusInput)
    .mutation(async ({ ctx, input }) => {
      const incident = await findIncident(ctx.tx, input.incidentId, { lock: true });
      if (!incident) throw notFound();
      const problem = incidentMoveProblem(incident.status, input.status);
      if (problem) throw new TRPCError({ code: "CONFLICT", message: problem });
      const now = new Date();
      await updateIncident(ctx.tx, incident.id, {
        status: input.status,
        ...(input.disposition === null ? {} : { disposition: input.disposition }),
        ...(input.status === "resolved" ? { resolvedAt: now } : {}),
        ...(input.status === "closed" || input.status === "cancelled" ? { closedAt: now } : {}),
      });
      await appendTimeline(ctx.tx, ctx.tenant.id, [
        {
          incidentId: incident.id,
          kind: "status_changed",
          actorUserId: ctx.auth.user.id,
          actorLabel: ctx.auth.user.displayName,
          data: { from: incident.status, to: input.status, disposition: input.disposition },
        },
      ]);
      await ctx.audit({
        action: "incidents.setStatus",
        targetType: incidentTarget,
        targetId: incident.id,
        before: { status: incident.status },
        after: { status: input.status, disposition: input.disposition },
      });
      return { incidentId: incident.id, status: input.status };
    }),

  /** A note on the timeline. */
  addNote: tenantProcedure("incidents.dispatch")
    .input(noteInput)
    .mutation(async ({ ctx, input }) => {
      const incident = await findIncident(ctx.tx, input.incidentId, { lock: false });
      if (!incident) throw notFound();
      await appendTimeline(ctx.tx, ctx.tenant.id, [
        {
          incidentId: incident.id,
          kind: "note",
          actorUserId: ctx.auth.user.id,
          actorLabel: ctx.auth.user.displayName,
          data: { note: input.note },
        },
      ]);
      return { incidentId: incident.id };
    }),

  /** Attaches another call about the same incident (a second caller, a call back). */
  attachCall: tenantProcedure("incidents.dispatch")
    .input(attachCallInput)
    .mutation(async ({ ctx, input }) => {
      const [incident, call] = await Promise.all([
        findIncident(ctx.tx, input.incidentId, { lock: false }),
        findCall(ctx.tx, input.callId, { lock: true }),
      ]);
      if (!incident) throw notFound();
      if (!call) throw new TRPCError({ code: "NOT_FOUND", message: "No such call" });
      if (!(await attachCall(ctx.tx, call.id, incident.id)))
        throw new TRPCError({ code: "CONFLICT", message: "The call belongs to another incident" });
      await appendTimeline(ctx.tx, ctx.tenant.id, [
        {
          incidentId: incident.id,
          kind: "call_attached",
          actorUserId: ctx.auth.user.id,
          actorLabel: ctx.auth.user.displayName,
          data: { callId: call.id, callerNumber: call.callerNumber },
        },
      ]);
      return { incidentId: incident.id, callId: call.id };
    }),

  /** An operator writes down what an agency said by phone (its notification did not arrive, or it has no system). */
  recordReport: tenantProcedure("incidents.dispatch")
    .input(
      reportInput.extend({
        assignmentId: z.uuid({ error: "assignmentId must be an assignment's id" }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { assignmentId, ...report } = input;
      return reportOnAssignment(
        ctx.tx,
        ctx.tenant.id,
        assignmentId,
        report,
        {
          userId: ctx.auth.user.id,
          label: `${ctx.auth.user.displayName} (telepon)`,
          via: "operator",
        },
        new Date(),
      );
    }),

  /**
   * Which incidents change, live over server-sent events: the board and an incident's page read
   * again when one they show does. `"*"` among the ids means any may have (the API's listener
   * reconnected to Postgres and may have missed signals). Ends (UNAUTHORIZED) when the session no longer admits its holder.
   */
  live: tenantStreamProcedure("incidents.view").subscription(async function* ({ ctx, signal }) {
    const admission = watchAdmission(ctx, signal, "incidents.live");
    let sequence = 0;
    try {
      // A first, empty message tells the client the stream is open (its connection state turns live).
      yield tracked(String(sequence), { incidentIds: [] as string[] });
      for await (const incidentIds of ctx.incidentSignals.follow(ctx.tenant.id, admission.ended)) {
        sequence += 1;
        yield tracked(String(sequence), { incidentIds });
      }
    } finally {
      admission.stop();
    }
    if (admission.refused())
      throw new TRPCError({
        code: "UNAUTHORIZED",
        message: "The session no longer admits you to this region's incidents",
      });
  }),

  /** One incident as a NENA EIDO document (NENA-STA-021), for another centre's or an agency's system. */
  exportEido: tenantProcedure("incidents.export")
    .input(incidentIdInput)
    .query(async ({ ctx, input }) => {
      const loaded = await loadIncident(ctx.tx, input.incidentId);
      if (!loaded) throw notFound();
      // The region's centre, named under the platform's own domain: it issues the document and owns the incident.
      const senderId = `${ctx.tenant.slug}.${new URL(ctx.config.publicUrl).hostname}`;
      return {
        filename: `eido-${input.incidentId}.json`,
        document: eidoDocument(incidentRecord(loaded), { issuedAt: new Date(), senderId }),
      };
    }),

  /**
   * Every incident of the board's filter as CSV, newest first, times in the region's zone: at most
   * 10,000 (`truncated` says when more matched, and a narrower filter gets the rest).
   */
  exportCsv: tenantProcedure("incidents.export")
    .input(listExportInput)
    .query(async ({ ctx, input }) => {
      const { records, truncated } = await incidentsForExport(ctx.tx, filterOf(input));
      return {
        filename: `insiden-${ctx.tenant.slug}-${dateInZone(new Date(), ctx.tenant.timeZone)}.csv`,
        csv: incidentListCsv(records, ctx.tenant.timeZone),
        rowCount: records.length,
        truncated,
      };
    }),

  /**
   * Tells an agency responder when one of their agency's assignments may have changed (a new one,
   * a note, a status), so the assignments page reads again. It carries no ids: the region's other
   * incidents, and even that they changed, are none of the agency's business.
   */
  mineLive: tenantStreamProcedure("incidents.respond").subscription(async function* ({
    ctx,
    signal,
  }) {
    const admission = watchAdmission(ctx, signal, "incidents.mineLive");
    const { agencyId } = ctx;
    let sequence = 0;
    try {
      yield tracked(String(sequence), { changed: false });
      for await (const incidentIds of ctx.incidentSignals.follow(ctx.tenant.id, admission.ended)) {
        // "*" after a lost listener: anything may have changed, this agency's assignments included.
        const concerned =
          agencyId !== null &&
          (incidentIds.includes("*") ||
            (await withTenant(
              ctx.db,
              ctx.tenant.id,
              (tx) => concernsAgency(tx, agencyId, incidentIds),
              { readOnly: true },
            )));
        if (!concerned) continue;
        sequence += 1;
        yield tracked(String(sequence), { changed: true });
      }
    } finally {
      admission.stop();
    }
    if (admission.refused())
      throw new TRPCError({
        code: "UNAUTHORIZED",
        message: "The session no longer admits you to this agency's assignments",
      });
  }),

  /** My agency's assignments that are not finished (agency responders). */
  mine: tenantProcedure("incidents.respond").query(async ({ ctx }) => {
    const agencyId = ctx.agencyId;
    if (!agencyId) return [];
    return (await listAgencyAssignments(ctx.tx, agencyId)).map((row) => ({
      ...row,
      ackDeadline: row.ackDeadline.toISOString(),
      acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    }));
  }),

  /** A responder reports on one of their agency's assignments. */
  report: tenantProcedure("incidents.respond")
    .input(
      reportInput.extend({
        assignmentId: z.uuid({ error: "assignmentId must be an assignment's id" }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { assignmentId, ...report } = input;
      const mine = ctx.agencyId ? await listAgencyAssignments(ctx.tx, ctx.agencyId) : [];
      // Another agency's assignment is answered as if it did not exist.
      if (!mine.some((row) => row.assignmentId === assignmentId))
        throw new TRPCError({ code: "NOT_FOUND", message: "No such assignment" });
      return reportOnAssignment(
        ctx.tx,
        ctx.tenant.id,
        assignmentId,
        report,
        { userId: ctx.auth.user.id, label: ctx.auth.user.displayName, via: "responder" },
        new Date(),
      );
    }),
});
