import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns.ts";

// People are platform-wide: one account can hold memberships in several tenants. What a person may
// do inside a tenant lives in `memberships` (tenant-owned, under RLS), not here.

export const platformRole = pgEnum("platform_role", ["platform_admin", "ministry_viewer"]);
export const locale = pgEnum("locale", ["id", "en"]);

export const users = pgTable(
  "users",
  {
    id: id().primaryKey(),
    /** Always stored lower-cased, so uniqueness and look-ups ignore case. */
    email: text().notNull(),
    displayName: text().notNull(),
    /** Argon2id PHC string; null until an invited person sets a password. */
    passwordHash: text(),
    platformRole: platformRole(),
    locale: locale().notNull().default("id"),
    /** The TOTP key, AES-256-GCM encrypted with the platform key; null until enrolment completes. */
    totpKeyEncrypted: text(),
    /** Pending enrolment: the key shown in the QR code, until a first code confirms it. */
    totpPendingKeyEncrypted: text(),
    /** Last accepted TOTP time step: a code is never accepted twice (replay). */
    totpLastStep: bigint({ mode: "number" }),
    deactivatedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("users_email_unique").on(t.email),
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

/**
 * Sessions after Lucia's current design: the cookie carries `<id>.<secret>`; only a SHA-256 hash of
 * the secret is stored, compared in constant time. `lastSeenAt` slides the inactivity expiry;
 * `expiresAt` is the absolute end.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: text().primaryKey(),
    secretHash: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** Null while the second factor is still owed; such a session can only finish sign-in. */
    twoFactorVerifiedAt: timestamp({ withTimezone: true }),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index().on(t.userId)],
);

/** Single-use recovery codes for a lost authenticator, stored hashed. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

/** Single-use, expiring password-reset links, stored hashed. */
export const passwordResets = pgTable(
  "password_resets",
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId)],
);

/**
 * Failed sign-ins per key (`account:<email>` or `ip:<address>`), persisted so back-off survives
 * restarts and holds across API processes.
 */
export const loginThrottles = pgTable("login_throttles", {
  key: text().primaryKey(),
  failures: bigint({ mode: "number" }).notNull().default(0),
  lockedUntil: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
