import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Database } from "@sigap/db/client";
import {
  claimReportReceipt,
  findAssignment,
  findReportReceipt,
  findTenantBySlug,
  findWebhookContact,
  recordReportAnswer,
} from "@sigap/db/queries";
import { asTenantId, withTenant } from "@sigap/tenancy";
import { signingSecretContext } from "../agencies/signing-secret.ts";
import { ApiError, fieldIssues } from "../http/errors.ts";
import type { SecretBox } from "../security/secret-box.ts";
import { signatureMatches, timestampFresh } from "../telephony/signature.ts";
import { reportInput, reportOnAssignment } from "./report.ts";

/** What an agency's system sends: its own id for the report (the idempotency key), which of its webhooks signs it, the assignment and what it reports. */
export const agencyReportSchema = reportInput.extend({
  reportId: z.string({ error: "reportId must be text" }).regex(/^[A-Za-z0-9._:-]{1,100}$/, {
    error: "reportId must be the sender's id for the report: 1 to 100 letters, digits and . _ : -",
  }),
  contactId: z.uuid({
    error: "contactId must be the id of the agency's webhook contact whose secret signs the report",
  }),
  assignmentId: z.uuid({
    error: "assignmentId must be an assignment's id, as the notification gave it",
  }),
});

export interface AgencyReportRequest {
  regionSlug: string;
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
  now: Date;
}

const refusedSignature = () =>
  new ApiError("BAD_SIGNATURE", "The signature does not match the contact's signing secret");

/** A report's answer as the portal's procedures would give it, in the REST API's error shape. */
function asApiError(error: unknown): unknown {
  if (!(error instanceof TRPCError)) return error;
  if (error.code === "NOT_FOUND") return new ApiError("NOT_FOUND", error.message);
  if (error.code === "CONFLICT") return new ApiError("CONFLICT", error.message);
  return error;
}

/**
 * An agency's system acknowledges or updates an assignment. Signed like the webhooks it receives,
 * with the same contact's secret (HMAC-SHA256 over `<timestamp>.<raw body>`). Each report is kept
 * under its `reportId` per contact: a retry gets the first answer again and changes nothing; the
 * same id with another assignment or status is refused.
 */
export async function acceptAgencyReport(
  db: Database,
  box: SecretBox,
  request: AgencyReportRequest,
) {
  if (request.timestamp === undefined || !timestampFresh(request.timestamp, request.now)) {
    throw new ApiError(
      "STALE_TIMESTAMP",
      "The timestamp is missing or more than 5 minutes from the platform's clock",
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(request.body);
  } catch {
    throw new ApiError("BAD_REQUEST", "The body is not JSON");
  }
  const parsed = agencyReportSchema.safeParse(json);
  if (!parsed.success)
    throw new ApiError("BAD_REQUEST", "Invalid report", fieldIssues(parsed.error));
  const report = parsed.data;
  const tenant = await findTenantBySlug(db, request.regionSlug);
  if (!tenant) throw new ApiError("NOT_FOUND", "No such region");

  return withTenant(db, asTenantId(tenant.tenantId), async (tx) => {
    const contact = await findWebhookContact(tx, report.contactId);
    // An unknown contact is answered as a wrong signature: nobody learns which contact ids exist.
    if (!contact?.signingSecretEncrypted || request.signature === undefined)
      throw refusedSignature();
    const secret = new TextDecoder().decode(
      box.decrypt(contact.signingSecretEncrypted, signingSecretContext(contact.id)),
    );
    if (!signatureMatches([secret], request.timestamp ?? "", request.body, request.signature))
      throw refusedSignature();

    const receipt = {
      tenantId: tenant.tenantId,
      contactId: contact.id,
      reportId: report.reportId,
      assignmentId: report.assignmentId,
      status: report.status,
    };
    if (!(await claimReportReceipt(tx, receipt))) {
      const first = await findReportReceipt(tx, contact.id, report.reportId);
      if (
        first?.assignmentId !== report.assignmentId ||
        first.status !== report.status ||
        !first.answer
      ) {
        throw new ApiError("CONFLICT", "reportId was already used for another report");
      }
      return first.answer;
    }
    const assignment = await findAssignment(tx, report.assignmentId);
    if (assignment?.agencyId !== contact.agencyId)
      throw new ApiError("NOT_FOUND", "No such assignment for this agency");
    const answer = await reportOnAssignment(
      tx,
      tenant.tenantId,
      assignment.id,
      { status: report.status, note: report.note, position: report.position },
      { userId: null, label: `${contact.agencyName} (sistem instansi)`, via: "agency_system" },
      request.now,
    ).catch((error: unknown) => {
      throw asApiError(error);
    });
    await recordReportAnswer(tx, contact.id, report.reportId, answer);
    return answer;
  });
}
