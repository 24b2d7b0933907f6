import {
  and,
  asc,
  count,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  ne,
  or,
  sql,
} from "drizzle-orm";
import type { TenantTx } from "../client.ts";
import { callFeed, callFeedHeads, calls, type CallView, type QueueCall } from "../schema/calls.ts";
import { isNumberBlocked } from "./call-blocklist.ts";
import type { CallRow } from "./calls.ts";

// The live call feed of one tenant, inside `withTenant`. Numbers are handed out by the tenant's
// head row, locked from the increment to commit, so entry n+1 always commits after entry n: a
// reader that has seen n has seen everything before it, and resuming from n misses nothing.

export interface CallFeedEntry {
  seq: number;
  call: QueueCall;
}

/** Calls still on the line: ringing, or answered and not yet ended. */
const openStates: CallRow["state"][] = ["ringing", "answered"];

/** A call's own facts as screens show them (dates as ISO strings). */
export function callView(call: CallRow): CallView {
  return {
    id: call.id,
    state: call.state,
    did: call.did,
    callerNumber: call.callerNumber,
    offeredAt: call.offeredAt.toISOString(),
    answeredAt: call.answeredAt?.toISOString() ?? null,
    answeredBySeat: call.answeredBySeat,
    transferredTo: call.transferredTo,
    endedAt: call.endedAt?.toISOString() ?? null,
    location: call.location,
    classification: call.classification,
    handedOverFrom: call.handedOverFrom,
  };
}

/** How a call reads in the queue, with its repeat-caller count. */
async function queueCallOf(tx: TenantTx, call: CallRow): Promise<QueueCall> {
  const [earlierCallsFromNumber, blocked] =
    call.callerNumber === null
      ? [0, false]
      : await Promise.all([
          countEarlierCalls(tx, call.id, call.callerNumber, call.offeredAt),
          isNumberBlocked(tx, call.callerNumber, new Date()),
        ]);
  return { ...callView(call), earlierCallsFromNumber, blocked };
}

async function countEarlierCalls(
  tx: TenantTx,
  callId: string,
  callerNumber: string,
  offeredAt: Date,
): Promise<number> {
  const dayBefore = new Date(offeredAt.getTime() - 24 * 60 * 60 * 1000);
  const [row] = await tx
    .select({ n: count() })
    .from(calls)
    .where(
      and(
        eq(calls.callerNumber, callerNumber),
        gte(calls.offeredAt, dayBefore),
        lt(calls.offeredAt, offeredAt),
        ne(calls.id, callId),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Appends the calls' current state to the tenant's feed, one entry each in the order given. Call
 * it last in the transaction: from its last statement to commit, the tenant's other writers of
 * the feed wait.
 */
export async function appendCallFeed(
  tx: TenantTx,
  tenantId: string,
  callIds: readonly string[],
): Promise<void> {
  if (callIds.length === 0) return;
  const rows = new Map(
    (
      await tx
        .select()
        .from(calls)
        .where(inArray(calls.id, [...callIds]))
    ).map((row) => [row.id, row]),
  );
  await appendCallFeedRows(
    tx,
    tenantId,
    callIds.map((id) => {
      const row = rows.get(id);
      if (!row) throw new Error(`call ${id} is not in this tenant`);
      return row;
    }),
  );
}

/**
 * `appendCallFeed` for calls whose rows this transaction already holds as they now stand (written
 * with RETURNING), which saves reading them again.
 */
export async function appendCallFeedRows(
  tx: TenantTx,
  tenantId: string,
  rows: readonly CallRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const views = await Promise.all(rows.map((row) => queueCallOf(tx, row)));
  // One statement takes the numbers and writes the entries, so the head row is locked for no
  // longer than that statement and the commit behind it.
  await tx.execute(sql`
    with head as (
      insert into call_feed_heads (tenant_id, last_seq) values (${tenantId}::uuid, ${views.length}::bigint)
      on conflict (tenant_id) do update set last_seq = call_feed_heads.last_seq + excluded.last_seq
      returning last_seq
    )
    insert into call_feed (tenant_id, seq, call_id, call)
    select ${tenantId}::uuid, head.last_seq - ${views.length}::bigint + entry.position, (entry.call ->> 'id')::uuid, entry.call
      from head, jsonb_array_elements(${JSON.stringify(views)}::jsonb) with ordinality as entry(call, position)`);
}

/** The number of the tenant's newest feed entry; 0 before its first call. */
export async function callFeedHead(tx: TenantTx): Promise<number> {
  const [row] = await tx.select({ lastSeq: callFeedHeads.lastSeq }).from(callFeedHeads);
  return row?.lastSeq ?? 0;
}

/** Up to `limit` entries after `afterSeq`, oldest first. */
export function callFeedAfter(
  tx: TenantTx,
  afterSeq: number,
  limit: number,
): Promise<CallFeedEntry[]> {
  return tx
    .select({ seq: callFeed.seq, call: callFeed.call })
    .from(callFeed)
    .where(gt(callFeed.seq, afterSeq))
    .orderBy(asc(callFeed.seq))
    .limit(limit);
}

/** The calls in the queue now, oldest first: ringing, being handled, or handed over and not yet closed. */
export async function listQueueCalls(tx: TenantTx): Promise<QueueCall[]> {
  const rows = await tx
    .select()
    .from(calls)
    .where(
      or(
        inArray(calls.state, openStates),
        and(isNotNull(calls.handedOverFrom), isNull(calls.classification)),
      ),
    )
    .orderBy(asc(calls.offeredAt));
  return Promise.all(rows.map((row) => queueCallOf(tx, row)));
}

/** The calls from `callerNumber` still on the line: a change of the number's block changes how they show. */
export async function openCallIdsFrom(tx: TenantTx, callerNumber: string): Promise<string[]> {
  const rows = await tx
    .select({ id: calls.id })
    .from(calls)
    .where(and(eq(calls.callerNumber, callerNumber), inArray(calls.state, openStates)))
    .orderBy(asc(calls.offeredAt));
  return rows.map((row) => row.id);
}
