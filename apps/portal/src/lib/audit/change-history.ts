import type { PlainKey, Translator } from "#lib/i18n/index.ts";

/** One field of an audited change: what it was and what it became (undefined: not there). */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** An audit row as a change history shows it, from either the agencies' or the trunks' API. */
export interface HistoryEntry {
  id: string;
  occurredAt: string | Date;
  actorName: string | null;
  actorRole: string;
  action: string;
  diff: unknown;
}

/** An audit row as the agencies' and the trunks' history procedures both return it (one query, one shape). */
export interface ChangeHistoryRow {
  id: string;
  occurredAt: string | Date;
  actorDisplayName: string | null;
  actorRole: string;
  action: string;
  diff?: unknown;
}

export function historyEntries(rows: readonly ChangeHistoryRow[]): HistoryEntry[] {
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurredAt,
    actorName: row.actorDisplayName,
    actorRole: row.actorRole,
    action: row.action,
    diff: row.diff,
  }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function flatten(
  value: unknown,
  prefix: string,
  leaves: ReadonlySet<string>,
  into: Map<string, unknown>,
): void {
  if (isRecord(value) && !leaves.has(prefix)) {
    for (const [key, inner] of Object.entries(value))
      flatten(inner, prefix ? `${prefix}.${key}` : key, leaves, into);
    return;
  }
  if (prefix) into.set(prefix, value);
}

/**
 * The fields an audit diff (`{ before, after }`) changed, nested objects as dotted paths
 * (`auth.username`) unless listed in `leaves` (values shown whole, such as operating hours).
 * A creation lists every field with nothing before it, a removal every field with nothing after.
 */
export function fieldChanges(
  diff: unknown,
  leaves: ReadonlySet<string> = new Set(),
): FieldChange[] {
  if (!isRecord(diff)) return [];
  const before = new Map<string, unknown>();
  const after = new Map<string, unknown>();
  flatten(diff.before, "", leaves, before);
  flatten(diff.after, "", leaves, after);
  const paths = [...new Set([...before.keys(), ...after.keys()])];
  return paths
    .filter((path) => JSON.stringify(before.get(path)) !== JSON.stringify(after.get(path)))
    .map((path) => ({ path, before: before.get(path), after: after.get(path) }));
}

/** A value of a diff in words: lists joined, yes/no for flags, a dash for nothing. */
export function plainValue(i18n: Translator, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean")
    return i18n.t(value ? "agencies.history.yes" : "agencies.history.no");
  if (Array.isArray(value))
    return value.length === 0
      ? i18n.t("agencies.history.none")
      : value.map((item) => plainValue(i18n, item)).join(", ");
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint")
    return String(value);
  return JSON.stringify(value);
}

/** Names actions and fields by their messages; one the portal has no message for reads as recorded. */
export function historyLabels(
  i18n: Translator,
  actions: Record<string, PlainKey>,
  fields: Record<string, PlainKey>,
) {
  return {
    actionLabel: (action: string) => {
      const key = actions[action];
      return key ? i18n.t(key) : action;
    },
    fieldLabel: (path: string) => {
      const key = fields[path];
      return key ? i18n.t(key) : path;
    },
  };
}
