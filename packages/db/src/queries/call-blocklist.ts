import { and, asc, eq, gt } from "drizzle-orm";
import type { TenantTx } from "../client.ts";
import { callBlocklist } from "../schema/calls.ts";

// Inside one tenant's `withTenant`: the numbers it treats as pranksters, each until its expiry.

export type BlockedNumber = typeof callBlocklist.$inferSelect;

/** Entries still in force at `now`, soonest to expire first. */
export function listBlockedNumbers(tx: TenantTx, now: Date): Promise<BlockedNumber[]> {
  return tx
    .select()
    .from(callBlocklist)
    .where(gt(callBlocklist.expiresAt, now))
    .orderBy(asc(callBlocklist.expiresAt));
}

/** Whether `number` is blocked at `now`. */
export async function isNumberBlocked(tx: TenantTx, number: string, now: Date): Promise<boolean> {
  const [row] = await tx
    .select({ number: callBlocklist.number })
    .from(callBlocklist)
    .where(and(eq(callBlocklist.number, number), gt(callBlocklist.expiresAt, now)));
  return row !== undefined;
}

/** Blocks `number` until `expiresAt`; blocking it again replaces the reason and the expiry. Returns the entry as it was before, if any. */
export async function blockNumber(
  tx: TenantTx,
  tenantId: string,
  entry: { number: string; reason: string; expiresAt: Date; blockedBy: string | null },
): Promise<BlockedNumber | undefined> {
  const [before] = await tx
    .select()
    .from(callBlocklist)
    .where(eq(callBlocklist.number, entry.number))
    .for("update");
  await tx
    .insert(callBlocklist)
    .values({ tenantId, ...entry })
    .onConflictDoUpdate({
      target: [callBlocklist.tenantId, callBlocklist.number],
      set: { reason: entry.reason, expiresAt: entry.expiresAt, blockedBy: entry.blockedBy },
    });
  return before;
}

/** Removes `number` from the blocklist; the entry removed, if there was one. */
export async function unblockNumber(
  tx: TenantTx,
  number: string,
): Promise<BlockedNumber | undefined> {
  const [removed] = await tx
    .delete(callBlocklist)
    .where(eq(callBlocklist.number, number))
    .returning();
  return removed;
}
