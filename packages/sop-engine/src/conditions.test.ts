import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate.ts";
import type { RulesetInput } from "./schema/ruleset.ts";
import { mondayMorning, rule, ruleset } from "./testing.ts";

type When = RulesetInput["rules"][number]["when"];

/** Whether a single rule with these conditions matches the incident at `now`. */
function matches(
  when: When,
  incident: Record<string, unknown>,
  now = mondayMorning,
  timeZone: RulesetInput["timeZone"] = "Asia/Jakarta",
): boolean {
  const result = evaluate(
    ruleset([rule("r", when, { priority: "P1" })], { timeZone }),
    { type: "fire", ...incident },
    { now },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.findings));
  return result.trace.rules.some((traced) => traced.ruleId === "r" && traced.outcome === "matched");
}

describe("no conditions", () => {
  it("matches every incident", () => {
    expect(matches({}, { type: "medical" })).toBe(true);
  });
});

describe("types", () => {
  it("matches a type wildcard with any subtype or none", () => {
    expect(matches({ types: ["fire.*"] }, { subtype: "fire.building" })).toBe(true);
    expect(matches({ types: ["fire.*"] }, {})).toBe(true);
    expect(matches({ types: ["fire.*"] }, { type: "medical" })).toBe(false);
  });

  it("matches an exact subtype only", () => {
    expect(matches({ types: ["fire.vehicle"] }, { subtype: "fire.vehicle" })).toBe(true);
    expect(matches({ types: ["fire.vehicle"] }, { subtype: "fire.building" })).toBe(false);
    expect(matches({ types: ["fire.vehicle"] }, {})).toBe(false);
  });

  it("matches when any listed pattern does", () => {
    expect(matches({ types: ["medical.*", "fire.vehicle"] }, { subtype: "fire.vehicle" })).toBe(
      true,
    );
  });
});

describe("severity", () => {
  it("applies inclusive bounds on the ordered scale", () => {
    expect(matches({ severity: { atLeast: "high" } }, { severity: "high" })).toBe(true);
    expect(matches({ severity: { atLeast: "high" } }, { severity: "critical" })).toBe(true);
    expect(matches({ severity: { atLeast: "high" } }, { severity: "medium" })).toBe(false);
    expect(matches({ severity: { atMost: "medium" } }, { severity: "low" })).toBe(true);
    expect(matches({ severity: { atMost: "medium" } }, { severity: "high" })).toBe(false);
    expect(
      matches({ severity: { atLeast: "medium", atMost: "high" } }, { severity: "critical" }),
    ).toBe(false);
  });

  it("does not match an incident without a severity", () => {
    expect(matches({ severity: { atMost: "critical" } }, {})).toBe(false);
  });
});

describe("casualties", () => {
  it("applies inclusive bounds", () => {
    expect(matches({ casualties: { atLeast: 1 } }, { casualties: 1 })).toBe(true);
    expect(matches({ casualties: { atLeast: 1 } }, { casualties: 0 })).toBe(false);
    expect(matches({ casualties: { atMost: 4 } }, { casualties: 4 })).toBe(true);
    expect(matches({ casualties: { atMost: 4 } }, { casualties: 5 })).toBe(false);
  });

  it("treats an unknown count as unknown, not zero", () => {
    expect(matches({ casualties: { atMost: 0 } }, {})).toBe(false);
    expect(matches({ casualties: { atMost: 0 } }, { casualties: 0 })).toBe(true);
  });
});

describe("flags", () => {
  it("requires every flag in `all`", () => {
    const when: When = { flags: { all: ["people_trapped", "spreading"] } };
    expect(matches(when, { flags: ["spreading", "people_trapped"] })).toBe(true);
    expect(matches(when, { flags: ["spreading"] })).toBe(false);
  });

  it("requires one flag in `any`", () => {
    const when: When = { flags: { any: ["weapons_involved", "large_crowd"] } };
    expect(matches(when, { flags: ["large_crowd"] })).toBe(true);
    expect(matches(when, { flags: ["spreading"] })).toBe(false);
    expect(matches(when, {})).toBe(false);
  });

  it("excludes incidents with a flag in `none`", () => {
    const when: When = { flags: { none: ["hazardous_material"] } };
    expect(matches(when, {})).toBe(true);
    expect(matches(when, { flags: ["hazardous_material"] })).toBe(false);
  });
});

describe("kecamatan", () => {
  it("matches codes in `in` and not in `notIn`", () => {
    expect(
      matches({ kecamatan: { in: ["35.15.01", "35.15.02"] } }, { kecamatan: "35.15.02" }),
    ).toBe(true);
    expect(matches({ kecamatan: { in: ["35.15.01"] } }, { kecamatan: "35.15.02" })).toBe(false);
    expect(matches({ kecamatan: { notIn: ["35.15.01"] } }, { kecamatan: "35.15.02" })).toBe(true);
    expect(matches({ kecamatan: { notIn: ["35.15.01"] } }, { kecamatan: "35.15.01" })).toBe(false);
  });

  it("matches neither `in` nor `notIn` when the kecamatan is unknown", () => {
    expect(matches({ kecamatan: { in: ["35.15.01"] } }, {})).toBe(false);
    expect(matches({ kecamatan: { notIn: ["35.15.01"] } }, {})).toBe(false);
  });
});

