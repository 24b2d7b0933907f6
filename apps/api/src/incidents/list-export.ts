import type { TenantTx } from "@sigap/db/client";
import {
  listAssignmentsOf,
  listIncidents,
  type BoardFilter,
  type TimeCursor,
} from "@sigap/db/queries";
import type { IncidentRecord } from "./record.ts";
import { recordFacts } from "./load.ts";

/** An export holds at most this many incidents; a narrower filter (view, type, search) gets the rest. */
export const incidentExportLimit = 10_000;

/** Incidents read per round trip, with their agencies: each query stays bounded however many match. */
const batchSize = 1_000;

type ExportRecord = Omit<IncidentRecord, "tenant" | "timeline" | "calls">;

/**
 * The incidents a board filter finds, newest first, with their agencies, for the CSV export: read
 * a batch at a time by keyset, up to `incidentExportLimit`; `truncated` says more matched.
 */
export async function incidentsForExport(
  tx: TenantTx,
  filter: BoardFilter,
): Promise<{ records: ExportRecord[]; truncated: boolean }> {
  const records: ExportRecord[] = [];
  let before: TimeCursor | undefined;
  // One incident past the limit is read, only to tell whether there were more.
  while (records.length <= incidentExportLimit) {
    const limit = Math.min(batchSize, incidentExportLimit + 1 - records.length);
    const rows = await listIncidents(tx, filter, { before, limit });
    const assignments = Map.groupBy(
      rows.length === 0
        ? []
        : await listAssignmentsOf(
            tx,
            rows.map((row) => row.id),
          ),
      (assignment) => assignment.incidentId,
    );
    for (const row of rows)
      records.push({ ...recordFacts(row), assignments: assignments.get(row.id) ?? [] });
    const last = rows.at(-1);
    if (rows.length < limit || last === undefined) break;
    before = last.cursor;
  }
  return {
    records: records.slice(0, incidentExportLimit),
    truncated: records.length > incidentExportLimit,
  };
}
