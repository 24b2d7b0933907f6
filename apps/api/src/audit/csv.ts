import type { AuditViewRow } from "@sigap/db/queries";
import { csvDocument, formatInZone } from "../csv.ts";

/** An export holds at most this many rows; narrower filters get the rest. */
export const auditExportLimit = 10_000;

/** The CSV text of audit rows; `withTenant` adds the tenant column of the platform-wide view. */
export function auditCsv(
  rows: AuditViewRow[],
  options: { timeZone: string; withTenant: boolean },
): string {
  const header = [
    "occurred_at",
    ...(options.withTenant ? ["tenant"] : []),
    "actor_email",
    "actor_name",
    "actor_role",
    "action",
    "target_type",
    "target_id",
    "target_name",
    "changes",
    "ip",
    "user_agent",
    "request_id",
  ];
  return csvDocument(
    header,
    rows.map((row) => [
      formatInZone(row.occurredAt, options.timeZone),
      ...(options.withTenant ? [row.tenantSlug ?? "(platform)"] : []),
      row.actorEmail ?? "",
      row.actorDisplayName ?? "",
      row.actorRole,
      row.action,
      row.targetType ?? "",
      row.targetId ?? "",
      row.targetName ?? "",
      row.diff === null || row.diff === undefined ? "" : JSON.stringify(row.diff),
      row.ip ?? "",
      row.userAgent ?? "",
      row.requestId ?? "",
    ]),
  );
}
