import { z } from "zod";
import {
  listAllAudit,
  listTenantAudit,
  type AuditFilters,
  type AuditViewRow,
} from "@sigap/db/queries";
import { auditCsv, auditExportLimit } from "../../audit/csv.ts";
import { dateInZone } from "../../csv.ts";
import { createRouter, platformProcedure, tenantProcedure } from "../init.ts";
import { encodeTimeCursor, pageLimit, pageOf, timeCursorInput } from "../paging.ts";

const optionalText = (name: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${name} must not be empty`)
    .max(max, `${name} must have at most ${String(max)} characters`)
    .optional();
const isoDate = (name: string) =>
  z.iso.date({ error: `${name} must be a date, YYYY-MM-DD` }).optional();

const filterShape = {
  /** A user id, or part of an email address. */
  actor: optionalText("actor", 320),
  /** An action or a prefix of one (`users.`). */
  action: optionalText("action", 100),
  targetType: optionalText("targetType", 100),
  targetId: optionalText("targetId", 200),
  /** First day included, in the tenant's time zone (platform views: `timeZone`). */
  from: isoDate("from"),
  /** Last day included. */
  to: isoDate("to"),
};

function dateOrder(
  input: { from?: string | undefined; to?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (input.from && input.to && input.from > input.to)
    ctx.addIssue({ code: "custom", path: ["to"], message: "to must not be before from" });
}

const pageShape = { cursor: timeCursorInput("cursor").optional(), limit: pageLimit(50) };

/** Platform staff see every region's events; whole days are read in the zone they choose. */
const platformZone = z
  .enum(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"])
  .default("Asia/Jakarta");

const tenantListInput = z.object({ ...filterShape, ...pageShape }).superRefine(dateOrder);
const tenantExportInput = z.object(filterShape).superRefine(dateOrder);
const platformListInput = z
  .object({ ...filterShape, ...pageShape, timeZone: platformZone })
  .superRefine(dateOrder);
const platformExportInput = z
  .object({ ...filterShape, timeZone: platformZone })
  .superRefine(dateOrder);

function filtersOf(input: z.infer<typeof tenantExportInput>, timeZone: string): AuditFilters {
  return {
    actor: input.actor,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    fromDate: input.from,
    toDate: input.to,
    timeZone,
  };
}

/** What the portal shows per row; times as ISO instants, actor resolved to a person where known. */
function present(row: AuditViewRow) {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    tenantSlug: row.tenantSlug,
    actor: row.actorUserId
      ? { userId: row.actorUserId, email: row.actorEmail, displayName: row.actorDisplayName }
      : null,
    actorRole: row.actorRole,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    targetName: row.targetName,
    diff: row.diff,
    ip: row.ip,
    userAgent: row.userAgent,
    requestId: row.requestId,
  };
}

/** One page out of `limit + 1` rows read, as the portal shows it. */
function paged(rows: AuditViewRow[], limit: number) {
  const page = pageOf(rows, limit, (row) => encodeTimeCursor(row.cursor));
  return { rows: page.rows.map(present), nextCursor: page.nextCursor };
}

/** The export's rows and whether filters cut it off at the limit. */
function exported(rows: AuditViewRow[]) {
  return { rows: rows.slice(0, auditExportLimit), truncated: rows.length > auditExportLimit };
}

export const auditRouter = createRouter({
  /** The tenant's audit log, newest first, filtered; `nextCursor` fetches the following page. */
  list: tenantProcedure("audit.view")
    .input(tenantListInput)
    .query(async ({ ctx, input }) => {
      const rows = await listTenantAudit(ctx.tx, filtersOf(input, ctx.tenant.timeZone), {
        before: input.cursor,
        limit: input.limit + 1,
      });
      return paged(rows, input.limit);
    }),

  /**
   * The filtered log as CSV (at most 10,000 rows; `truncated` says when there were more). A
   * mutation, not a query: taking personal data out of the platform leaves its own trace in the
   * audit log (`audit.export`), and a request that writes must pass the CSRF check.
   */
  exportCsv: tenantProcedure("audit.view")
    .input(tenantExportInput)
    .mutation(async ({ ctx, input }) => {
      const filters = filtersOf(input, ctx.tenant.timeZone);
      const { rows, truncated } = exported(
        await listTenantAudit(ctx.tx, filters, { limit: auditExportLimit + 1 }),
      );
      await ctx.audit({
        action: "audit.export",
        targetType: "audit_log",
        after: { filters: input, rows: rows.length, truncated },
      });
      return {
        filename: `audit-${ctx.tenant.slug}-${dateInZone(new Date(), ctx.tenant.timeZone)}.csv`,
        csv: auditCsv(rows, { timeZone: ctx.tenant.timeZone, withTenant: false }),
        rowCount: rows.length,
        truncated,
      };
    }),

  /** The platform's log and every tenant's, newest first, each row naming its tenant (null: platform). */
  platformList: platformProcedure("audit.viewAll")
    .input(platformListInput)
    .query(async ({ ctx, input }) => {
      const rows = await listAllAudit(ctx.db, ctx.auth.token, filtersOf(input, input.timeZone), {
        before: input.cursor,
        limit: input.limit + 1,
      });
      return paged(rows, input.limit);
    }),

  /** `platformList` as CSV, with a tenant column; audited like the tenant export. */
  platformExportCsv: platformProcedure("audit.viewAll")
    .input(platformExportInput)
    .mutation(async ({ ctx, input }) => {
      const { rows, truncated } = exported(
        await listAllAudit(ctx.db, ctx.auth.token, filtersOf(input, input.timeZone), {
          limit: auditExportLimit + 1,
        }),
      );
      await ctx.audit({
        action: "audit.export",
        targetType: "audit_log_all",
        after: { filters: input, rows: rows.length, truncated },
      });
      return {
        filename: `audit-all-${dateInZone(new Date(), input.timeZone)}.csv`,
        csv: auditCsv(rows, { timeZone: input.timeZone, withTenant: true }),
        rowCount: rows.length,
        truncated,
      };
    }),
});
