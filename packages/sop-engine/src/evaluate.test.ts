import { describe, expect, it } from "vitest";
import { compileRuleset } from "./compile.ts";
import { evaluate } from "./evaluate.ts";
import { mondayMorning, rule, ruleset } from "./testing.ts";

const fireRules = ruleset(
  [
    rule(
      "fire",
      { types: ["fire.*"] },
      {
        priority: "P1",
        agencies: [{ agencyType: "damkar", role: "primary", ackWithinMinutes: 3 }],
      },
    ),
    rule(
      "casualties",
      { types: ["fire.*"], casualties: { atLeast: 1 } },
      { agencies: [{ agencyType: "psc119", role: "primary" }] },
    ),
    rule(
      "medical",
      { types: ["medical.*"] },
      { agencies: [{ agencyType: "psc119", role: "primary" }] },
    ),
    rule("off", {}, { priority: "P4" }, { enabled: false }),
  ],
  { localSubtypes: [{ code: "fire.market", name: "Kebakaran pasar" }] },
);

describe("evaluate", () => {
  it("returns the plan with absolute deadlines and the local time it reasoned with", () => {
    const result = evaluate(
      fireRules,
      { type: "fire", subtype: "fire.building" },
      { now: mondayMorning },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.agencies.map((a) => [a.key, a.ackDeadline])).toEqual([
      ["type:damkar", "2025-06-02T03:03:00.000Z"],
    ]);
    expect(result.trace.at).toBe("2025-06-02T03:00:00.000Z");
    expect(result.trace.localTime).toMatchObject({
      date: "2025-06-02",
      clock: "10:00",
      weekday: "mon",
      timeZone: "Asia/Jakarta",
    });
    expect(result.findings).toEqual([]);
  });

  it("traces only matched rules by default, and every rule with the reasons when asked", () => {
    const incident = { type: "fire", casualties: 0 };
    const brief = evaluate(fireRules, incident, { now: mondayMorning });
    const full = evaluate(fireRules, incident, { now: mondayMorning, explainNonMatches: true });
    if (!brief.ok || !full.ok) throw new Error("expected plans");
    expect(brief.trace.rules.map((r) => r.ruleId)).toEqual(["fire"]);
    expect(full.trace.rules.map((r) => [r.ruleId, r.outcome])).toEqual([
      ["fire", "matched"],
      ["casualties", "not_matched"],
      ["medical", "not_matched"],
      ["off", "disabled"],
    ]);
    const casualties = full.trace.rules[1]?.conditions;
    expect(casualties).toEqual([
      {
        condition: "types",
        holds: true,
        explanation: "incident fire (no subtype) matches fire.*",
        params: { wanted: ["fire.*"], kinds: [{ type: "fire" }], match: "fire.*" },
      },
      {
        condition: "casualties",
        holds: false,
        explanation: "casualties 0; rule needs at least 1",
        params: { wanted: { atLeast: 1 }, casualties: 0 },
      },
    ]);
    expect(full.plan).toEqual(brief.plan);
  });

  it("gives each check the values it compared: the rule's condition and what the incident has", () => {
    const rules = ruleset([
      rule(
        "everything",
        {
          types: ["medical.*", "fire.vehicle"],
          severity: { atLeast: "high" },
          flags: { any: ["spreading"], none: ["hazardous_material"] },
          kecamatan: { notIn: ["34.04.01"] },
          time: { hours: [{ from: "08:00", to: "17:00" }], weekdays: ["sat", "sun"] },
          keywords: { any: ["gas", "tabung*"], none: ["latihan"] },
        },
        { priority: "P1" },
      ),
    ]);
    const incident = {
      type: "fire",
      subtype: "fire.building",
      flags: ["spreading"],
      description: "Ada tabungnya meledak",
    };
    const result = evaluate(rules, incident, { now: mondayMorning, explainNonMatches: true });
    if (!result.ok) throw new Error(JSON.stringify(result.findings));
    const checks = result.trace.rules[0]?.conditions ?? [];
    expect(checks.map(({ condition, holds, params }) => [condition, holds, params])).toEqual([
      [
        "types",
        false,
        {
          wanted: ["medical.*", "fire.vehicle"],
          kinds: [{ type: "fire", subtype: "fire.building" }],
        },
      ],
      // An unrecorded severity or kecamatan is absent, not a value.
      ["severity", false, { wanted: { atLeast: "high" } }],
      [
        "flags",
        true,
        { wanted: { any: ["spreading"], none: ["hazardous_material"] }, flags: ["spreading"] },
      ],
      ["kecamatan", false, { wanted: { notIn: ["34.04.01"] } }],
      [
        "time",
        false,
        {
          wanted: { hours: [{ from: "08:00", to: "17:00" }], weekdays: ["sat", "sun"] },
          local: result.trace.localTime,
        },
      ],
      [
        "keywords",
        true,
        { wanted: { any: ["gas", "tabung*"], none: ["latihan"] }, found: ["tabung*"] },
      ],
    ]);
    // The English stays for the CLI and logs, worded from the same values.
    expect(checks.map((check) => check.explanation)).toEqual([
      "incident fire.building is not one of medical.*, fire.vehicle",
      "severity unknown; rule needs at least high",
      "flags set: spreading; rule needs any of spreading and none of hazardous_material",
      "kecamatan unknown; rule needs none of 34.04.01",
      "local time mon 2025-06-02 10:00 (Asia/Jakarta); rule needs hours 08:00-17:00 and weekdays sat, sun",
      'description contains "tabung*"; rule needs any of gas, tabung* and none of latihan',
    ]);
  });

  it("accepts a compiled ruleset and gives the same result as raw JSON", () => {
    const compiled = compileRuleset(fireRules);
    if (!compiled.ok) throw new Error("expected a valid ruleset");
    const incident = { type: "fire", casualties: 2 };
    expect(evaluate(compiled.compiled, incident, { now: mondayMorning })).toEqual(
      evaluate(fireRules, incident, { now: mondayMorning }),
    );
  });

  it("does not modify its inputs", () => {
    const rulesCopy = structuredClone(fireRules);
    const incident = { type: "fire", flags: ["spreading"] };
    evaluate(fireRules, incident, { now: mondayMorning, explainNonMatches: true });
    expect(fireRules).toEqual(rulesCopy);
    expect(incident).toEqual({ type: "fire", flags: ["spreading"] });
  });

  it("accepts local subtypes and warns about codes it does not know", () => {
    const local = evaluate(
      fireRules,
      { type: "fire", subtype: "fire.market" },
      { now: mondayMorning },
    );
    expect(local.findings).toEqual([]);
    const unknownSubtype = evaluate(
      fireRules,
      { type: "fire", subtype: "fire.ship" },
      { now: mondayMorning },
    );
    expect(unknownSubtype.ok).toBe(true);
    expect(unknownSubtype.findings.map((f) => [f.code, f.path])).toEqual([
      ["unknown_incident_type", "$.subtype"],
    ]);
    const unknownType = evaluate(fireRules, { type: "meteor" }, { now: mondayMorning });
    expect(unknownType.findings.map((f) => f.code)).toEqual([
      "unknown_incident_type",
      "no_matching_rule",
    ]);
  });

  it("warns when no rule matches or no agency leads", () => {
    const none = evaluate(fireRules, { type: "public_order" }, { now: mondayMorning });
    expect(none.ok && none.plan.priority).toBe("P3");
    expect(none.findings.map((f) => [f.level, f.code])).toEqual([["warning", "no_matching_rule"]]);
    const supportOnly = evaluate(
      ruleset([rule("s", {}, { agencies: [{ agencyType: "pmi", role: "support" }] })]),
      { type: "fire" },
      { now: mondayMorning },
    );
    expect(supportOnly.findings.map((f) => f.code)).toEqual(["no_primary_agency"]);
  });

  it("returns findings for every invalid input instead of throwing", () => {
    const result = evaluate(
      { format: "nope" },
      { type: "Fire!", casualties: -1 },
      { now: new Date("not a date") },
    );
    expect(result.ok).toBe(false);
    const documents = new Set(result.findings.map((f) => f.document));
    expect(documents).toEqual(new Set(["ruleset", "incident", "options"]));
    expect(result.findings.every((f) => f.level === "error")).toBe(true);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ document: "incident", path: "$.casualties" }),
    );
  });

  it("names the field of a schema error with a JSON path", () => {
    const broken = ruleset([
      rule("a", {}, { agencies: [{ agencyType: "damkar", role: "lead" as "primary" }] }),
    ]);
    const result = evaluate(broken, { type: "fire" }, { now: mondayMorning });
    expect(result.findings).toEqual([
      expect.objectContaining({
        code: "schema",
        document: "ruleset",
        path: "$.rules[0].then.agencies[0].role",
      }),
    ]);
  });

  it("rejects a subtype of another type", () => {
    const result = evaluate(
      fireRules,
      { type: "fire", subtype: "medical.birth" },
      { now: mondayMorning },
    );
    expect(result.findings).toEqual([
      expect.objectContaining({ document: "incident", path: "$.subtype" }),
    ]);
  });

  it("rejects unknown fields so typos do not pass silently", () => {
    const result = evaluate(fireRules, { type: "fire", casualty: 3 }, { now: mondayMorning });
    expect(result.findings).toEqual([
      expect.objectContaining({ path: "$.casualty", message: 'Unknown field "casualty".' }),
    ]);
  });
});
