import type { PgBoss } from "pg-boss";
import type { Database, TenantTx } from "@sigap/db/client";
import { incidentEscalationQueue, incidentNotifyQueue } from "@sigap/db/jobs";
import {
  appendTimeline,
  currentTenantProfile,
  findAssignment,
  findIncident,
  insertAssignments,
  listAgencyTargets,
  listAssignments,
  listDeliveries,
  listMembers,
  updateAssignment,
  updateDelivery,
  type AssignmentView,
} from "@sigap/db/queries";
import { officialRoles, type AgencyTarget, type EscalationStep } from "@sigap/sop-engine";
import { asTenantId, withTenant } from "@sigap/tenancy";
import type { AppConfig } from "../config.ts";
import type { JobSender } from "../jobs/send.ts";
import type { Logger } from "../logger.ts";
import { sendMail } from "../mail/send.ts";
import { escalationMail } from "../mail/templates.ts";
import { notificationRetry, queueNotifications } from "./dispatch.ts";
import { incidentSummary } from "./type-names.ts";
import { manualAckMinutes } from "./plan.ts";

export type EscalationJob =
  | { tenantId: string; incidentId: string; kind: "deadline"; assignmentId: string }
  | { tenantId: string; incidentId: string; kind: "step"; key: string; step: EscalationStep };

export interface EscalationDependencies {
  db: Database;
  jobs: JobSender;
  log: Logger;
  config: Pick<AppConfig, "mail" | "secretKeys" | "publicUrl">;
}

const system = { actorUserId: null, actorLabel: "Sistem" };

function targets(target: AgencyTarget | undefined, assignment: AssignmentView): boolean {
  if (!target) return true;
  return "agencyId" in target
    ? assignment.agencyId === target.agencyId
    : assignment.agencyType === target.agencyType;
}

/**
 * What an acknowledgement deadline or escalation step does when its time comes. Both are jobs
 * written with the dispatch, so they fire after any restart; an acknowledgement in the meantime
 * makes them do nothing (it is checked here, under the assignment's lock, not by cancelling jobs).
 */
export async function runEscalation(
  deps: EscalationDependencies,
  job: EscalationJob,
  now: Date = new Date(),
): Promise<string> {
  return withTenant(deps.db, asTenantId(job.tenantId), async (tx) => {
    const incident = await findIncident(tx, job.incidentId, { lock: true });
    if (
      !incident ||
      incident.status === "closed" ||
      incident.status === "cancelled" ||
      incident.status === "resolved"
    )
      return "incident_finished";
    if (job.kind === "deadline") return deadlinePassed(tx, job);
    return escalationStep(deps, tx, job, now);
  });
}

async function deadlinePassed(
  tx: TenantTx,
  job: Extract<EscalationJob, { kind: "deadline" }>,
): Promise<string> {
  const assignment = await findAssignment(tx, job.assignmentId);
  if (!assignment || assignment.status !== "notified") return "acknowledged";
  await updateAssignment(tx, assignment.id, { escalations: assignment.escalations + 1 });
  await appendTimeline(tx, job.tenantId, [
    {
      incidentId: job.incidentId,
      kind: "ack_overdue",
      ...system,
      data: { agency: assignment.agencyName, deadline: assignment.ackDeadline.toISOString() },
    },
  ]);
  return "overdue";
}

