import { describe, expect, it } from "vitest";
import { evaluate, type EvaluateOptions } from "./evaluate.ts";
import { prepareAgencies } from "./resolve.ts";
import type { RegionAgency } from "./schema/context.ts";
import type { RulesetInput } from "./schema/ruleset.ts";
import { mondayMorning, rule, ruleset } from "./testing.ts";

function planOf(rules: RulesetInput, incident: object, options: Partial<EvaluateOptions> = {}) {
  const result = evaluate(rules, incident, { now: mondayMorning, ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.findings));
  return result;
}

const brawl = { type: "violence", casualties: 2 };

describe("the lead agency", () => {
  it("is the one primary a rule marks as leading, even against a more urgent rule's primary", () => {
    const { plan } = planOf(
      ruleset([
        rule(
          "police",
          { types: ["violence.*"] },
          { priority: "P2", agencies: [{ agencyType: "polres", role: "primary", lead: true }] },
        ),
        rule(
          "medical",
          { types: ["violence.*"], casualties: { atLeast: 1 } },
          {
            priority: "P1",
            agencies: [{ agencyType: "psc119", role: "primary", ackWithinMinutes: 3 }],
          },
        ),
      ]),
      brawl,
    );
    expect(plan.lead).toEqual({
      key: "type:polres",
      reason: "marked_lead",
      from: [{ ruleId: "police", ruleIndex: 0 }],
    });
    expect(plan.agencies.map((agency) => [agency.key, agency.lead])).toEqual([
      ["type:polres", true],
      ["type:psc119", false],
    ]);
  });

  it("otherwise comes from the most urgent rule, then the tightest deadline, then code order", () => {
    const byPriority = planOf(
      ruleset([
        rule(
          "police",
          { types: ["violence.*"] },
          {
            priority: "P2",
            agencies: [{ agencyType: "polres", role: "primary", ackWithinMinutes: 2 }],
          },
        ),
        rule(
          "medical",
          { types: ["violence.*"] },
          { priority: "P1", agencies: [{ agencyType: "psc119", role: "primary" }] },
        ),
      ]),
      brawl,
    ).plan.lead;
    expect(byPriority).toMatchObject({ key: "type:psc119", reason: "priority" });

    const byDeadline = planOf(
      ruleset([
        rule(
          "police",
          { types: ["violence.*"] },
          { agencies: [{ agencyType: "polres", role: "primary", ackWithinMinutes: 5 }] },
        ),
        rule(
          "medical",
          { types: ["violence.*"] },
          { agencies: [{ agencyType: "psc119", role: "primary", ackWithinMinutes: 3 }] },
        ),
      ]),
      brawl,
    ).plan.lead;
    expect(byDeadline).toMatchObject({ key: "type:psc119", reason: "ack_deadline" });

    const byCode = planOf(
      ruleset([
        rule(
          "both",
          { types: ["violence.*"] },
          {
            agencies: [
              { agencyType: "psc119", role: "primary" },
              { agencyType: "polres", role: "primary" },
            ],
          },
        ),
      ]),
      brawl,
    ).plan.lead;
    expect(byCode).toMatchObject({ key: "type:polres", reason: "code_order" });
  });

  it("is the only primary when there is one, and there is none without a primary", () => {
    const single = planOf(
      ruleset([
        rule(
          "fire",
          { types: ["fire.*"] },
          {
            agencies: [
              { agencyType: "damkar", role: "primary" },
              { agencyType: "pln", role: "support" },
            ],
          },
        ),
      ]),
      { type: "fire" },
    );
    expect(single.plan.lead).toMatchObject({ key: "type:damkar", reason: "only_primary" });
    const supportOnly = planOf(
      ruleset([
        rule("fire", { types: ["fire.*"] }, { agencies: [{ agencyType: "pln", role: "support" }] }),
      ]),
      { type: "fire" },
    );
    expect(supportOnly.plan.lead).toBeNull();
    expect(supportOnly.plan.agencies.every((agency) => !agency.lead)).toBe(true);
    expect(supportOnly.findings.map((finding) => finding.code)).toContain("no_primary_agency");
  });

  it("cannot be asked of a support agency", () => {
    const result = evaluate(
      ruleset([
        rule(
          "fire",
          { types: ["fire.*"] },
          { agencies: [{ agencyType: "pln", role: "support", lead: true }] },
        ),
      ]),
      { type: "fire" },
      { now: mondayMorning },
    );
    expect(result.ok).toBe(false);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ code: "schema", path: "$.rules[0].then.agencies[0].lead" }),
    );
  });
});

