import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deriveCall } from "../../src/telephony/call-state.ts";
import { telephonyEventSchema } from "../../src/telephony/events-schema.ts";
import {
  arrivals,
  simulateCall,
  type SimulatedCall,
  type TrafficSetting,
} from "../../src/telephony/simulation.ts";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/** The same numbers on every run (xoroshiro128+), so a failure can be replayed. */
function seeded(seed: number): () => number {
  const generator = xoroshiro128plus(seed);
  return () => uniformFloat64(generator);
}

const box = { south: -7.5, north: -7.3, west: 112.6, east: 112.8 };
const traffic: TrafficSetting = {
  dids: ["+623199112000", "+623199112001"],
  seats: ["meja-1", "meja-2"],
  repeatCallers: ["+6281200000001", "+6281200000002", "+6281200000003"],
  pointInRegion: (random) => ({
    latitude: box.south + random() * (box.north - box.south),
    longitude: box.west + random() * (box.east - box.west),
  }),
  neighbourLine: "+62318000112",
};

function plan(count: number, setting = traffic): SimulatedCall[] {
  const random = seeded(112);
  const start = Date.UTC(2026, 11, 1);
  return Array.from({ length: count }, (_, index) =>
    simulateCall(random, setting, new Date(start + index * 60_000), randomUUID),
  );
}

const share = (calls: SimulatedCall[], test: (call: SimulatedCall) => boolean) =>
  calls.filter(test).length / calls.length;

describe("simulated calls", () => {
  const calls = plan(4000);

  it("are events the event route accepts, ending answered-and-ended or abandoned", () => {
    for (const call of calls.slice(0, 300)) {
      const events = call.events.map((event) =>
        telephonyEventSchema.parse(JSON.parse(JSON.stringify(event))),
      );
      const facts = deriveCall(events);
      expect(["ended", "abandoned"]).toContain(facts.state);
      if (facts.state === "ended") expect(traffic.seats).toContain(facts.answeredBySeat);
      if (call.kind === "wrong_region" && facts.state === "ended")
        expect(facts.transferredTo).toBe(traffic.neighbourLine);
    }
  });

  it("are mostly pranks and silent calls, with a few emergencies", () => {
    expect(share(calls, (call) => call.kind === "prank" || call.kind === "silent")).toBeCloseTo(
      0.81,
      1,
    );
    expect(share(calls, (call) => call.kind === "emergency")).toBeGreaterThan(0.03);
    expect(share(calls, (call) => call.kind === "emergency")).toBeLessThan(0.07);
    expect(
      share(calls, (call) => call.events.some((event) => event.type === "call.abandoned")),
    ).toBeGreaterThan(0.1);
  });

  it("come again and again from a few numbers, and sometimes withheld", () => {
    const fromRepeaters = share(calls, (call) =>
      traffic.repeatCallers.includes(call.events[0]?.caller ?? ""),
    );
    expect(fromRepeaters).toBeGreaterThan(0.3);
    expect(share(calls, (call) => call.events[0]?.caller === null)).toBeGreaterThan(0.01);
  });

  it("carry device locations inside the region when it has geometry, and none otherwise", () => {
    const fixes = calls.flatMap((call) =>
      call.events.flatMap((event) => (event.location ? [event.location] : [])),
    );
    expect(fixes.length).toBeGreaterThan(calls.length / 3);
    for (const fix of fixes) {
      expect(fix.latitude).toBeGreaterThanOrEqual(box.south);
      expect(fix.latitude).toBeLessThanOrEqual(box.north);
      expect(fix.longitude).toBeGreaterThanOrEqual(box.west);
      expect(fix.longitude).toBeLessThanOrEqual(box.east);
    }
    const withoutGeometry = plan(200, { ...traffic, pointInRegion: undefined });
    expect(withoutGeometry.some((call) => call.events.some((event) => event.location))).toBe(false);
  });
});

describe("arrivals", () => {
  const hourOf = (at: Date) => at.getUTCHours();
  const from = new Date(Date.UTC(2026, 10, 1));
  const to = new Date(Date.UTC(2026, 11, 1));
  const times = arrivals(seeded(7), from, to, 10, hourOf);

  it("average the rate asked for", () => {
    const expected = 30 * 24 * 10;
    expect(times.length).toBeGreaterThan(expected * 0.95);
    expect(times.length).toBeLessThan(expected * 1.05);
    expect(
      times.every(
        (at, index) => at > from && at < to && (index === 0 || at >= (times[index - 1] ?? at)),
      ),
    ).toBe(true);
  });

  it("are thinner at night than by day", () => {
    const night = times.filter((at) => hourOf(at) < 7 || hourOf(at) >= 22).length / 9;
    const day = times.filter((at) => hourOf(at) >= 7 && hourOf(at) < 22).length / 15;
    expect(night / day).toBeGreaterThan(0.25);
    expect(night / day).toBeLessThan(0.45);
  });
});
