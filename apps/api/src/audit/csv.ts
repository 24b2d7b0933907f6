import type { AuditViewRow } from "@sigap/db/queries";

/** An export holds at most this many rows; narrower filters get the rest. */
export const auditExportLimit = 10_000;

/**
 * One CSV field per RFC 4180: quoted when it holds a quote, comma or line break. Audit rows carry
 * text strangers typed (the email tried at a failed sign-in, a user agent); a field a spreadsheet
 * would run as a formula gets a leading apostrophe, so opening an export never executes anything.
 */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** `2025-03-01T14:05:09+07:00`: the wall-clock time of the region, with its offset. */
export function formatInZone(instant: Date, timeZone: string): string {
  const local = new Intl.DateTimeFormat("sv-SE", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).format(instant);
  const offsetName = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(instant)
    .find((part) => part.type === "timeZoneName")?.value;
  const offset = offsetName?.replace("GMT", "") || "+00:00";
  return `${local.replace(" ", "T")}${offset}`;
}

/** Today's date (`YYYY-MM-DD`) in a time zone, for file names. */
export function dateInZone(instant: Date, timeZone: string): string {
  return formatInZone(instant, timeZone).slice(0, 10);
}

/**
 * The CSV text of audit rows: UTF-8 byte-order mark (so Excel reads Indonesian names right),
 * a header row, CRLF line ends. `withTenant` adds the tenant column of the platform-wide view.
 */
export function auditCsv(rows: AuditViewRow[], options: { timeZone: string; withTenant: boolean }): string {
  const header = [
    "occurred_at",
    ...(options.withTenant ? ["tenant"] : []),
    "actor_email",
    "actor_name",
    "actor_role",
    "action",
    "target_type",
    "target_id",
    "changes",
    "ip",
    "user_agent",
    "request_id",
  ];
  const lines = rows.map((row) =>
    [
      formatInZone(row.occurredAt, options.timeZone),
      ...(options.withTenant ? [row.tenantSlug ?? "(platform)"] : []),
      row.actorEmail ?? "",
      row.actorDisplayName ?? "",
      row.actorRole,
      row.action,
      row.targetType ?? "",
      row.targetId ?? "",
      row.diff === null || row.diff === undefined ? "" : JSON.stringify(row.diff),
      row.ip ?? "",
      row.userAgent ?? "",
      row.requestId ?? "",
    ]
      .map(field)
      .join(","),
  );
  return `\uFEFF${[header.join(","), ...lines].join("\r\n")}\r\n`;
}
