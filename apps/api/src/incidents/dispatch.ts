import { TRPCError } from "@trpc/server";
import type { TenantTx } from "@sigap/db/client";
import { incidentEscalationQueue, incidentNotifyQueue } from "@sigap/db/jobs";
import {
  appendTimeline,
  findCurrentSopVersion,
  findIncident,
  insertAssignments,
  insertDeliveries,
  listAgencyTargets,
  listAssignments,
  listNotifiableContacts,
  updateIncident,
  type AssignmentRow,
  type IncidentRow,
} from "@sigap/db/queries";
import type { JobSender } from "../jobs/send.ts";
import { fieldError } from "../trpc/field-error.ts";
import {
  confirmedPlan,
  manualAckMinutes,
  planningAgencies,
  proposePlan,
  type PlanEngine,
  type ProposedPlan,
} from "./plan.ts";

/** How notifications retry: from seconds to 15 minutes apart, for a little over an hour, before they are given up (dead). */
export const notificationRetry = {
  retryLimit: 10,
  retryDelay: 10,
  retryBackoff: true,
  retryDelayMax: 900,
} as const;

/** An agency the operator sends, as confirmed from the proposal. */
export interface DispatchChoice {
  agencyId: string;
  role: "primary" | "support";
  lead: boolean;
  /** Required for an agency the SOP did not propose, or proposed in another role. */
  reason: string | null;
}

export interface DispatchInput {
  incidentId: string;
  agencies: DispatchChoice[];
  /** Every agency the SOP proposed that the operator does not send, with why. */
  removals: { agencyId: string; reason: string }[];
}

export interface DispatchContext {
  tx: TenantTx;
  tenantId: string;
  userId: string;
  actorLabel: string;
  jobs: JobSender;
  retry?: Partial<typeof notificationRetry>;
  engine?: PlanEngine;
}

export function incidentFacts(
  incident: Pick<IncidentRow, "types" | "severity" | "casualties" | "flags" | "location">,
) {
  return {
    types: incident.types,
    severity: incident.severity,
    casualties: incident.casualties,
    flags: incident.flags,
    kecamatanCode: incident.location?.kecamatanCode ?? null,
  };
}

/** The published SOP's proposal for an incident, and the region's agencies it was resolved to. */
export async function planFor(tx: TenantTx, incident: IncidentRow, now: Date, engine?: PlanEngine) {
  const [version, agencies] = await Promise.all([findCurrentSopVersion(tx), listAgencyTargets(tx)]);
  const published =
    version?.number == null ? undefined : { number: version.number, ruleset: version.ruleset };
  const proposal = proposePlan({
    version: published,
    facts: incidentFacts(incident),
    agencies: planningAgencies(agencies),
    now,
    ...(engine ? { engine } : {}),
  });
  return { proposal, agencies };
}

/**
 * Checks one agency the operator sends: active in the region, named once, and explained where the
 * SOP did not propose it in this role. Throws a field error naming the agency's place in the list.
 */
function checkChoice(
  choice: Omit<DispatchChoice, "lead">,
  index: number,
  seen: Set<string>,
  proposal: ProposedPlan,
  activeAgencies: Map<string, string>,
) {
  if (!activeAgencies.has(choice.agencyId))
    throw fieldError(
      `agencies.${String(index)}.agencyId`,
      "agencyId must be an active agency of this region",
    );
  if (seen.has(choice.agencyId))
    throw fieldError(`agencies.${String(index)}.agencyId`, "agencies must name each agency once");
  seen.add(choice.agencyId);
  const line = proposal.lines.find((candidate) => candidate.agencyId === choice.agencyId);
  if ((!line || line.role !== choice.role) && !choice.reason) {
    throw fieldError(
      `agencies.${String(index)}.reason`,
      `reason is required: ${activeAgencies.get(choice.agencyId) ?? "this agency"} was not proposed in this role by the SOP`,
    );
  }
}

