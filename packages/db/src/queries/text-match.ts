import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * Whether `text` holds `needle` anywhere, ignoring case: what a list's search box means. `strpos`
 * rather than LIKE, so a typed `%` or `_` is a plain character, not a wildcard. Null text holds
 * nothing.
 */
export function holdsText(text: AnyColumn | SQL, needle: string): SQL {
  return sql`strpos(lower(${text}), lower(${needle})) > 0`;
}
