import { and, desc, eq, or, sql } from "drizzle-orm";
import type { Executor, TenantTx } from "../client.ts";
import { auditLog } from "../schema/audit.ts";
import { users } from "../schema/users.ts";
import { cursorTime, olderThan, type TimeCursor } from "./keyset.ts";

/** What an audit list can be narrowed by. Dates are whole days (`YYYY-MM-DD`) in `timeZone`. */
export interface AuditFilters {
  /** A user id, or part of an email address. */
  actor?: string;
  /** An action or its prefix: `twoFactor.` finds every two-factor event. */
  action?: string;
  targetType?: string;
  targetId?: string;
  fromDate?: string;
  /** Inclusive: the whole of this day. */
  toDate?: string;
  timeZone: string;
}

export interface AuditViewRow {
  id: string;
  occurredAt: Date;
  /** Where the page after this row starts: newest first, it holds everything before the row. */
  cursor: TimeCursor;
  /** Null for the platform's own log. */
  tenantSlug: string | null;
  actorUserId: string | null;
  actorEmail: string | null;
  actorDisplayName: string | null;
  actorRole: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** What the target is called (see `audit_target_name` in the migrations); null when unnamed. */
  targetName: string | null;
  diff: unknown;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** At most this many rows are read at once (an export's 10,000 plus one to tell it was cut). */
export const auditReadLimit = 10_001;

const startOfDay = (date: string, timeZone: string) =>
  sql`(${date}::date::timestamp at time zone ${timeZone})`;
const endOfDay = (date: string, timeZone: string) =>
  sql`((${date}::date + 1)::timestamp at time zone ${timeZone})`;

/** What every list of a tenant's audit rows reads of a row and its actor (joined from `users`). */
const auditRowColumns = {
  id: auditLog.id,
  occurredAt: auditLog.occurredAt,
  actorUserId: auditLog.actorUserId,
  actorDisplayName: users.displayName,
  actorRole: auditLog.actorRole,
  action: auditLog.action,
  targetType: auditLog.targetType,
  targetId: auditLog.targetId,
  targetName: sql<
    string | null
  >`audit_target_name(${auditLog.targetType}, ${auditLog.targetId}, ${auditLog.diff})`,
  diff: auditLog.diff,
};

/**
 * One page of the current tenant's audit log, newest first, with each actor's email and name.
 * Call inside `withTenant`: row-level security limits it to that tenant.
 */
export async function listTenantAudit(
  tx: TenantTx,
  filters: AuditFilters,
  page: { before?: TimeCursor; limit: number },
): Promise<AuditViewRow[]> {
  const { actor, action, targetType, targetId, fromDate, toDate, timeZone } = filters;
  const rows = await tx
    .select({
      ...auditRowColumns,
      cursorTime: cursorTime(auditLog.occurredAt),
      actorEmail: users.email,
      ip: auditLog.ip,
      userAgent: auditLog.userAgent,
      requestId: auditLog.requestId,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        actor
          ? or(
              sql`${auditLog.actorUserId}::text = ${actor}`,
              sql`strpos(${users.email}, lower(${actor})) > 0`,
            )
          : undefined,
        action ? sql`starts_with(${auditLog.action}, ${action})` : undefined,
        targetType ? eq(auditLog.targetType, targetType) : undefined,
        targetId ? eq(auditLog.targetId, targetId) : undefined,
        fromDate ? sql`${auditLog.occurredAt} >= ${startOfDay(fromDate, timeZone)}` : undefined,
        toDate ? sql`${auditLog.occurredAt} < ${endOfDay(toDate, timeZone)}` : undefined,
        page.before ? olderThan(auditLog.occurredAt, auditLog.id, page.before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(Math.min(page.limit, auditReadLimit));
  return rows.map(({ cursorTime: time, ...row }) => ({
    ...row,
    tenantSlug: null,
    cursor: { at: time, id: row.id },
  }));
}

/**
 * One page of the platform's log and every tenant's, newest first, through `audit_log_all()`.
 * Only for callers already checked to hold `audit.viewAll`: it reads across tenants, and the
 * function itself refuses unless `sessionToken` is a live platform admin's raw cookie token.
 */
export async function listAllAudit(
  db: Executor,
  sessionToken: string,
  filters: AuditFilters,
  page: { before?: TimeCursor; limit: number },
): Promise<AuditViewRow[]> {
  const { actor, action, targetType, targetId, fromDate, toDate, timeZone } = filters;
  const rows = await db.execute<{
    id: string;
    cursor_time: string;
    tenant_slug: string | null;
    actor_user_id: string | null;
    actor_email: string | null;
    actor_display_name: string | null;
    actor_role: string;
    action: string;
    target_type: string | null;
    target_id: string | null;
    target_name: string | null;
    diff: unknown;
    ip: string | null;
    user_agent: string | null;
    request_id: string | null;
  }>(sql`
    select e.*, ${cursorTime(sql`e.occurred_at`)} as cursor_time
      from audit_log_all(
        ${sessionToken}::text,
        ${fromDate ? startOfDay(fromDate, timeZone) : null}::timestamptz,
        ${toDate ? endOfDay(toDate, timeZone) : null}::timestamptz,
        ${action ?? null}::text,
        ${actor ?? null}::text,
        ${targetType ?? null}::text,
        ${targetId ?? null}::text,
        ${page.before?.at ?? null}::timestamptz,
        ${page.before?.id ?? null}::uuid,
        ${Math.min(page.limit, auditReadLimit)}::int
      ) e`);
  return rows.map((row) => ({
    id: row.id,
    occurredAt: new Date(row.cursor_time),
    cursor: { at: row.cursor_time, id: row.id },
    tenantSlug: row.tenant_slug,
    actorUserId: row.actor_user_id,
    actorEmail: row.actor_email,
    actorDisplayName: row.actor_display_name,
    actorRole: row.actor_role,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    targetName: row.target_name,
    diff: row.diff,
    ip: row.ip,
    userAgent: row.user_agent,
    requestId: row.request_id,
  }));
}

/**
 * Whose change history: the audit rows of one target, and, with `dependents`, those of the rows
 * that name it in their diff (an agency's contacts by `agencyId`, so removed ones still count).
 */
export interface HistorySubject {
  targetType: string;
  targetId: string;
  dependents?: { targetType: string; key: string };
}

/** A subject's change history, newest first, with each actor's name. Call inside `withTenant`. */
export function listChangeHistory(tx: TenantTx, subject: HistorySubject, limit: number) {
  const { dependents } = subject;
  const diffNames = (side: "before" | "after", key: string) =>
    sql`${auditLog.diff} -> ${side} ->> ${key} = ${subject.targetId}`;
  return tx
    .select(auditRowColumns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      or(
        and(eq(auditLog.targetType, subject.targetType), eq(auditLog.targetId, subject.targetId)),
        dependents
          ? and(
              eq(auditLog.targetType, dependents.targetType),
              or(diffNames("after", dependents.key), diffNames("before", dependents.key)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(limit);
}
