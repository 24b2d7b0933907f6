import type { CallFacts } from "@sigap/db/queries";
import type { DeviceLocation } from "@sigap/db/schema";
import type { TelephonyEvent } from "./events-schema.ts";

/** Which of two events at the same instant happened first: a call is offered before it is answered… */
const lifeOrder: Record<TelephonyEvent["type"], number> = {
  "call.offered": 0,
  "call.answered": 1,
  "call.transferred": 2,
  "call.abandoned": 3,
  "call.ended": 4,
};

/**
 * What a call's events say about it, whatever order they arrived in: the facts are computed from
 * all of them at once, so a late `call.offered` after `call.ended` still ends in the right state.
 */
export function deriveCall(events: readonly TelephonyEvent[]): CallFacts {
  const inOrder = events.toSorted(
    (a, b) =>
      a.occurredAt.getTime() - b.occurredAt.getTime() || lifeOrder[a.type] - lifeOrder[b.type],
  );
  const [first] = inOrder;
  if (!first) throw new Error("a call has at least one event");
  const firstOf = (type: TelephonyEvent["type"]) => inOrder.find((event) => event.type === type);
  const offered = firstOf("call.offered");
  const answered = firstOf("call.answered");
  const transfers = inOrder.filter((event) => event.type === "call.transferred");
  const end = inOrder.find(
    (event) => event.type === "call.abandoned" || event.type === "call.ended",
  );
  const abandoned = firstOf("call.abandoned") !== undefined && answered === undefined;

  return {
    did: first.did,
    callerNumber: inOrder.find((event) => event.caller !== null)?.caller ?? null,
    state: abandoned
      ? "abandoned"
      : end
        ? "ended"
        : answered || transfers.length > 0
          ? "answered"
          : "ringing",
    offeredAt: (offered ?? first).occurredAt,
    answeredAt: answered?.occurredAt ?? null,
    answeredBySeat: answered?.seat ?? null,
    transferredTo: transfers.at(-1)?.transferredTo ?? null,
    endedAt: end?.occurredAt ?? null,
    location: newestLocation(inOrder),
  };
}

function newestLocation(events: readonly TelephonyEvent[]): DeviceLocation | null {
  const fixes = events.flatMap((event) => (event.location ? [event.location] : []));
  return fixes.toSorted((a, b) => Date.parse(b.fixedAt) - Date.parse(a.fixedAt))[0] ?? null;
}
