import { and, desc, eq, gte, isNotNull, isNull, ne, sql } from "drizzle-orm";
import type { TenantTx } from "../client.ts";
import {
  calls,
  operatorSeats,
  type CallClassification,
  type CallHandover,
  type OperatorLocation,
} from "../schema/calls.ts";
import { users } from "../schema/users.ts";
import type { CallRow } from "./calls.ts";

// Inside one tenant's `withTenant`: operator seats, and closing calls with a classification.

export type SeatRow = typeof operatorSeats.$inferSelect;

export interface OccupiedSeat {
  seat: string;
  userId: string;
  displayName: string;
  startedAt: Date;
}

/** The seats somebody sits at now, by seat name. */
export function listOccupiedSeats(tx: TenantTx): Promise<OccupiedSeat[]> {
  return tx
    .select({
      seat: operatorSeats.seat,
      userId: operatorSeats.userId,
      displayName: users.displayName,
      startedAt: operatorSeats.startedAt,
    })
    .from(operatorSeats)
    .innerJoin(users, eq(users.id, operatorSeats.userId))
    .where(isNull(operatorSeats.endedAt))
    .orderBy(operatorSeats.seat);
}

/**
 * Ends the seat `userId` sits at, if any; returns it. Locks it first, so two tabs of one person
 * leaving and taking seats at once end up in one seat.
 */
export async function leaveSeat(tx: TenantTx, userId: string): Promise<SeatRow | undefined> {
  const [row] = await tx
    .update(operatorSeats)
    .set({ endedAt: sql`now()` })
    .where(and(eq(operatorSeats.userId, userId), isNull(operatorSeats.endedAt)))
    .returning();
  return row;
}

/**
 * Seats `userId` at `seat`; undefined when somebody else sits there (the partial unique index
 * decides, so two people taking one seat at once cannot both win).
 */
export async function takeSeat(
  tx: TenantTx,
  tenantId: string,
  userId: string,
  seat: string,
): Promise<SeatRow | undefined> {
  const [row] = await tx
    .insert(operatorSeats)
    .values({ tenantId, userId, seat })
    .onConflictDoNothing()
    .returning();
  return row;
}

/** Who sits at `seat` now. */
export async function seatHolder(tx: TenantTx, seat: string): Promise<OccupiedSeat | undefined> {
  const [row] = await tx
    .select({
      seat: operatorSeats.seat,
      userId: operatorSeats.userId,
      displayName: users.displayName,
      startedAt: operatorSeats.startedAt,
    })
    .from(operatorSeats)
    .innerJoin(users, eq(users.id, operatorSeats.userId))
    .where(and(eq(operatorSeats.seat, seat), isNull(operatorSeats.endedAt)));
  return row;
}

/** The calls answered at `seat` since `since` that nobody has classified yet, oldest first. */
export function listUnclassifiedAtSeat(
  tx: TenantTx,
  seat: string,
  since: Date,
): Promise<CallRow[]> {
  return tx
    .select()
    .from(calls)
    .where(
      and(
        eq(calls.answeredBySeat, seat),
        gte(calls.answeredAt, since),
        isNull(calls.classification),
        isNotNull(calls.answeredAt),
      ),
    )
    .orderBy(calls.answeredAt);
}

export async function findCall(
  tx: TenantTx,
  callId: string,
  options: { lock: boolean },
): Promise<CallRow | undefined> {
  const query = tx.select().from(calls).where(eq(calls.id, callId));
  const [row] = options.lock ? await query.for("update") : await query;
  return row;
}

export interface CallerHistoryEntry {
  id: string;
  offeredAt: Date;
  state: CallRow["state"];
  classification: CallClassification | null;
}

/** The other calls from `callerNumber` offered since `since`, newest first (at most `limit`). */
export function listCallerHistory(
  tx: TenantTx,
  callerNumber: string,
  exceptCallId: string,
  since: Date,
  limit: number,
): Promise<CallerHistoryEntry[]> {
  return tx
    .select({
      id: calls.id,
      offeredAt: calls.offeredAt,
      state: calls.state,
      classification: calls.classification,
    })
    .from(calls)
    .where(
      and(
        eq(calls.callerNumber, callerNumber),
        ne(calls.id, exceptCallId),
        gte(calls.offeredAt, since),
      ),
    )
    .orderBy(desc(calls.offeredAt))
    .limit(limit);
}

export interface CallClosing {
  classification: CallClassification;
  classifiedBy: string;
  note: string | null;
  operatorLocation: OperatorLocation | null;
  incidentId: string | null;
  wrongRegionCode: string | null;
}

/** Records the classification; false when the call was classified meanwhile (first one wins). */
export async function classifyCall(
  tx: TenantTx,
  callId: string,
  closing: CallClosing,
): Promise<boolean> {
  const rows = await tx
    .update(calls)
    .set({
      classification: closing.classification,
      classifiedAt: sql`now()`,
      classifiedBy: closing.classifiedBy,
      classificationNote: closing.note,
      operatorLocation: closing.operatorLocation,
      incidentId: closing.incidentId,
      wrongRegionCode: closing.wrongRegionCode,
    })
    .where(and(eq(calls.id, callId), isNull(calls.classification)))
    .returning({ id: calls.id });
  return rows.length > 0;
}

/**
 * Puts a call another region handed over into this tenant's queue: the caller's number and device
 * location, waiting for a call-back and a classification. Keyed by the original call, so handing
 * the same call over twice adds it once; returns the new call's id, or undefined when it was there.
 */
export async function receiveHandover(
  tx: TenantTx,
  tenantId: string,
  original: Pick<CallRow, "trunkId" | "did" | "callerNumber" | "location">,
  handover: CallHandover,
): Promise<string | undefined> {
  const now = new Date(handover.handedOverAt);
  const [row] = await tx
    .insert(calls)
    .values({
      tenantId,
      trunkId: original.trunkId,
      externalCallId: `handover:${handover.callId}`,
      did: original.did,
      callerNumber: original.callerNumber,
      state: "ended",
      offeredAt: now,
      endedAt: now,
      location: original.location,
      handedOverFrom: handover,
    })
    .onConflictDoNothing()
    .returning({ id: calls.id });
  return row?.id;
}

/**
 * Classifies past answered calls of `trunkId` by their switch ids, as if their operators had
 * closed them when they ended: for demo history, whose calls nobody took. Calls already
 * classified keep their classification.
 */
export async function classifyPastCalls(
  tx: TenantTx,
  trunkId: string,
  entries: readonly { externalCallId: string; classification: CallClassification }[],
): Promise<number> {
  if (entries.length === 0) return 0;
  const rows = await tx.execute<{ id: string }>(sql`
    update calls c
       set classification = v.classification::call_classification, classified_at = coalesce(c.ended_at, c.answered_at)
      from jsonb_to_recordset(${JSON.stringify(entries)}::jsonb) as v("externalCallId" text, classification text)
     where c.trunk_id = ${trunkId} and c.external_call_id = v."externalCallId" and c.answered_at is not null and c.classification is null
    returning c.id`);
  return rows.length;
}
