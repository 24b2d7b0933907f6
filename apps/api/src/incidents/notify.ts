import { createHmac } from "node:crypto";
import { request } from "node:https";
import { rootCertificates } from "node:tls";
import type { JobWithMetadata, PgBoss } from "pg-boss";
import type { Database } from "@sigap/db/client";
import { incidentNotifyQueue } from "@sigap/db/jobs";
import {
  appendTimeline,
  currentTenantProfile,
  findDeliveryForSending,
  findIncident,
  listAssignments,
  updateDelivery,
} from "@sigap/db/queries";
import { asTenantId, withTenant } from "@sigap/tenancy";
import { signingSecretContext } from "../agencies/signing-secret.ts";
import type { AppConfig } from "../config.ts";
import type { Logger } from "../logger.ts";
import { sendMail } from "../mail/send.ts";
import { incidentAssignedMail } from "../mail/templates.ts";
import { createSecretBox } from "../security/secret-box.ts";
import { resolveWebhookTarget, WebhookTargetRefused } from "../validation/webhook-target.ts";
import { responderLinkLifetimeMs, responderLinkToken, responderLinkUrl } from "./responder-link.ts";
import { incidentBrief } from "./load.ts";
import { incidentSummary } from "./type-names.ts";

export interface NotifyJob {
  tenantId: string;
  deliveryId: string;
}

export interface NotifyDependencies {
  db: Database;
  config: Pick<
    AppConfig,
    "publicUrl" | "secretKeys" | "mail" | "webhookAllowedNetworks" | "webhookCa"
  >;
  log: Logger;
}

/** What became of one attempt. `retry`: failed, and pg-boss tries again later. */
export type NotifyOutcome = "delivered" | "already_done" | "retry" | "dead";

/** Notifications a worker sends at once; each holds a database connection while its receiver answers. */
export const notifyConcurrency = 8;

/** How long a receiver may take to answer before the attempt counts as failed. */
const webhookTimeoutMs = 10_000;