describe("resolution to the region's agencies", () => {
  const fireRules = ruleset([
    rule(
      "fire",
      { types: ["fire.*"] },
      {
        agencies: [
          { agencyType: "damkar", role: "primary" },
          {
            agencyType: "basarnas",
            role: "support",
            fallback: { name: "Basarnas (115)", phone: "115" },
          },
          { agencyType: "pln", role: "support" },
        ],
      },
    ),
  ]);
  const region: RegionAgency[] = [
    { id: "damkar-kota", type: "damkar", name: "Damkar Kota" },
    { id: "damkar-pos-utara", type: "damkar", name: "Pos Damkar Utara", kecamatan: ["35.15.01"] },
    {
      id: "damkar-lama",
      type: "damkar",
      name: "Damkar Lama",
      active: false,
      kecamatan: ["35.15.01"],
    },
    { id: "pln-up3", type: "pln", name: "PLN UP3", kecamatan: ["35.15.02"] },
  ];

  const resolutionOf = (plan: ReturnType<typeof planOf>["plan"], key: string) =>
    plan.agencies.find((agency) => agency.key === key)?.resolution;

  it("prefers an active agency that lists the kecamatan to one covering the whole region", () => {
    const { plan, findings } = planOf(
      fireRules,
      { type: "fire", kecamatan: "35.15.01" },
      { agencies: region },
    );
    expect(resolutionOf(plan, "type:damkar")).toEqual({
      kind: "agencies",
      agencies: [{ id: "damkar-pos-utara", name: "Pos Damkar Utara" }],
    });
    expect(resolutionOf(plan, "type:basarnas")).toEqual({
      kind: "fallback",
      fallback: { name: "Basarnas (115)", phone: "115" },
      ruleId: "fire",
    });
    expect(resolutionOf(plan, "type:pln")).toEqual({ kind: "unserved" });
    expect(findings).toContainEqual(
      expect.objectContaining({ code: "unserved_agency", level: "warning" }),
    );
    expect(findings.filter((finding) => finding.code === "unserved_agency")).toHaveLength(1);
  });

  it("falls back to the whole-region agency elsewhere, and to every active one when the kecamatan is unknown", () => {
    const elsewhere = planOf(
      fireRules,
      { type: "fire", kecamatan: "35.15.03" },
      { agencies: region },
    ).plan;
    expect(resolutionOf(elsewhere, "type:damkar")).toEqual({
      kind: "agencies",
      agencies: [{ id: "damkar-kota", name: "Damkar Kota" }],
    });
    const unknown = planOf(fireRules, { type: "fire" }, { agencies: region }).plan;
    expect(resolutionOf(unknown, "type:damkar")).toEqual({
      kind: "agencies",
      agencies: [
        { id: "damkar-kota", name: "Damkar Kota" },
        { id: "damkar-pos-utara", name: "Pos Damkar Utara" },
      ],
    });
    expect(resolutionOf(unknown, "type:pln")).toEqual({
      kind: "agencies",
      agencies: [{ id: "pln-up3", name: "PLN UP3" }],
    });
  });

  it("resolves a rule naming one agency only to that agency, while it is active", () => {
    const named = ruleset([
      rule(
        "fire",
        { types: ["fire.*"] },
        { agencies: [{ agencyId: "damkar-lama", role: "primary" }] },
      ),
    ]);
    const plan = planOf(named, { type: "fire", kecamatan: "35.15.01" }, { agencies: region }).plan;
    expect(resolutionOf(plan, "agency:damkar-lama")).toEqual({ kind: "unserved" });
  });

  it("leaves plans unresolved without the region's agencies, and refuses malformed ones naming the field", () => {
    const { plan } = planOf(fireRules, { type: "fire" });
    expect(plan.agencies.every((agency) => agency.resolution === undefined)).toBe(true);
    const result = evaluate(
      fireRules,
      { type: "fire" },
      { now: mondayMorning, agencies: [{ id: "x", type: "Damkar!" }] },
    );
    expect(result.ok).toBe(false);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ document: "options", path: "$.agencies[0].type" }),
    );
  });

  it("checks a region's agencies once for many evaluations, and names a bad field", () => {
    const prepared = prepareAgencies(region);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.findings));
    expect(Object.isFrozen(prepared.agencies)).toBe(true);
    expect(prepareAgencies(prepared.agencies)).toEqual(prepared);
    const once = planOf(fireRules, { type: "fire", kecamatan: "35.15.01" }, { agencies: region });
    const reused = planOf(
      fireRules,
      { type: "fire", kecamatan: "35.15.01" },
      {
        agencies: prepared.agencies,
      },
    );
    expect(reused).toEqual(once);
    const bad = prepareAgencies([{ id: "x", type: "damkar", kecamatan: "35.15.01" }]);
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.findings).toContainEqual(
        expect.objectContaining({ path: "$.agencies[0].kecamatan" }),
      );
  });
});
