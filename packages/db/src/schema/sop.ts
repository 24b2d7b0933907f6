import { sql } from "drizzle-orm";
import {
  check,
  integer,
  jsonb,
  pgEnum,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, tenantId, tenantIsolationPolicy, timestamps } from "./columns.ts";
import { appRole } from "./roles.ts";
import { tenants } from "./tenants.ts";
import { users } from "./users.ts";

export const sopVersionStatus = pgEnum("sop_version_status", ["draft", "published"]);

/**
 * A tenant's SOP rulesets (format of @sigap/sop-engine): at most one working draft, and the
 * published versions numbered 1, 2, … in publishing order. The latest published version is the one
 * live dispatch uses; a draft, however broken, never is. A published row never changes: the
 * restrictive policy lets the runtime role update or delete drafts only.
 */
export const sopVersions = pgTable(
  "sop_versions",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    id: id(),
    status: sopVersionStatus().notNull(),
    /** 1, 2, … for published versions; null for the draft. */
    number: integer(),
    /** Stored as the author wrote it: a draft may be invalid, a published version passed validation. */
    ruleset: jsonb().notNull(),
    /** The published version this one started from: the draft's origin, or the version a rollback restores. */
    basedOnNumber: integer(),
    /** Why it was published (or rolled back to). */
    note: text(),
    /** Who last saved the draft, or who published the version. */
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("sop_versions_number").on(t.tenantId, t.number),
    uniqueIndex("sop_versions_one_draft")
      .on(t.tenantId)
      .where(sql`${t.status} = 'draft'`),
    check(
      "sop_versions_published_numbered",
      sql`(${t.status} = 'published') = (${t.number} is not null and ${t.publishedAt} is not null) and (${t.number} is null or ${t.number} > 0)`,
    ),
    tenantIsolationPolicy(),
    pgPolicy("sop_versions_published_immutable", {
      as: "restrictive",
      for: "update",
      to: appRole,
      using: sql`${t.status} = 'draft'`,
      withCheck: sql`${t.status} = 'draft'`,
    }),
    pgPolicy("sop_versions_published_undeletable", {
      as: "restrictive",
      for: "delete",
      to: appRole,
      using: sql`${t.status} = 'draft'`,
    }),
  ],
).enableRLS();

/**
 * A tenant's SOP test cases: a scenario (incident facts and the moment) and what the plan must hold.
 * `definition` is the engine's test case without its name: `{ incident, at, expect }`. Publishing
 * runs every one of them.
 */
export const sopTestCases = pgTable(
  "sop_test_cases",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    id: id(),
    name: text().notNull(),
    definition: jsonb().notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("sop_test_cases_name").on(t.tenantId, t.name),
    tenantIsolationPolicy(),
  ],
).enableRLS();