/** `Sigap-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the receiver recomputes it with its secret and rejects old timestamps. */
export function webhookSignature(secret: string, body: string, at: Date): string {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

function postWebhook(
  deps: NotifyDependencies,
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<void> {
  return resolveWebhookTarget(url, deps.config.webhookAllowedNetworks).then(
    (target) =>
      new Promise<void>((resolve, reject) => {
        const outgoing = request(
          target.url,
          {
            method: "POST",
            headers: {
              ...headers,
              "content-type": "application/json",
              "content-length": String(Buffer.byteLength(body)),
            },
            // Connect to the address just checked, never a second lookup (DNS rebinding).
            lookup: (_hostname, _options, callback) => {
              callback(null, target.address, target.family);
            },
            ...(deps.config.webhookCa ? { ca: [...rootCertificates, deps.config.webhookCa] } : {}),
            timeout: webhookTimeoutMs,
          },
          (response) => {
            response.resume();
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve();
            else reject(new Error(`HTTP ${String(status)}`));
          },
        );
        outgoing.on("timeout", () =>
          outgoing.destroy(new Error(`no answer within ${String(webhookTimeoutMs / 1000)} s`)),
        );
        outgoing.on("error", reject);
        outgoing.end(body);
      }),
  );
}

/**
 * One attempt at one notification. The delivery row is locked for the attempt, and a delivered or
 * dead one is left alone: a job that runs twice (a retry after a crash, a duplicate) notifies once.
 * A crash after the receiver answered but before the commit sends it again on retry, with the same
 * `Idempotency-Key` (the delivery id), by which the receiver recognises it.
 */
export async function attemptNotification(
  deps: NotifyDependencies,
  job: NotifyJob,
  attempt: { final: boolean; now?: Date },
): Promise<NotifyOutcome> {
  return withTenant(deps.db, asTenantId(job.tenantId), async (tx) => {
    const found = await findDeliveryForSending(tx, job.deliveryId);
    if (!found || found.delivery.status === "delivered" || found.delivery.status === "dead")
      return "already_done";
    const { delivery } = found;
    const now = attempt.now ?? new Date();
    const [incident, assignments, tenant] = await Promise.all([
      findIncident(tx, delivery.incidentId, { lock: false }),
      listAssignments(tx, delivery.incidentId),
      currentTenantProfile(tx),
    ]);
    const assignment = assignments.find((candidate) => candidate.id === delivery.assignmentId);
    if (!incident || !assignment) return "already_done";
    const link = responderLinkUrl(
      deps.config.publicUrl,
      responderLinkToken(
        deps.config.secretKeys,
        { tenantId: job.tenantId, assignmentId: assignment.id },
        new Date(now.getTime() + responderLinkLifetimeMs),
      ),
    );
    const summary = incidentSummary(incident.types);
    const place = incident.location?.address ?? null;

    let failure: string | null = null;
    try {
      if (found.contactKind === null) throw new Error("the contact was removed");
      if (delivery.channel === "webhook") {
        if (!found.signingSecretEncrypted || !found.contactValue)
          throw new Error("the webhook has no signing secret");
        const secret = new TextDecoder().decode(
          createSecretBox(deps.config.secretKeys).decrypt(
            found.signingSecretEncrypted,
            signingSecretContext(delivery.contactId ?? ""),
          ),
        );
        const body = JSON.stringify({
          event: "incident.assigned",
          deliveryId: delivery.id,
          region: { slug: tenant.slug, name: tenant.name },
          incident: {
            id: incident.id,
            summary,
            priority: incident.plan?.priority ?? null,
            ...(await incidentBrief(tx, incident)),
          },
          assignment: {
            id: assignment.id,
            agency: assignment.agencyName,
            role: assignment.role,
            lead: assignment.lead,
            ackDeadline: assignment.ackDeadline.toISOString(),
          },
          respondUrl: link,
        });
        await postWebhook(deps, found.contactValue, body, {
          "user-agent": "Sigap112-Webhook/1",
          "idempotency-key": delivery.id,
          "sigap-event": "incident.assigned",
          "sigap-signature": webhookSignature(secret, body, now),
        });
      } else {
        const sent = await sendMail(
          { db: tx, config: deps.config, log: deps.log },
          incidentAssignedMail({
            to: delivery.target,
            agencyName: assignment.agencyName,
            summary,
            place,
            link,
            ackDeadline: assignment.ackDeadline,
            timeZone: tenant.timeZone,
          }),
        );
        if (!sent.delivered && deps.config.mail.smtpUrl)
          throw new Error("the mail relay did not take the message");
      }
    } catch (error) {
      failure =
        error instanceof WebhookTargetRefused || error instanceof Error
          ? error.message
          : String(error);
    }

    const attempts = delivery.attempts + 1;
    const outcome: NotifyOutcome =
      failure === null ? "delivered" : attempt.final ? "dead" : "retry";
    await updateDelivery(tx, delivery.id, {
      attempts,
      status: outcome === "delivered" ? "delivered" : outcome === "dead" ? "dead" : "retrying",
      lastError: failure,
      ...(outcome === "delivered" ? { deliveredAt: now } : {}),
    });
    await appendTimeline(tx, job.tenantId, [
      {
        incidentId: incident.id,
        kind:
          outcome === "delivered"
            ? "notification_delivered"
            : outcome === "dead"
              ? "notification_dead"
              : "notification_failed",
        actorUserId: null,
        actorLabel: "Sistem",
        data: {
          agency: assignment.agencyName,
          channel: delivery.channel,
          target: delivery.target,
          attempt: attempts,
          error: failure,
        },
      },
    ]);
    return outcome;
  });
}

/**
 * The worker's side: each job is one attempt; a failed attempt throws so pg-boss retries it with
 * back-off (the job carries its retry limit, see `notificationRetry`), and the last one gives up.
 */
export async function serveNotifications(boss: PgBoss, deps: NotifyDependencies): Promise<void> {
  // New jobs wake the worker (the queue notifies); the short backstop poll picks up retries, which are due later.
  const options = {
    localConcurrency: notifyConcurrency,
    includeMetadata: true,
    pollingIntervalSeconds: 1,
    notifyPollingIntervalSeconds: 1,
  } as const;
  await boss.work(incidentNotifyQueue, options, async (jobs: JobWithMetadata<NotifyJob>[]) => {
    for (const job of jobs) {
      const outcome = await attemptNotification(deps, job.data, {
        final: job.retryCount >= job.retryLimit,
      });
      if (outcome === "retry")
        throw new Error(`notification ${job.data.deliveryId} failed; pg-boss retries it`);
      if (outcome === "dead")
        deps.log.warn(
          { deliveryId: job.data.deliveryId },
          "notification given up after its last attempt",
        );
    }
  });
}
