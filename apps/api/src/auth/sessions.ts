import type { Database, Executor } from "@sigap/db/client";
import {
  deleteSession,
  findLiveSession,
  insertSession,
  touchSession,
  unmarkUserSessionsTwoFactor,
  type SessionRow,
  type UserRow,
} from "@sigap/db/queries";
import { twoFactorRequiredRoles, type Role } from "@sigap/tenancy";
import { hashesEqual, hashToken, randomToken } from "./tokens.ts";

/** A session ends after this long without use (one long shift plus handover)… */
export const inactivityTimeoutMs = 12 * 60 * 60 * 1000;
/** …and in any case this long after sign-in. */
export const absoluteLifetimeMs = 30 * 24 * 60 * 60 * 1000;
/** `lastSeenAt` is written at most this often, so reading pages does not mean writing rows. */
const touchIntervalMs = 60 * 1000;

export interface ValidSession {
  session: SessionRow;
  user: UserRow;
  /**
   * The raw cookie token: the proof the database's cross-tenant functions (user_tenants,
   * audit_log_all, create_tenant) ask for, since the database itself keeps only its hash.
   */
  token: string;
}

/**
 * Starts a session and returns the cookie token `<id>.<secret>`. Always a new id: a session id
 * known before sign-in (fixation) is never promoted. It starts without the second-factor mark: only
 * a code proven in it sets that, so whether one is owed is judged later, from current roles.
 */
export async function createSession(
  db: Database,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<{ token: string; session: SessionRow }> {
  const id = randomToken(15);
  const secret = randomToken(20);
  const session = await insertSession(db, {
    id,
    secretHash: hashToken(secret),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + absoluteLifetimeMs),
    ip: meta.ip,
    userAgent: meta.userAgent,
  });
  return { token: `${id}.${secret}`, session };
}

/**
 * The session a cookie token stands for, or null: unknown id, wrong secret (compared in constant
 * time), expired, idle too long, or a deactivated user. Slides the inactivity window.
 */
export async function validateSessionToken(
  db: Database,
  token: string,
  now = new Date(),
): Promise<ValidSession | null> {
  const [id, secret, ...rest] = token.split(".");
  if (!id || !secret || rest.length > 0) return null;
  const found = await findLiveSession(db, id, now);
  if (!found || !hashesEqual(hashToken(secret), found.session.secretHash)) return null;
  if (now.getTime() - found.session.lastSeenAt.getTime() > inactivityTimeoutMs) {
    await deleteSession(db, id);
    return null;
  }
  if (now.getTime() - found.session.lastSeenAt.getTime() > touchIntervalMs) {
    await touchSession(db, id, now);
  }
  return { ...found, token };
}

/**
 * After a person's role in a tenant changed from `from` (none: not an active member before) to
 * `to`: a move into a role that requires a second factor sends every other session of theirs back
 * through it, so no session carries a mark earned under lesser duties into admin work. Returns how
 * many sessions must prove a code again.
 */
export function secureSessionsAfterRoleChange(
  tx: Executor,
  userId: string,
  change: { from: Role | undefined; to: Role },
  keepSessionId?: string,
): Promise<number> {
  const requires = (role: Role | undefined) =>
    role !== undefined && twoFactorRequiredRoles.includes(role);
  if (!requires(change.to) || requires(change.from)) return Promise.resolve(0);
  return unmarkUserSessionsTwoFactor(tx, userId, keepSessionId);
}