/** Checks the operator's choices against the proposal; throws a field error naming the first problem. */
function checkChoices(
  input: DispatchInput,
  proposal: ProposedPlan,
  activeAgencies: Map<string, string>,
) {
  if (input.agencies.length === 0)
    throw fieldError("agencies", "agencies must name at least one agency to send");
  const seen = new Set<string>();
  input.agencies.forEach((choice, index) => {
    checkChoice(choice, index, seen, proposal, activeAgencies);
    if (choice.lead && choice.role !== "primary")
      throw fieldError(`agencies.${String(index)}.lead`, "lead must be a primary agency");
  });
  if (input.agencies.filter((choice) => choice.lead).length > 1)
    throw fieldError("agencies", "agencies may have one lead at most");
  for (const line of proposal.lines) {
    if (seen.has(line.agencyId)) continue;
    if (
      !input.removals.some(
        (removal) => removal.agencyId === line.agencyId && removal.reason.length > 0,
      )
    ) {
      throw fieldError(
        "removals",
        `removals must give a reason for not sending ${line.name}, which the SOP proposed`,
      );
    }
  }
}

/** The assignments for the agencies sent: the SOP's rules as the reason where it proposed them so. */
function assignmentRows(
  ctx: DispatchContext,
  incidentId: string,
  choices: DispatchChoice[],
  proposal: ProposedPlan,
  now: Date,
) {
  return choices.map((choice) => {
    const line = proposal.lines.find((candidate) => candidate.agencyId === choice.agencyId);
    const bySop = line !== undefined && line.role === choice.role && !choice.reason;
    const minutes = line?.ackWithinMinutes ?? manualAckMinutes;
    return {
      tenantId: ctx.tenantId,
      incidentId,
      agencyId: choice.agencyId,
      role: choice.role,
      lead: choice.lead,
      reason: bySop ? `SOP: ${line.rules.join("; ")}` : (choice.reason ?? ""),
      chosenBy: bySop ? "sop" : "operator",
      ackDeadline: new Date(now.getTime() + minutes * 60_000),
    };
  });
}

/** A job at each assignment's acknowledgement deadline, which finds it acknowledged or marks it overdue. */
async function queueDeadlines(
  ctx: DispatchContext,
  incidentId: string,
  assignments: AssignmentRow[],
) {
  for (const assignment of assignments) {
    await ctx.jobs.send(
      ctx.tx,
      incidentEscalationQueue,
      { tenantId: ctx.tenantId, incidentId, kind: "deadline", assignmentId: assignment.id },
      { startAfter: assignment.ackDeadline },
    );
  }
}

/**
 * Dispatches a new incident: the operator's confirmed plan becomes assignments, each agency's
 * webhooks and email addresses get a notification job, and each acknowledgement deadline and
 * escalation step a job at its time. Everything is written in the request's transaction, jobs
 * included: after a crash either all of it exists or none, and the jobs pick up from there.
 */
export async function dispatchIncident(ctx: DispatchContext, input: DispatchInput, now: Date) {
  const incident = await findIncident(ctx.tx, input.incidentId, { lock: true });
  if (!incident) throw new TRPCError({ code: "NOT_FOUND", message: "No such incident" });
  if (incident.status !== "new")
    throw new TRPCError({
      code: "CONFLICT",
      message: `The incident is already ${incident.status}: it was dispatched before`,
    });

  const { proposal, agencies } = await planFor(ctx.tx, incident, now, ctx.engine);
  const agencyNames = new Map(
    agencies.filter((agency) => agency.active).map((agency) => [agency.id, agency.name]),
  );
  checkChoices(input, proposal, agencyNames);

  const assignments = await insertAssignments(
    ctx.tx,
    assignmentRows(ctx, incident.id, input.agencies, proposal, now),
  );
  const deliveries = await queueNotifications(ctx, incident.id, assignments);

  await updateIncident(ctx.tx, incident.id, {
    status: "dispatched",
    dispatchedAt: now,
    plan: confirmedPlan(proposal),
    sopVersionNumber: proposal.source === "sop" ? proposal.sopVersionNumber : null,
  });
  const nameOf = (agencyId: string) => agencyNames.get(agencyId) ?? agencyId;
  await appendTimeline(ctx.tx, ctx.tenantId, [
    {
      incidentId: incident.id,
      kind: "dispatched",
      actorUserId: ctx.userId,
      actorLabel: ctx.actorLabel,
      data: {
        source: proposal.source,
        manualReason: proposal.manualReason,
        sopVersionNumber: proposal.sopVersionNumber,
        priority: proposal.priority,
        agencies: assignments.map((assignment) => ({
          name: nameOf(assignment.agencyId),
          role: assignment.role,
          lead: assignment.lead,
          reason: assignment.reason,
        })),
        removed: input.removals.map((removal) => ({
          name: nameOf(removal.agencyId),
          reason: removal.reason,
        })),
        notifications: deliveries,
      },
    },
  ]);

  await queueDeadlines(ctx, incident.id, assignments);
  for (const step of proposal.escalation) {
    await ctx.jobs.send(
      ctx.tx,
      incidentEscalationQueue,
      {
        tenantId: ctx.tenantId,
        incidentId: incident.id,
        kind: "step",
        key: step.key,
        step: step.step,
      },
      { startAfter: new Date(step.due) },
    );
  }
  return { incidentId: incident.id, assignments: assignments.length, notifications: deliveries };
}

