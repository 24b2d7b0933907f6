import type { CallEventType, DeviceLocation } from "@sigap/db/schema";

/**
 * Realistic 112 traffic for development and demos: what kinds of calls a region gets, how long
 * they ring and last, who calls again. Pure (the caller passes the randomness and the clock), so
 * the same seed plans the same calls.
 */

/** What a call turns out to be, as an operator would classify it. */
export type SimulatedKind = "prank" | "silent" | "information" | "wrong_region" | "emergency";

/**
 * Shares of each kind. Regions report most 112 calls as not emergencies (Sidoarjo 2023: 80.7%
 * prank; Jakarta 2024: about 6,300 emergencies in 637,000 calls); pranks and silent calls
 * together are taken as that 80%, emergencies as a few percent.
 */
const kindShares: readonly (readonly [SimulatedKind, number])[] = [
  ["prank", 0.62],
  ["silent", 0.19],
  ["information", 0.1],
  ["wrong_region", 0.04],
  ["emergency", 0.05],
];

interface KindProfile {
  /** Seconds the call rings before an answer (or before the caller gives up), as [min, max]. */
  ringing: readonly [number, number];
  /** Seconds of conversation once answered. */
  talk: readonly [number, number];
  /** Share of callers who hang up while it rings. */
  abandons: number;
  /** Share of calls that send the device's location (Advanced Mobile Location). */
  located: number;
  /** Share of calls that come from the region's small set of repeat callers. */
  fromRepeatCallers: number;
}

const profiles: Record<SimulatedKind, KindProfile> = {
  prank: { ringing: [2, 20], talk: [4, 45], abandons: 0.25, located: 0.5, fromRepeatCallers: 0.6 },
  silent: { ringing: [2, 20], talk: [3, 15], abandons: 0.3, located: 0.4, fromRepeatCallers: 0.3 },
  information: {
    ringing: [3, 15],
    talk: [40, 180],
    abandons: 0.08,
    located: 0.6,
    fromRepeatCallers: 0.05,
  },
  wrong_region: {
    ringing: [3, 15],
    talk: [20, 60],
    abandons: 0.05,
    located: 0.8,
    fromRepeatCallers: 0,
  },
  emergency: {
    ringing: [2, 10],
    talk: [60, 300],
    abandons: 0.03,
    located: 0.85,
    fromRepeatCallers: 0.02,
  },
};

/** Share of callers whose number is withheld. */
const withheldShare = 0.03;

/** One telephony event as the event route takes it (occurredAt as a Date; the poster serialises it). */
export interface SimulatedEvent {
  eventId: string;
  type: CallEventType;
  callId: string;
  did: string;
  caller: string | null;
  occurredAt: Date;
  seat?: string;
  transferredTo?: string;
  location?: DeviceLocation;
}

export interface SimulatedCall {
  kind: SimulatedKind;
  events: SimulatedEvent[];
}

/** What a region's simulated traffic draws on. */
export interface TrafficSetting {
  /** The region's 112 lines. */
  dids: readonly string[];
  /** Operator seats that answer. */
  seats: readonly string[];
  /** Numbers that call again and again (pranksters, mostly). */
  repeatCallers: readonly string[];
  /** A point inside the region, for device locations; none when the region has no geometry. */
  pointInRegion: ((random: () => number) => { latitude: number; longitude: number }) | undefined;
  /** Another region's 112 line, where wrong-region calls are transferred. */
  neighbourLine: string;
}

/** Draws a number of a kind by the shares above. */
function drawKind(random: () => number): SimulatedKind {
  let rest = random();
  for (const [kind, share] of kindShares) {
    if (rest < share) return kind;
    rest -= share;
  }
  return "prank";
}

const between = (random: () => number, [min, max]: readonly [number, number]) =>
  min + random() * (max - min);
const pick = <T>(random: () => number, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
};

