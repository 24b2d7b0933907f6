import { initTRPC, TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import { isDatabaseUnavailable } from "@sigap/db/availability";
import type { Database, TenantTx } from "@sigap/db/client";
import {
  appendPlatformAudit,
  appendTenantAudit,
  billingSuspended,
  findTenantBySlug,
  listUserTenants,
  type UserTenant,
} from "@sigap/db/queries";
import {
  asTenantId,
  can,
  suspendableActions,
  twoFactorRequiredRoles,
  withTenant,
  type Action,
  type Role,
} from "@sigap/tenancy";
import type { AuditAction } from "../audit/actions.ts";
import { RetryAfter } from "../auth/errors.ts";
import type { CallFeed } from "../calls/call-feed.ts";
import { redactSecrets } from "../auth/redact.ts";
import { validateSessionToken, type ValidSession } from "../auth/sessions.ts";
import type { AppConfig } from "../config.ts";
import { databaseUnavailableMessage, fieldIssues } from "../http/errors.ts";
import type { IncidentSignals } from "../incidents/signals.ts";
import type { JobSender } from "../jobs/send.ts";
import type { Logger } from "../logger.ts";
import { unacceptableInputIssue } from "../validation/text.ts";
import { fieldError } from "./field-error.ts";

/** Where a request came from, for sessions and the audit trail. */
export interface RequestMeta {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

/** Sets or clears the session cookie on the response being built. */
export interface SessionCookie {
  set: (token: string) => void;
  clear: () => void;
}

/** Built per request by the `/trpc` handler. (A type, not an interface: the adapter wants a record.) */
export type TrpcContext = {
  db: Database;
  config: AppConfig;
  log: Logger;
  requestId: string;
  meta: RequestMeta;
  /** The signed-in person and session, or null. */
  auth: ValidSession | null;
  /** The session's memberships, when they were asked for beside the session itself. */
  sessionMemberships?: Promise<UserTenant[]>;
  cookie: SessionCookie;
  /** This process's follower of the tenants' live call feeds. */
  callFeed: CallFeed;
  /** This process's follower of the tenants' incident changes. */
  incidentSignals: IncidentSignals;
  /** Sends follow-up jobs (notifications, escalations) inside the request's transaction. */
  jobs: JobSender;
};

/** Who may call a procedure; the security tests read it to know what to expect. */
export interface ProcedureMeta {
  access: "public" | "pendingSecondFactor" | "signedIn" | "tenant" | "platform" | "ministry";
  action?: Action;
}

const t = initTRPC
  .context<TrpcContext>()
  .meta<ProcedureMeta>()
  .create({
    // Live streams (server-sent events) say they are alive often enough for proxies not to cut
    // them as idle, and a client that hears nothing for three pings reconnects and resumes.
    sse: {
      ping: { enabled: true, intervalMs: 15_000 },
      client: { reconnectAfterInactivityMs: 45_000 },
    },
    // Never send stack traces; add the request id and, for bad input, the offending fields.
    isDev: false,
    errorFormatter({ shape, error, ctx }) {
      const issues = error.cause instanceof ZodError ? fieldIssues(error.cause) : undefined;
      const retryAfterSeconds = error.cause instanceof RetryAfter ? error.cause.seconds : undefined;
      return {
        // An unexpected failure's own message may hold internals (SQL, hosts); it stays in the log.
        message: shape.data.code === "INTERNAL_SERVER_ERROR" ? "Internal error" : shape.message,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          requestId: ctx?.requestId,
          issues,
          retryAfterSeconds,
        },
      };
    },
  });

/**
 * The root of every procedure type below: text that Postgres cannot store (NUL, lone surrogates)
 * and absurdly deep nesting are refused as bad input naming the field, before any handler or
 * middleware can trip over them, and before a deep document is stored for pages to choke on.
 */
const procedure = t.procedure.use(async ({ getRawInput, next }) => {
  const issue = unacceptableInputIssue(await getRawInput());
  if (issue) throw fieldError(issue.path, issue.message);
  const result = await next();
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR")
    throw asServiceUnavailable(result.error);
  return result;
});

/**
 * Postgres out of reach (a restart, a failover) is a moment to wait out, not a bug: such an error
 * becomes SERVICE_UNAVAILABLE (503), so the portal says "try again" and the log does not report a
 * failed procedure. Any other error is returned as it is.
 */
export function asServiceUnavailable(error: unknown): unknown {
  return isDatabaseUnavailable(error)
    ? new TRPCError({
        code: "SERVICE_UNAVAILABLE",
        message: databaseUnavailableMessage,
        cause: error,
      })
    : error;
}

export const createRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** What an audited action records besides who, where and when. */
export interface AuditInput {
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
}

/**
 * An audit row's fields for `entry`, as every `ctx.audit` writes them (secrets redacted). Exported
 * for handlers that audit into another tenant's log than the request's: a tenant created in the
 * same transaction (tenants.create), the region a call is handed over to (callDesk.classify).
 */
export function auditFields(ctx: TrpcContext, actorRole: string, entry: AuditInput) {
  return {
    actorUserId: ctx.auth?.user.id ?? null,
    actorRole,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    diff:
      entry.before === undefined && entry.after === undefined
        ? null
        : redactSecrets({ before: entry.before, after: entry.after }),
    ip: ctx.meta.ip,
    userAgent: ctx.meta.userAgent,
    requestId: ctx.requestId,
  };
}

/**
 * Anyone, signed in or not. Only for what is public by nature (national adoption counts) or what
 * must work before sign-in (sign-in itself, invitation and reset links).
 */
export const publicProcedure = procedure.meta({ access: "public" }).use(({ ctx, next }) =>
  next({
    ctx: {
      /** Records a platform-level audit event for an action taken without a tenant. */
      audit: (entry: AuditInput) =>
        appendPlatformAudit(
          ctx.db,
          auditFields(ctx, ctx.auth?.user.platformRole ?? "anonymous", entry),
        ),
    },
  }),
);

/** Per request, the tenants the signed-in person works in (read once, on first use). */
function membershipsOnce(ctx: TrpcContext & { auth: ValidSession }) {
  let memberships: Promise<UserTenant[]> | undefined;
  return () => (memberships ??= ctx.sessionMemberships ?? listUserTenants(ctx.db, ctx.auth.token));
}

/** Whether the roles a person holds now (platform role, active memberships) require a second factor. */
export function rolesRequireSecondFactor(
  user: Pick<ValidSession["user"], "platformRole">,
  memberships: Pick<UserTenant, "role">[],
): boolean {
  const heldRoles: Role[] = [
    ...(user.platformRole ? [user.platformRole] : []),
    ...memberships.map((m) => m.role),
  ];
  return heldRoles.some((role) => twoFactorRequiredRoles.includes(role));
}

/** Whether this person must prove a second factor: enrolled, or holding a role that requires it. */
function needsSecondFactor(
  user: Pick<ValidSession["user"], "totpKeyEncrypted" | "platformRole">,
  memberships: Pick<UserTenant, "role">[],
): boolean {
  return user.totpKeyEncrypted !== null || rolesRequireSecondFactor(user, memberships);
}

/**
 * Whether this session still owes a second factor, judged on every request from the person's
 * current roles: a session's mark says only that a code was proven in it, never that none was
 * owed, so a person promoted into an admin role mid-session is stopped until they enrol.
 */
function secondFactorOwed(auth: ValidSession, memberships: Pick<UserTenant, "role">[]): boolean {
  return !auth.session.twoFactorVerifiedAt && needsSecondFactor(auth.user, memberships);
}

/** What a session still needs before it may act: nothing, a code (`challenge`), or enrolment. */
export function secondFactorStep(
  auth: ValidSession,
  memberships: Pick<UserTenant, "role">[],
): "done" | "challenge" | "enrol" {
  if (!secondFactorOwed(auth, memberships)) return "done";
  return auth.user.totpKeyEncrypted ? "challenge" : "enrol";
}

/**
 * Signed in with a password, second factor possibly still owed: only for finishing sign-in
 * (TOTP challenge, first enrolment), reading one's own status, and signing out.
 */
export const pendingSecondFactorProcedure = procedure
  .meta({ access: "pendingSecondFactor" })
  .use(({ ctx, next }) => {
    if (!ctx.auth) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
    const auth = ctx.auth;
    const memberships = membershipsOnce({ ...ctx, auth });
    return next({
      ctx: {
        auth,
        memberships,
        audit: (entry: AuditInput) =>
          appendPlatformAudit(ctx.db, auditFields(ctx, auth.user.platformRole ?? "user", entry)),
      },
    });
  });

/** Any signed-in person who has also passed the second factor where one is owed. */
export const signedInProcedure = pendingSecondFactorProcedure
  .meta({ access: "signedIn" })
  .use(async ({ ctx, next }) => {
    if (secondFactorOwed(ctx.auth, await ctx.memberships())) {
      throw new TRPCError({ code: "UNAUTHORIZED", message: "Second factor required" });
    }
    return next();
  });

const tenantInput = z.object({ tenantSlug: z.string().min(1).max(100) });

/**
 * The tenant named by `slug` and the role the signed-in person acts in there: a member's own role,
 * or platform_admin for platform staff giving support. Someone outside the tenant gets NOT_FOUND,
 * never a hint that the tenant exists; a role the matrix refuses `action` gets FORBIDDEN.
 */
async function tenantAccess(
  ctx: TrpcContext & { auth: ValidSession },
  memberships: UserTenant[],
  slug: string,
  action: Action,
) {
  const membership = memberships.find((m) => m.slug === slug);
  const supportAccess = !membership && ctx.auth.user.platformRole === "platform_admin";
  const tenant = membership ?? (supportAccess ? await findTenantBySlug(ctx.db, slug) : undefined);
  if (!tenant) throw new TRPCError({ code: "NOT_FOUND", message: "No such tenant" });
  const role: Role = membership ? membership.role : "platform_admin";
  if (!can(role, action))
    throw new TRPCError({ code: "FORBIDDEN", message: `Your role may not ${action}` });
  const tenantContext = {
    id: asTenantId(tenant.tenantId),
    slug: tenant.slug,
    displayName: tenant.displayName,
    timeZone: tenant.timeZone,
  };
  // An agency responder acts for the one agency of their membership; everyone else for none.
  return { tenant: tenantContext, role, agencyId: membership?.agencyId ?? null };
}

/**
 * A member of the tenant named by `tenantSlug` (or platform staff, for support) whose role may
 * perform `action`. The handler runs inside `withTenant`: `ctx.tx` sees that tenant's rows only,
 * and `ctx.audit` appends to that tenant's audit log in the same transaction.
 */
export function tenantProcedure(action: Action) {
  return signedInProcedure
    .meta({ access: "tenant", action })
    .input(tenantInput)
    .use(async ({ ctx, input, type, next }) => {
      const { tenant, role, agencyId } = await tenantAccess(
        ctx,
        await ctx.memberships(),
        input.tenantSlug,
        action,
      );
      const unit = async (tx: TenantTx) => {
        await refuseWhileSuspended(tx, action, role);
        const result = await next({
          ctx: {
            tx,
            tenant,
            role,
            agencyId,
            audit: (entry: AuditInput) =>
              appendTenantAudit(tx, tenant.id, auditFields(ctx, role, entry)),
          },
        });
        // A failed handler must not commit what it wrote before failing.
        if (!result.ok) throw result.error;
        return result;
      };
      // A query only reads (Postgres holds it to that), and its answer need not wait for COMMIT.
      return withTenant(ctx.db, tenant.id, unit, { readOnly: type === "query" });
    });
}

/**
 * A platform admin may suspend a region's exports and configuration changes over an unpaid invoice
 * (`suspendableActions`; never calls, dispatch or sign-in). Platform staff keep them, to help.
 * Only suspendable actions pay for the extra read.
 */
async function refuseWhileSuspended(tx: TenantTx, action: Action, role: Role): Promise<void> {
  if (!suspendableActions.has(action) || role === "platform_admin") return;
  if (await billingSuspended(tx)) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message:
        "Exports and configuration changes are suspended for this region until its overdue invoices are settled",
    });
  }
}

