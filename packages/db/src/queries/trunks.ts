import { asc, eq, sql } from "drizzle-orm";
import type { TenantTx } from "../client.ts";
import { currentTenantSql } from "../schema/columns.ts";
import { tenants } from "../schema/tenants.ts";
import { phoneTrunks } from "../schema/trunks.ts";
import { uniqueViolation } from "./errors.ts";

// Every function here runs inside `withTenant`: row-level security (and, for DIDs, the
// security-definer functions) confine it to that tenant.

export type TrunkRow = typeof phoneTrunks.$inferSelect;
/** What a trunk is made of; the tenant comes from the transaction, the id may be chosen ahead. */
export type TrunkFields = Omit<
  typeof phoneTrunks.$inferInsert,
  "tenantId" | "createdAt" | "updatedAt"
>;

export function listTrunks(tx: TenantTx): Promise<TrunkRow[]> {
  return tx.select().from(phoneTrunks).orderBy(asc(phoneTrunks.name), asc(phoneTrunks.id));
}

/** One trunk, its row locked until the transaction ends when `forUpdate` (edits take turns). */
export async function findTrunk(
  tx: TenantTx,
  trunkId: string,
  options: { forUpdate?: boolean } = {},
): Promise<TrunkRow | undefined> {
  const query = tx.select().from(phoneTrunks).where(eq(phoneTrunks.id, trunkId));
  const [row] = await (options.forUpdate ? query.for("update") : query);
  return row;
}

export async function insertTrunk(
  tx: TenantTx,
  tenantId: string,
  fields: TrunkFields,
): Promise<TrunkRow> {
  const [row] = await tx
    .insert(phoneTrunks)
    .values({ ...fields, tenantId })
    .returning();
  if (!row) throw new Error("trunk insert returned nothing");
  return row;
}

export async function updateTrunk(
  tx: TenantTx,
  trunkId: string,
  fields: Omit<TrunkFields, "id">,
): Promise<TrunkRow | undefined> {
  const [row] = await tx
    .update(phoneTrunks)
    .set(fields)
    .where(eq(phoneTrunks.id, trunkId))
    .returning();
  return row;
}

export async function deleteTrunk(tx: TenantTx, trunkId: string): Promise<TrunkRow | undefined> {
  const [row] = await tx.delete(phoneTrunks).where(eq(phoneTrunks.id, trunkId)).returning();
  return row;
}

export interface TenantDid {
  did: string;
  trunkId: string;
}

/** The tenant's DIDs (E.164), sorted, each with the trunk it arrives on. */
export async function listTenantDids(tx: TenantTx): Promise<TenantDid[]> {
  const rows = await tx.execute<{ did: string; trunk_id: string }>(
    sql`select did, trunk_id from tenant_dids()`,
  );
  return rows.map((row) => ({ did: row.did, trunkId: row.trunk_id }));
}

/**
 * Claims `did` for a trunk of the tenant (or moves it to that trunk). `taken` when another tenant
 * holds the number; the claim runs in a savepoint, so the transaction goes on and the caller can
 * check the other numbers before deciding to roll back.
 */
export async function claimDid(
  tx: TenantTx,
  did: string,
  trunkId: string,
): Promise<"claimed" | "taken"> {
  try {
    await tx.transaction(async (savepoint) => {
      await savepoint.execute(sql`select claim_did(${did}, ${trunkId}::uuid)`);
    });
    return "claimed";
  } catch (error) {
    if (uniqueViolation(error) !== undefined) return "taken";
    throw error;
  }
}

/** Releases a DID the tenant holds; false when it held no such number. */
export async function releaseDid(tx: TenantTx, did: string): Promise<boolean> {
  const [row] = await tx.execute<{ released: boolean }>(
    sql`select release_did(${did}) as released`,
  );
  return row?.released === true;
}

/** The Kemendagri code of the transaction's tenant. */
export async function currentTenantRegionCode(tx: TenantTx): Promise<string> {
  const [row] = await tx
    .select({ regionCode: tenants.regionCode })
    .from(tenants)
    .where(sql`${tenants.id} = ${currentTenantSql}`);
  if (!row) throw new Error("no tenant is set for this transaction");
  return row.regionCode;
}
