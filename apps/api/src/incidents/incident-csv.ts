import { csvDocument, formatInZone } from "../csv.ts";
import type { IncidentRecord } from "./record.ts";

const header = [
  "id",
  "dibuat",
  "jenis",
  "status",
  "prioritas",
  "keparahan",
  "korban",
  "kecamatan",
  "alamat",
  "instansi",
  "diakui",
  "selesai",
  "ditutup",
  "disposisi",
];

/** The incident list as a spreadsheet, times in the region's own zone (`timeZone`, e.g. `Asia/Jakarta`). */
export function incidentListCsv(
  records: readonly Omit<IncidentRecord, "tenant" | "timeline" | "calls">[],
  timeZone: string,
): string {
  const time = (instant: Date | null) => (instant ? formatInZone(instant, timeZone) : "");
  const rows = records.map((record) => [
    record.id,
    time(record.createdAt),
    record.types.join(" + "),
    record.status,
    record.priority ?? "",
    record.severity ?? "",
    // Unknown stays empty: a 0 would claim nobody was hurt.
    record.casualties === null ? "" : String(record.casualties),
    record.location?.kecamatanCode ?? "",
    record.location?.address ?? "",
    record.assignments.map((assignment) => assignment.agencyName).join("; "),
    // "1 dari 2" rather than "1/2", which a spreadsheet turns into a date.
    `${record.assignments.filter((assignment) => assignment.acknowledgedAt !== null).length} dari ${record.assignments.length}`,
    time(record.resolvedAt),
    time(record.closedAt),
    record.disposition ?? "",
  ]);
  return csvDocument(header, rows);
}