/**
 * A live stream of the tenant named by `tenantSlug`, for whom `tenantProcedure(action)` would
 * admit. No transaction spans the stream (it may stay open for hours): the handler opens its own
 * per read. `ctx.stillAdmitted()` asks again, for streams to end when the session or role does.
 */
export function tenantStreamProcedure(action: Action) {
  return signedInProcedure
    .meta({ access: "tenant", action })
    .input(tenantInput)
    .use(async ({ ctx, input, next }) => {
      const { tenant, role, agencyId } = await tenantAccess(
        ctx,
        await ctx.memberships(),
        input.tenantSlug,
        action,
      );
      const stillAdmitted = async (): Promise<boolean> => {
        const auth = await validateSessionToken(ctx.db, ctx.auth.token);
        if (!auth) return false;
        const memberships = await listUserTenants(ctx.db, auth.token);
        if (secondFactorOwed(auth, memberships)) return false;
        try {
          const again = await tenantAccess({ ...ctx, auth }, memberships, input.tenantSlug, action);
          return again.tenant.id === tenant.id;
        } catch (error) {
          if (error instanceof TRPCError) return false;
          throw error;
        }
      };
      return next({ ctx: { tenant, role, agencyId, stillAdmitted } });
    });
}

/** Platform staff whose platform role may perform `action` (tenant creation, support, billing). */
export function platformProcedure(action: Action) {
  return signedInProcedure.meta({ access: "platform", action }).use(({ ctx, next }) => {
    const role = ctx.auth.user.platformRole;
    if (!role || !can(role, action))
      throw new TRPCError({ code: "FORBIDDEN", message: `Your role may not ${action}` });
    return next({ ctx: { platformRole: role } });
  });
}
