import { z } from "zod";

/**
 * What someone typed into a list's search box: trimmed, at most 100 characters; blank or absent
 * means no search (null). Matched as plain text, any case (see @sigap/db's `holdsText`).
 */
export function searchText(field: string) {
  return z
    .string({ error: `${field} must be text` })
    .trim()
    .max(100, { error: `${field} must have at most 100 characters` })
    .nullish()
    .transform((value) => value || null);
}