describe("time, in the ruleset's zone", () => {
  const at = (iso: string) => new Date(iso);

  it("includes `from` and excludes `to` of an hour window", () => {
    const when: When = { time: { hours: [{ from: "08:00", to: "17:00" }] } };
    expect(matches(when, {}, at("2025-06-02T01:00:00Z"))).toBe(true); // 08:00 WIB
    expect(matches(when, {}, at("2025-06-02T00:59:00Z"))).toBe(false); // 07:59 WIB
    expect(matches(when, {}, at("2025-06-02T10:00:00Z"))).toBe(false); // 17:00 WIB
  });

  it("wraps a night window past midnight", () => {
    const night: When = { time: { hours: [{ from: "18:00", to: "06:00" }] } };
    expect(matches(night, {}, at("2025-06-02T16:30:00Z"))).toBe(true); // 23:30 WIB
    expect(matches(night, {}, at("2025-06-02T21:00:00Z"))).toBe(true); // 04:00 WIB
    expect(matches(night, {}, at("2025-06-02T05:00:00Z"))).toBe(false); // 12:00 WIB
  });

  it("uses the tenant's zone, not UTC", () => {
    const night: When = { time: { hours: [{ from: "18:00", to: "06:00" }] } };
    const utcMorning = at("2025-06-02T10:30:00Z"); // 17:30 WIB, 18:30 WITA, 19:30 WIT
    expect(matches(night, {}, utcMorning, "Asia/Jakarta")).toBe(false);
    expect(matches(night, {}, utcMorning, "Asia/Makassar")).toBe(true);
    expect(matches(night, {}, utcMorning, "Asia/Jayapura")).toBe(true);
  });

  it("matches weekdays by the local date", () => {
    const weekend: When = { time: { weekdays: ["sat", "sun"] } };
    // Friday 20:00 UTC is already Saturday 03:00 in Jakarta.
    expect(matches(weekend, {}, at("2025-06-06T20:00:00Z"))).toBe(true);
    expect(matches(weekend, {}, at("2025-06-06T10:00:00Z"))).toBe(false);
  });

  it("matches inclusive local date ranges", () => {
    const mudik: When = { time: { dates: [{ from: "2025-03-24", to: "2025-04-08" }] } };
    expect(matches(mudik, {}, at("2025-03-23T17:00:00Z"))).toBe(true); // 2025-03-24 00:00 WIB
    expect(matches(mudik, {}, at("2025-03-23T16:59:00Z"))).toBe(false);
    expect(matches(mudik, {}, at("2025-04-08T16:59:00Z"))).toBe(true); // 23:59 WIB on the last day
  });

  it("requires every part given (night and weekend)", () => {
    const weekendNight: When = {
      time: { hours: [{ from: "22:00", to: "05:00" }], weekdays: ["sat", "sun"] },
    };
    expect(matches(weekendNight, {}, at("2025-06-07T16:00:00Z"))).toBe(true); // Sat 23:00 WIB
    expect(matches(weekendNight, {}, at("2025-06-04T16:00:00Z"))).toBe(false); // Wed 23:00 WIB
  });

  it("treats a window whose ends are equal as empty", () => {
    expect(matches({ time: { hours: [{ from: "10:00", to: "10:00" }] } }, {})).toBe(false);
  });
});

describe("keywords", () => {
  it("matches whole words, ignoring case and accents", () => {
    expect(matches({ keywords: { any: ["api"] } }, { description: "Ada API besar" })).toBe(true);
    expect(matches({ keywords: { any: ["api"] } }, { description: "tapi tidak apa-apa" })).toBe(
      false,
    );
    expect(
      matches({ keywords: { any: ["cafe"] } }, { description: "Kebakaran di Café Mawar" }),
    ).toBe(true);
  });

  it("matches phrases word by word and a trailing `*` as a word prefix", () => {
    expect(
      matches({ keywords: { any: ["tidak sadar"] } }, { description: "pasien TIDAK  sadar!" }),
    ).toBe(true);
    expect(matches({ keywords: { any: ["tidak sadar"] } }, { description: "sadar tidak" })).toBe(
      false,
    );
    expect(
      matches({ keywords: { any: ["terbakar*"] } }, { description: "rumahnya terbakarnya cepat" }),
    ).toBe(true);
    expect(matches({ keywords: { any: ["terbakar"] } }, { description: "terbakarnya" })).toBe(
      false,
    );
  });

  it("excludes descriptions with a `none` keyword and treats a missing description as empty", () => {
    expect(
      matches({ keywords: { none: ["latihan"] } }, { description: "simulasi latihan kebakaran" }),
    ).toBe(false);
    expect(matches({ keywords: { none: ["latihan"] } }, {})).toBe(true);
    expect(matches({ keywords: { any: ["gas"] } }, {})).toBe(false);
  });
});

describe("several conditions", () => {
  it("match only when all hold", () => {
    const when: When = {
      types: ["fire.*"],
      casualties: { atLeast: 1 },
      flags: { any: ["spreading"] },
    };
    expect(matches(when, { casualties: 2, flags: ["spreading"] })).toBe(true);
    expect(matches(when, { casualties: 2 })).toBe(false);
    expect(matches(when, { flags: ["spreading"] })).toBe(false);
  });
});
