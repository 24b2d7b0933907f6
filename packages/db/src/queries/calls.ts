import { asc, count, eq, inArray, sql } from "drizzle-orm";
import type { Executor, TenantTx } from "../client.ts";
import { callEvents, calls, refusedTelephonyEvents } from "../schema/calls.ts";
import { phoneTrunks } from "../schema/trunks.ts";
import { cursorTime } from "./keyset.ts";

// Calls and their events run inside `withTenant` (row-level security confines them to the tenant
// the dialled number belongs to); routing and the refused-event log run on the pool.

export type CallRow = typeof calls.$inferSelect;
export type CallEventRow = typeof callEvents.$inferSelect;
/** What the event route derives and keeps of a call, besides its identity. */
export type CallFacts = Pick<
  CallRow,
  | "did"
  | "callerNumber"
  | "state"
  | "offeredAt"
  | "answeredAt"
  | "answeredBySeat"
  | "transferredTo"
  | "endedAt"
  | "location"
>;

/** The tenant and trunk an exact dialled number (E.164) rings, or undefined for a number no region holds. */
export async function routeDid(
  db: Executor,
  did: string,
): Promise<{ tenantId: string; trunkId: string } | undefined> {
  const [row] = await db.execute<{ tenant_id: string; trunk_id: string }>(
    sql`select tenant_id, trunk_id from route_did(${did})`,
  );
  return row ? { tenantId: row.tenant_id, trunkId: row.trunk_id } : undefined;
}

/** Replaces the trunk's event secrets (sealed); false when there is no such trunk. */
export async function setTrunkEventSecrets(
  tx: TenantTx,
  trunkId: string,
  secrets: { current: string | null; previous: string | null },
): Promise<boolean> {
  const rows = await tx
    .update(phoneTrunks)
    .set({ eventSecretEncrypted: secrets.current, previousEventSecretEncrypted: secrets.previous })
    .where(eq(phoneTrunks.id, trunkId))
    .returning({ id: phoneTrunks.id });
  return rows.length > 0;
}

/** The events of these ids received before, by id. */
export async function findCallEvents(
  tx: TenantTx,
  eventIds: readonly string[],
): Promise<Map<string, CallEventRow>> {
  const rows = await tx
    .select()
    .from(callEvents)
    .where(inArray(callEvents.eventId, [...eventIds]));
  return new Map(rows.map((row) => [row.eventId, row]));
}

/**
 * The call `externalCallId` on `trunkId`, created from `facts` when it is new. Either way its row
 * stays locked until the transaction ends, so the events of one call are applied one at a time.
 */
export async function lockCall(
  tx: TenantTx,
  tenantId: string,
  trunkId: string,
  externalCallId: string,
  facts: CallFacts,
): Promise<CallRow> {
  const [row] = await tx
    .insert(calls)
    .values({ tenantId, trunkId, externalCallId, ...facts })
    .onConflictDoUpdate({
      target: [calls.tenantId, calls.trunkId, calls.externalCallId],
      set: { updatedAt: sql`now()` },
    })
    .returning();
  if (!row) throw new Error("call upsert returned nothing");
  return row;
}

/** Adds an event; false when its id was already taken (a concurrent delivery of the same event). */
export async function insertCallEvent(
  tx: TenantTx,
  event: typeof callEvents.$inferInsert,
): Promise<boolean> {
  const rows = await tx
    .insert(callEvents)
    .values(event)
    .onConflictDoNothing()
    .returning({ eventId: callEvents.eventId });
  return rows.length > 0;
}

export function listCallEvents(tx: TenantTx, callId: string): Promise<CallEventRow[]> {
  return tx
    .select()
    .from(callEvents)
    .where(eq(callEvents.callId, callId))
    .orderBy(asc(callEvents.occurredAt), asc(callEvents.receivedAt));
}

/** Sets the call's derived facts; returns the call as it now stands. */
export async function updateCallFacts(
  tx: TenantTx,
  callId: string,
  facts: CallFacts,
): Promise<CallRow> {
  const [row] = await tx.update(calls).set(facts).where(eq(calls.id, callId)).returning();
  if (!row) throw new Error(`call ${callId} is not in this tenant`);
  return row;
}

export type RefusedTelephonyEvent = Omit<
  typeof refusedTelephonyEvents.$inferInsert,
  "id" | "receivedAt"
>;

/** Keeps a refused request for the platform admins' view. The runtime role may add rows, not read them. */
export async function recordRefusedTelephonyEvent(
  db: Executor,
  refused: RefusedTelephonyEvent,
): Promise<void> {
  await db.insert(refusedTelephonyEvents).values(refused);
}

export interface RefusedTelephonyEventView {
  id: string;
  receivedAt: Date;
  /** The exact time as Postgres keeps it (microseconds), to page from. */
  cursor: { receivedAt: string; id: string };
  reason: string;
  detail: string;
  dids: string[];
  eventIds: string[];
  remoteAddress: string | null;
  bodyExcerpt: string;
}

/**
 * One page of refused telephony events, newest first, through `refused_telephony_events_list()`,
 * which refuses unless `sessionToken` is a live platform admin's raw cookie token.
 */
export async function listRefusedTelephonyEvents(
  db: Executor,
  sessionToken: string,
  page: { before?: { receivedAt: string; id: string }; limit: number },
): Promise<RefusedTelephonyEventView[]> {
  const rows = await db.execute<{
    id: string;
    received_at: string;
    reason: string;
    detail: string;
    dids: string[];
    event_ids: string[];
    remote_address: string | null;
    body_excerpt: string;
  }>(sql`
    select r.id, ${cursorTime(sql`r.received_at`)} as received_at, r.reason, r.detail, r.dids, r.event_ids, r.remote_address, r.body_excerpt
      from refused_telephony_events_list(
        ${sessionToken}::text, ${page.before?.receivedAt ?? null}::timestamptz, ${page.before?.id ?? null}::uuid, ${page.limit}::int
      ) r`);
  return rows.map((row) => ({
    id: row.id,
    receivedAt: new Date(row.received_at),
    cursor: { receivedAt: row.received_at, id: row.id },
    reason: row.reason,
    detail: row.detail,
    dids: row.dids,
    eventIds: row.event_ids,
    remoteAddress: row.remote_address,
    bodyExcerpt: row.body_excerpt,
  }));
}

/** How many calls the tenant holds. */
export async function countCalls(tx: TenantTx): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(calls);
  return row?.n ?? 0;
}
