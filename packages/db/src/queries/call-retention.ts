import { lt } from "drizzle-orm";
import type { TenantTx } from "../client.ts";
import { callFeed, calls } from "../schema/calls.ts";
import { positiveWholeSettings } from "./tenant-settings.ts";

// Inside one tenant's `withTenant`: calls are personal data (caller numbers, device locations),
// kept only for the tenant's retention period.

/** The tenant setting that holds its call retention, in whole days. */
export const callRetentionSetting = "call_retention_days";

/** The tenant's call retention in days, if it set one (a stored value that is not a whole number of days is ignored). */
export async function tenantCallRetentionDays(tx: TenantTx): Promise<number | undefined> {
  return (await positiveWholeSettings(tx, [callRetentionSetting]))[callRetentionSetting];
}

/** Deletes the calls offered before `before`, their events and feed entries with them; how many calls. */
export async function deleteCallsOfferedBefore(tx: TenantTx, before: Date): Promise<number> {
  const deleted = await tx
    .delete(calls)
    .where(lt(calls.offeredAt, before))
    .returning({ id: calls.id });
  return deleted.length;
}

/** Deletes feed entries written before `before` (no live queue resumes from that far back). */
export async function deleteCallFeedBefore(tx: TenantTx, before: Date): Promise<void> {
  await tx.delete(callFeed).where(lt(callFeed.createdAt, before));
}
