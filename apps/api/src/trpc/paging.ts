import { z } from "zod";
import type { TimeCursor } from "@sigap/db/queries";

// Lists that can grow are read a page at a time, by keyset (see @sigap/db's keyset.ts): a page
// answers `{ rows, nextCursor }`, and `nextCursor`, when not null, asks for the page after it.

/** How many rows a page holds: 1 to 100, `fallback` when the client does not say. */
export function pageLimit(fallback: number) {
  return z
    .number({ error: "limit must be a number" })
    .int({ error: "limit must be a whole number" })
    .min(1, { error: "limit must be at least 1" })
    .max(100, { error: "limit must be at most 100" })
    .default(fallback);
}

/**
 * A cursor as clients hold it: opaque, base64url of the JSON array of the sort key of the row a
 * page ended with. Anything that does not decode to `key` (tampered, made up, another list's) is
 * refused as bad input naming `field`.
 */
export function cursorInput<Key extends z.ZodTuple>(field: string, key: Key) {
  const refusal = `${field} must be a nextCursor this API returned`;
  return z
    .string({ error: refusal })
    .max(2000, { error: refusal })
    .transform((value, check): z.output<Key> => {
      try {
        return key.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
      } catch {
        check.addIssue({ code: "custom", message: refusal });
        return z.NEVER;
      }
    });
}

export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** A cursor of a newest-first list: the last row's time, to the microsecond, and its id. */
export function timeCursorInput(field: string) {
  return cursorInput(field, z.tuple([z.iso.datetime({ precision: 6 }), z.uuid()])).transform(
    ([at, id]): TimeCursor => ({ at, id }),
  );
}

export function encodeTimeCursor(cursor: TimeCursor): string {
  return encodeCursor([cursor.at, cursor.id]);
}

/**
 * One page out of the `limit + 1` rows read: the extra row only says whether there is a next
 * page, which starts after the last row kept.
 */
export function pageOf<Row>(
  rows: readonly Row[],
  limit: number,
  cursorOf: (row: Row) => string,
): { rows: Row[]; nextCursor: string | null } {
  const kept = rows.slice(0, limit);
  const last = kept.at(-1);
  return {
    rows: kept,
    nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null,
  };
}