/** A mobile number of one of Indonesia's operators (08xx-xxxx-xxxx), E.164. */
export function randomMobileNumber(random: () => number): string {
  const prefix = pick(random, [
    "811",
    "812",
    "813",
    "821",
    "822",
    "852",
    "853",
    "857",
    "858",
    "877",
    "878",
    "895",
    "896",
  ]);
  const rest = String(Math.floor(random() * 1e8)).padStart(8, "0");
  return `+62${prefix}${rest}`;
}

function deviceLocation(
  random: () => number,
  setting: TrafficSetting,
  at: Date,
): DeviceLocation | undefined {
  if (!setting.pointInRegion) return undefined;
  const method = pick(random, ["gnss", "gnss", "gnss", "wifi", "cell", "hybrid"] as const);
  const accuracy = { gnss: [4, 30], wifi: [15, 80], cell: [200, 2500], hybrid: [8, 60] } as const;
  return {
    ...setting.pointInRegion(random),
    accuracyMeters: Math.round(between(random, accuracy[method])),
    fixedAt: new Date(at.getTime() - Math.round(between(random, [1, 20])) * 1000).toISOString(),
    positioningMethod: method,
  };
}

/**
 * One call's events, from the moment it is offered: rung, then abandoned, or answered at a seat,
 * talked through (a wrong-region call transferred to the neighbour's line) and ended.
 */
export function simulateCall(
  random: () => number,
  setting: TrafficSetting,
  offeredAt: Date,
  newId: () => string,
): SimulatedCall {
  const kind = drawKind(random);
  const profile = profiles[kind];
  const repeat = setting.repeatCallers.length > 0 && random() < profile.fromRepeatCallers;
  const caller =
    random() < withheldShare
      ? null
      : repeat
        ? pick(random, setting.repeatCallers)
        : randomMobileNumber(random);
  const callId = newId();
  const did = pick(random, setting.dids);
  const location =
    random() < profile.located ? deviceLocation(random, setting, offeredAt) : undefined;
  const event = (
    type: CallEventType,
    at: Date,
    extra: Partial<SimulatedEvent> = {},
  ): SimulatedEvent => ({
    eventId: newId(),
    type,
    callId,
    did,
    caller,
    occurredAt: at,
    ...extra,
  });
  const after = (from: Date, seconds: number) =>
    new Date(from.getTime() + Math.round(seconds * 1000));

  const offered = event("call.offered", offeredAt, location ? { location } : {});
  const ringsUntil = after(offeredAt, between(random, profile.ringing));
  if (random() < profile.abandons)
    return { kind, events: [offered, event("call.abandoned", ringsUntil)] };
  const answered = event("call.answered", ringsUntil, { seat: pick(random, setting.seats) });
  const endsAt = after(ringsUntil, between(random, profile.talk));
  const ended = event("call.ended", endsAt);
  if (kind !== "wrong_region") return { kind, events: [offered, answered, ended] };
  const transferred = event("call.transferred", after(ringsUntil, between(random, [10, 30])), {
    transferredTo: setting.neighbourLine,
  });
  return {
    kind,
    events: [
      offered,
      answered,
      transferred,
      { ...ended, occurredAt: after(transferred.occurredAt, 1) },
    ],
  };
}

/**
 * Arrival times of calls between `from` and `to` at `perHour` calls an hour on average (a Poisson
 * process), busier by day than at night, as 112 lines are.
 */
export function arrivals(
  random: () => number,
  from: Date,
  to: Date,
  perHour: number,
  hourOf: (at: Date) => number,
): Date[] {
  const times: Date[] = [];
  // Thinning: draw at the daytime rate, keep a night arrival with the night's share of it; the
  // daytime rate is set so the day's average is `perHour`.
  const nightShare = 0.35;
  const peak = (perHour * 24) / (15 + 9 * nightShare);
  for (let at = from.getTime(); ;) {
    at += (-Math.log(1 - random()) / peak) * 3_600_000;
    if (at >= to.getTime()) return times;
    const hour = hourOf(new Date(at));
    const share = hour >= 7 && hour < 22 ? 1 : nightShare;
    if (random() < share) times.push(new Date(at));
  }
}