export interface AddAgenciesInput {
  incidentId: string;
  agencies: Omit<DispatchChoice, "lead">[];
}

/**
 * Sends more agencies to an incident already under way: the facts changed and the SOP now proposes
 * them, or the scene needs them. Each is notified and given its acknowledgement deadline as at
 * dispatch, in the same transaction; an agency already assigned (in any state) is refused, as is
 * one the SOP does not propose in that role without a reason. The lead stays as dispatched.
 */
export async function addAgencies(ctx: DispatchContext, input: AddAgenciesInput, now: Date) {
  const incident = await findIncident(ctx.tx, input.incidentId, { lock: true });
  if (!incident) throw new TRPCError({ code: "NOT_FOUND", message: "No such incident" });
  if (incident.status !== "dispatched" && incident.status !== "in_progress")
    throw new TRPCError({
      code: "CONFLICT",
      message: `The incident is ${incident.status}: agencies are added to a dispatched incident still under way`,
    });

  const [{ proposal, agencies }, assigned] = await Promise.all([
    planFor(ctx.tx, incident, now, ctx.engine),
    listAssignments(ctx.tx, incident.id),
  ]);
  const agencyNames = new Map(
    agencies.filter((agency) => agency.active).map((agency) => [agency.id, agency.name]),
  );
  const seen = new Set<string>();
  input.agencies.forEach((choice, index) => {
    if (assigned.some((assignment) => assignment.agencyId === choice.agencyId))
      throw fieldError(
        `agencies.${String(index)}.agencyId`,
        `${agencyNames.get(choice.agencyId) ?? "this agency"} is already assigned to the incident`,
        "CONFLICT",
        "taken",
      );
    checkChoice(choice, index, seen, proposal, agencyNames);
  });

  const choices = input.agencies.map((choice) => ({ ...choice, lead: false }));
  const added = await insertAssignments(
    ctx.tx,
    assignmentRows(ctx, incident.id, choices, proposal, now),
  );
  const notifications = await queueNotifications(ctx, incident.id, added);
  await queueDeadlines(ctx, incident.id, added);
  await appendTimeline(ctx.tx, ctx.tenantId, [
    {
      incidentId: incident.id,
      kind: "agencies_added",
      actorUserId: ctx.userId,
      actorLabel: ctx.actorLabel,
      data: {
        agencies: added.map((assignment) => ({
          name: agencyNames.get(assignment.agencyId) ?? assignment.agencyId,
          role: assignment.role,
          reason: assignment.reason,
        })),
        notifications,
      },
    },
  ]);
  return { incidentId: incident.id, assignments: added.length, notifications };
}

/**
 * A delivery per assignment and webhook or email contact of its agency, and a job for each. The
 * row is the idempotency key (one per assignment and contact): queueing the same assignment again
 * adds nothing. Returns how many notifications were queued.
 */
export async function queueNotifications(
  ctx: Pick<DispatchContext, "tx" | "tenantId" | "jobs" | "retry">,
  incidentId: string,
  assignments: AssignmentRow[],
): Promise<number> {
  const contacts = await listNotifiableContacts(
    ctx.tx,
    assignments.map((assignment) => assignment.agencyId),
  );
  const deliveries = await insertDeliveries(
    ctx.tx,
    assignments.flatMap((assignment) =>
      contacts
        .filter((contact) => contact.agencyId === assignment.agencyId)
        .map((contact) => ({
          tenantId: ctx.tenantId,
          incidentId,
          assignmentId: assignment.id,
          contactId: contact.id,
          channel: contact.kind === "webhook" ? ("webhook" as const) : ("email" as const),
          target: contact.value,
        })),
    ),
  );
  for (const delivery of deliveries) {
    await ctx.jobs.send(
      ctx.tx,
      incidentNotifyQueue,
      { tenantId: ctx.tenantId, deliveryId: delivery.id },
      { ...notificationRetry, ...ctx.retry },
    );
  }
  return deliveries.length;
}
