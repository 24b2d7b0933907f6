import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate.ts";
import { incidentSchema } from "./schema/incident.ts";
import { mondayMorning, rule, ruleset } from "./testing.ts";

const rules = ruleset([
  rule(
    "crash",
    { types: ["traffic_accident.*"] },
    {
      priority: "P2",
      agencies: [
        { agencyType: "polres", role: "primary", ackWithinMinutes: 10 },
        { agencyType: "psc119", role: "support", ackWithinMinutes: 10 },
      ],
    },
  ),
  rule(
    "vehicle-fire",
    { types: ["fire.vehicle"] },
    {
      priority: "P1",
      agencies: [
        { agencyType: "damkar", role: "primary", ackWithinMinutes: 5 },
        { agencyType: "psc119", role: "primary", ackWithinMinutes: 8 },
      ],
    },
  ),
  rule(
    "building-fire",
    { types: ["fire.building"] },
    { agencies: [{ agencyType: "pln", role: "support" }] },
  ),
]);

const burningCar = {
  types: [
    { type: "traffic_accident", subtype: "traffic_accident.multi_vehicle" },
    { type: "fire", subtype: "fire.vehicle" },
  ],
};

describe("compound incidents", () => {
  it("match the rules of every kind, uniting agencies with the strictest role, deadline and priority", () => {
    const result = evaluate(rules, burningCar, { now: mondayMorning, explainNonMatches: true });
    if (!result.ok) throw new Error(JSON.stringify(result.findings));
    const { plan, trace } = result;
    expect(plan.priority).toBe("P1");
    expect(
      plan.agencies.map(({ key, role, ackWithinMinutes }) => [key, role, ackWithinMinutes]),
    ).toEqual([
      ["type:damkar", "primary", 5],
      ["type:psc119", "primary", 8],
      ["type:polres", "primary", 10],
    ]);
    expect(plan.lead).toMatchObject({ key: "type:damkar", reason: "ack_deadline" });
    const outcome = (id: string) => trace.rules.find((traced) => traced.ruleId === id)?.outcome;
    expect([outcome("crash"), outcome("vehicle-fire"), outcome("building-fire")]).toEqual([
      "matched",
      "matched",
      "not_matched",
    ]);
    const explained = trace.rules.find((traced) => traced.ruleId === "vehicle-fire")?.conditions[0]
      ?.explanation;
    expect(explained).toBe(
      "incident traffic_accident.multi_vehicle + fire.vehicle matches fire.vehicle",
    );
  });

  it("plan the same whichever kind is written first: the main kind is for records, not for planning", () => {
    const reversed = { types: burningCar.types.toReversed() };
    const plan = (incident: object) => {
      const result = evaluate(rules, incident, { now: mondayMorning });
      if (!result.ok) throw new Error(JSON.stringify(result.findings));
      return result.plan;
    };
    expect(plan(reversed)).toEqual(plan(burningCar));
  });

  it("still read the single form, and give both forms the same shape", () => {
    expect(incidentSchema.parse({ type: "fire", subtype: "fire.vehicle", casualties: 1 })).toEqual({
      types: [{ type: "fire", subtype: "fire.vehicle" }],
      casualties: 1,
    });
    expect(
      incidentSchema.parse({ types: [{ type: "fire", subtype: "fire.vehicle" }], casualties: 1 }),
    ).toEqual(incidentSchema.parse({ type: "fire", subtype: "fire.vehicle", casualties: 1 }));
  });

  it("refuse mixed forms, repeated kinds, a subtype of another type and an empty list, naming the field", () => {
    const pathsOf = (incident: unknown) => {
      const result = incidentSchema.safeParse(incident);
      return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
    };
    expect(pathsOf({ type: "fire", types: [{ type: "fire" }] })).toEqual(["types"]);
    expect(
      pathsOf({
        types: [
          { type: "fire", subtype: "fire.vehicle" },
          { type: "fire", subtype: "fire.vehicle" },
        ],
      }),
    ).toEqual(["types.1"]);
    expect(
      pathsOf({ types: [{ type: "fire", subtype: "traffic_accident.multi_vehicle" }] }),
    ).toEqual(["types.0.subtype"]);
    expect(pathsOf({ types: [] })).toEqual(["types"]);
    expect(pathsOf({ severity: "high" })).toEqual(["type"]);
    expect(pathsOf({ type: "fire", subtype: "crime.theft" })).toEqual(["subtype"]);
  });

  it("warn about an unknown kind where it was written", () => {
    const result = evaluate(
      rules,
      { types: [{ type: "fire" }, { type: "meteor" }] },
      { now: mondayMorning },
    );
    expect(result.ok).toBe(true);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ code: "unknown_incident_type", path: "$.types[1].type" }),
    );
  });
});
