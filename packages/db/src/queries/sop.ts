import { asc, desc, eq, isNotNull, max, sql } from "drizzle-orm";
import type { TenantTx } from "../client.ts";
import { sopTestCases, sopVersions } from "../schema/sop.ts";
import { users } from "../schema/users.ts";

// Every function here runs inside `withTenant`: row-level security confines it to that tenant, and
// the restrictive policies on sop_versions keep published versions as they were published.

export type SopVersionRow = typeof sopVersions.$inferSelect;
export type SopTestCaseRow = typeof sopTestCases.$inferSelect;

/** The tenant's working draft, if it has one; `forUpdate` makes concurrent saves and publishes take turns. */
export async function findSopDraft(
  tx: TenantTx,
  options: { forUpdate?: boolean } = {},
): Promise<SopVersionRow | undefined> {
  const query = tx.select().from(sopVersions).where(eq(sopVersions.status, "draft"));
  const [row] = await (options.forUpdate ? query.for("update") : query);
  return row;
}

/** The published version live dispatch uses: the highest number. */
export async function findCurrentSopVersion(tx: TenantTx): Promise<SopVersionRow | undefined> {
  const [row] = await tx
    .select()
    .from(sopVersions)
    .where(isNotNull(sopVersions.number))
    .orderBy(desc(sopVersions.number))
    .limit(1);
  return row;
}

export async function findSopVersion(
  tx: TenantTx,
  number: number,
): Promise<SopVersionRow | undefined> {
  const [row] = await tx.select().from(sopVersions).where(eq(sopVersions.number, number));
  return row;
}

/** Published versions, newest first, without their rulesets; `authorName` survives as null if the author is deleted. */
export function listSopVersions(tx: TenantTx) {
  return tx
    .select({
      number: sopVersions.number,
      basedOnNumber: sopVersions.basedOnNumber,
      note: sopVersions.note,
      publishedAt: sopVersions.publishedAt,
      authorName: users.displayName,
    })
    .from(sopVersions)
    .leftJoin(users, eq(users.id, sopVersions.authorId))
    .where(eq(sopVersions.status, "published"))
    .orderBy(desc(sopVersions.number));
}

/** Replaces the draft's ruleset, creating the draft when there is none. */
export async function saveSopDraft(
  tx: TenantTx,
  tenantId: string,
  draft: { ruleset: unknown; authorId: string; basedOnNumber: number | null },
): Promise<SopVersionRow> {
  const [updated] = await tx
    .update(sopVersions)
    .set({ ruleset: draft.ruleset, authorId: draft.authorId, basedOnNumber: draft.basedOnNumber })
    .where(eq(sopVersions.status, "draft"))
    .returning();
  if (updated) return updated;
  const [inserted] = await tx
    .insert(sopVersions)
    .values({
      tenantId,
      status: "draft",
      ruleset: draft.ruleset,
      authorId: draft.authorId,
      basedOnNumber: draft.basedOnNumber,
    })
    .returning();
  if (!inserted) throw new Error("sop draft insert returned nothing");
  return inserted;
}

/** Publishes `ruleset` as the next number; publishes of one tenant take turns, so numbers never collide. */
export async function insertSopVersion(
  tx: TenantTx,
  tenantId: string,
  version: {
    ruleset: unknown;
    authorId: string;
    basedOnNumber: number | null;
    note: string | null;
    publishedAt: Date;
  },
): Promise<SopVersionRow> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended('sop_versions:' || ${tenantId}, 0))`,
  );
  const [latest] = await tx.select({ number: max(sopVersions.number) }).from(sopVersions);
  const [row] = await tx
    .insert(sopVersions)
    .values({ tenantId, status: "published", number: (latest?.number ?? 0) + 1, ...version })
    .returning();
  if (!row) throw new Error("sop version insert returned nothing");
  return row;
}

export function listSopTestCases(tx: TenantTx): Promise<SopTestCaseRow[]> {
  return tx.select().from(sopTestCases).orderBy(asc(sopTestCases.name), asc(sopTestCases.id));
}

export async function findSopTestCase(
  tx: TenantTx,
  testCaseId: string,
): Promise<SopTestCaseRow | undefined> {
  const [row] = await tx.select().from(sopTestCases).where(eq(sopTestCases.id, testCaseId));
  return row;
}

/** Names are unique per tenant: a taken one fails on `sop_test_cases_name` (see `uniqueViolation`). */
export async function insertSopTestCase(
  tx: TenantTx,
  tenantId: string,
  testCase: { name: string; definition: unknown },
): Promise<SopTestCaseRow> {
  const [row] = await tx
    .insert(sopTestCases)
    .values({ tenantId, ...testCase })
    .returning();
  if (!row) throw new Error("sop test case insert returned nothing");
  return row;
}

export async function updateSopTestCase(
  tx: TenantTx,
  testCaseId: string,
  testCase: { name: string; definition: unknown },
): Promise<SopTestCaseRow | undefined> {
  const [row] = await tx
    .update(sopTestCases)
    .set(testCase)
    .where(eq(sopTestCases.id, testCaseId))
    .returning();
  return row;
}

export async function deleteSopTestCase(
  tx: TenantTx,
  testCaseId: string,
): Promise<SopTestCaseRow | undefined> {
  const [row] = await tx.delete(sopTestCases).where(eq(sopTestCases.id, testCaseId)).returning();
  return row;
}
