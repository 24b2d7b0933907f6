import { sql, type AnyColumn, type SQL } from "drizzle-orm";

// Keyset paging: a page starts right after the row the previous one ended with, found by the
// columns the list is ordered by, so rows added or removed meanwhile never shift a page, as an
// OFFSET would, and no row is skipped or shown twice.

/** A timestamp as ISO 8601 text with every microsecond Postgres keeps, to page from exactly. */
export const cursorTime = (column: SQL | AnyColumn) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Where a page of a newest-first list ended: the last row's time and id (ids break ties). */
export interface TimeCursor {
  /** UTC with microseconds (see `cursorTime`); a JS Date would round and skip rows. */
  at: string;
  id: string;
}

/** The rows after `cursor` in a list ordered by `time`, then `id`, both descending. */
export function olderThan(time: AnyColumn, id: AnyColumn, cursor: TimeCursor): SQL {
  return sql`(${time}, ${id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`;
}
