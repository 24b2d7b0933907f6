import { describe, expect, it } from "vitest";
import { deriveCall } from "../../src/telephony/call-state.ts";
import type { TelephonyEvent } from "../../src/telephony/events-schema.ts";

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 4, 1, 0, seconds));

function event(
  type: TelephonyEvent["type"],
  seconds: number,
  extra: Partial<TelephonyEvent> = {},
): TelephonyEvent {
  return {
    eventId: `${type}-${String(seconds)}`,
    type,
    callId: "c1",
    did: "+62315550100",
    caller: "+6281234567890",
    occurredAt: at(seconds),
    ...extra,
  };
}

const fix = (fixedAt: string, latitude: number) => ({
  latitude,
  longitude: 112.7,
  accuracyMeters: 10,
  fixedAt,
  positioningMethod: "gnss" as const,
});

describe("a call's state from its events", () => {
  it("is ringing on offer, answered with its seat, ended when it ends", () => {
    const offered = event("call.offered", 0);
    const answered = event("call.answered", 4, { seat: "seat-3" });
    expect(deriveCall([offered])).toMatchObject({
      state: "ringing",
      offeredAt: at(0),
      answeredAt: null,
      endedAt: null,
    });
    expect(deriveCall([offered, answered])).toMatchObject({
      state: "answered",
      answeredAt: at(4),
      answeredBySeat: "seat-3",
    });
    expect(deriveCall([offered, answered, event("call.ended", 60)])).toMatchObject({
      state: "ended",
      endedAt: at(60),
    });
  });

  it("gives the same facts for every order the events can arrive in", () => {
    const events = [
      event("call.offered", 0),
      event("call.answered", 4, { seat: "seat-1" }),
      event("call.transferred", 9, { transferredTo: "ext-201" }),
      event("call.ended", 30),
    ];
    const orders = [events, events.toReversed(), [events[2], events[0], events[3], events[1]]].map(
      (order) => deriveCall(order.filter((e) => e !== undefined)),
    );
    expect(new Set(orders.map((facts) => JSON.stringify(facts))).size).toBe(1);
    expect(orders[0]).toMatchObject({
      state: "ended",
      transferredTo: "ext-201",
      answeredBySeat: "seat-1",
    });
  });

  it("is abandoned when the caller hangs up before anyone answers, even if the offer arrives last", () => {
    expect(deriveCall([event("call.abandoned", 20), event("call.offered", 0)])).toMatchObject({
      state: "abandoned",
      offeredAt: at(0),
      endedAt: at(20),
      answeredAt: null,
    });
  });

  it("orders events of the same instant by a call's life: the offer comes before the answer", () => {
    expect(
      deriveCall([event("call.answered", 0, { seat: "s" }), event("call.offered", 0)]),
    ).toMatchObject({ state: "answered", offeredAt: at(0) });
  });

  it("keeps the newest device fix and the first known caller", () => {
    const facts = deriveCall([
      event("call.offered", 0, { caller: null, location: fix("2026-12-04T01:00:05Z", -7.1) }),
      event("call.answered", 4, {
        seat: "s",
        caller: null,
        location: fix("2026-12-04T01:00:09Z", -7.2),
      }),
      event("call.ended", 9, {
        caller: "+6281111111111",
        location: fix("2026-12-04T01:00:01Z", -7.3),
      }),
    ]);
    expect(facts.location?.latitude).toBe(-7.2);
    expect(facts.callerNumber).toBe("+6281111111111");
  });
});