async function escalationStep(
  deps: EscalationDependencies,
  tx: TenantTx,
  job: Extract<EscalationJob, { kind: "step" }>,
  now: Date,
): Promise<string> {
  const { step } = job;
  const assignments = await listAssignments(tx, job.incidentId);
  const waiting = assignments.filter(
    (assignment) => assignment.status === "notified" && targets(step.for, assignment),
  );
  if (waiting.length === 0) return "acknowledged";
  const entry = { incidentId: job.incidentId, kind: "escalated", ...system };
  const waitingNames = waiting.map((assignment) => assignment.agencyName);

  if (step.action === "renotify") {
    // Sends again what has not arrived (a dead or still retrying notification); what arrived stays arrived.
    const ids = new Set(waiting.map((assignment) => assignment.id));
    const again = (await listDeliveries(tx, job.incidentId)).filter(
      (delivery) => ids.has(delivery.assignmentId) && delivery.status !== "delivered",
    );
    for (const delivery of again) {
      await updateDelivery(tx, delivery.id, { status: "queued", attempts: 0 });
      await deps.jobs.send(
        tx,
        incidentNotifyQueue,
        { tenantId: job.tenantId, deliveryId: delivery.id },
        { ...notificationRetry },
      );
    }
    await appendTimeline(tx, job.tenantId, [
      { ...entry, data: { action: step.action, waiting: waitingNames, resent: again.length } },
    ]);
    return "renotified";
  }

  if (step.action === "notify_backup_agency") {
    const assigned = new Set(assignments.map((assignment) => assignment.agencyId));
    const backup = (await listAgencyTargets(tx)).find(
      (agency) =>
        agency.active &&
        !assigned.has(agency.id) &&
        ("agencyId" in step.backup
          ? agency.id === step.backup.agencyId
          : agency.type === step.backup.agencyType),
    );
    if (!backup) {
      await appendTimeline(tx, job.tenantId, [
        { ...entry, data: { action: step.action, waiting: waitingNames, backup: null } },
      ]);
      return "no_backup";
    }
    const [first] = waiting;
    const [added] = await insertAssignments(tx, [
      {
        tenantId: job.tenantId,
        incidentId: job.incidentId,
        agencyId: backup.id,
        role: first?.role ?? "primary",
        lead: false,
        reason: `Eskalasi SOP: cadangan karena ${waitingNames.join(", ")} belum mengakui`,
        chosenBy: "sop",
        ackDeadline: new Date(now.getTime() + manualAckMinutes * 60_000),
      },
    ]);
    if (added) {
      await queueNotifications({ tx, tenantId: job.tenantId, jobs: deps.jobs }, job.incidentId, [
        added,
      ]);
      await deps.jobs.send(
        tx,
        incidentEscalationQueue,
        {
          tenantId: job.tenantId,
          incidentId: job.incidentId,
          kind: "deadline",
          assignmentId: added.id,
        },
        { startAfter: added.ackDeadline },
      );
    }
    await appendTimeline(tx, job.tenantId, [
      { ...entry, data: { action: step.action, waiting: waitingNames, backup: backup.name } },
    ]);
    return "backup_sent";
  }

  // The supervisor and the officials are alerted on the incident board and its timeline, where they
  // watch, and by mail, which reaches them away from the board.
  const mailed = await mailEscalation(deps, tx, job, waitingNames);
  await appendTimeline(tx, job.tenantId, [
    { ...entry, data: { action: step.action, waiting: waitingNames, mailed } },
  ]);
  return "alerted";
}

const officialNames: ReadonlyMap<string, string> = new Map(
  officialRoles.map((role) => [role.code, role.name]),
);

/**
 * Mails a `notify_supervisor` step to the region's active supervisors (its admins where it has
 * none), and a `notify_officials` step to its admins, naming the officials to tell: the platform
 * holds no contact for a bupati or a sekda. In the step's transaction, so a retried job mails once.
 * Returns how many were mailed.
 */
async function mailEscalation(
  deps: EscalationDependencies,
  tx: TenantTx,
  job: Extract<EscalationJob, { kind: "step" }>,
  waiting: string[],
): Promise<number> {
  const members = (await listMembers(tx)).filter((member) => member.deactivatedAt === null);
  const ofRole = (role: string) => members.filter((member) => member.role === role);
  const supervisors = ofRole("supervisor");
  const recipients =
    job.step.action === "notify_supervisor" && supervisors.length > 0
      ? supervisors
      : ofRole("tenant_admin");
  const officials =
    job.step.action === "notify_officials"
      ? job.step.officials.map((code) => officialNames.get(code) ?? code)
      : [];
  const [incident, region] = await Promise.all([
    findIncident(tx, job.incidentId, { lock: false }),
    currentTenantProfile(tx),
  ]);
  const summary = incidentSummary(incident?.types ?? []);
  for (const recipient of recipients) {
    await sendMail(
      { db: tx, config: deps.config, log: deps.log },
      escalationMail({
        to: recipient.email,
        summary,
        waiting,
        officials,
        link: `${deps.config.publicUrl}/t/${region.slug}/incidents/${job.incidentId}`,
      }),
    );
  }
  return recipients.length;
}

export async function serveEscalations(boss: PgBoss, deps: EscalationDependencies): Promise<void> {
  await boss.work<EscalationJob>(incidentEscalationQueue, async (jobs) => {
    for (const job of jobs) {
      const outcome = await runEscalation(deps, job.data);
      deps.log.info(
        { incidentId: job.data.incidentId, kind: job.data.kind, outcome },
        "escalation ran",
      );
    }
  });
}
