import type { TenantTx } from "@sigap/db/client";
import { claimDid, listTenantDids, releaseDid, type TenantDid } from "@sigap/db/queries";
import { fieldsError, type Refusal } from "../trpc/field-error.ts";

/** Of the tenant's numbers, those that ring `trunkId`. */
export function didsOn(held: TenantDid[], trunkId: string): string[] {
  return held.filter((did) => did.trunkId === trunkId).map((did) => did.did);
}

export async function trunkDids(tx: TenantTx, trunkId: string): Promise<string[]> {
  return didsOn(await listTenantDids(tx), trunkId);
}

/**
 * Claims `dids` for the trunk and releases its other numbers (`trunks.setDids` says what refuses
 * the change). A refusal is thrown, so the caller's transaction rolls back every claim made first.
 */
export async function replaceTrunkDids(
  tx: TenantTx,
  trunkId: string,
  dids: string[],
): Promise<{ before: string[]; after: string[] }> {
  const held = await listTenantDids(tx);
  const before = didsOn(held, trunkId);
  const onOtherTrunks = new Set(
    held.filter((did) => did.trunkId !== trunkId).map((did) => did.did),
  );

  const conflicts: Refusal[] = [];
  for (const [index, did] of dids.entries()) {
    const path = `dids.${String(index)}`;
    if (onOtherTrunks.has(did))
      conflicts.push({
        path,
        message: `${did} is already on another trunk of this region; remove it there first`,
        reason: "taken",
      });
    // Says neither who holds the number nor that anyone does: a region could otherwise probe
    // which numbers its neighbours answer.
    else if ((await claimDid(tx, did, trunkId)) === "taken")
      conflicts.push({ path, message: `${did} is not available`, reason: "unavailable" });
  }
  const [first] = conflicts;
  if (first)
    throw fieldsError(
      "CONFLICT",
      conflicts.length === 1
        ? first.message
        : `${String(conflicts.length)} numbers are not available`,
      conflicts,
    );

  const kept = new Set(dids);
  for (const did of before.filter((did) => !kept.has(did))) await releaseDid(tx, did);
  return { before, after: dids.toSorted() };
}
