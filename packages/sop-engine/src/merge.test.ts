import { describe, expect, it } from "vitest";
import { evaluate, type DispatchPlan, type EvaluationTrace } from "./evaluate.ts";
import type { RulesetInput } from "./schema/ruleset.ts";
import { mondayMorning, rule, ruleset } from "./testing.ts";

function run(
  input: RulesetInput,
  incident: Record<string, unknown> = { type: "fire" },
): { plan: DispatchPlan; trace: EvaluationTrace } {
  const result = evaluate(input, incident, { now: mondayMorning });
  if (!result.ok) throw new Error(JSON.stringify(result.findings));
  return result;
}

const agencySummary = (plan: DispatchPlan) =>
  plan.agencies.map((a) => [a.key, a.role, a.ackWithinMinutes]);

describe("agencies", () => {
  it("unites the agencies of all matching rules", () => {
    const { plan } = run(
      ruleset([
        rule(
          "a",
          {},
          { agencies: [{ agencyType: "damkar", role: "primary", ackWithinMinutes: 3 }] },
        ),
        rule(
          "b",
          {},
          { agencies: [{ agencyId: "psc119-sidoarjo", role: "support", ackWithinMinutes: 5 }] },
        ),
      ]),
    );
    expect(agencySummary(plan)).toEqual([
      ["type:damkar", "primary", 3],
      ["agency:psc119-sidoarjo", "support", 5],
    ]);
  });

  it("makes an agency primary when any rule does, with the tightest deadline of all", () => {
    const { plan } = run(
      ruleset([
        rule("a", {}, { agencies: [{ agencyType: "bpbd", role: "support", ackWithinMinutes: 4 }] }),
        rule(
          "b",
          {},
          { agencies: [{ agencyType: "bpbd", role: "primary", ackWithinMinutes: 10 }] },
        ),
      ]),
    );
    expect(agencySummary(plan)).toEqual([["type:bpbd", "primary", 4]]);
    expect(plan.agencies[0]?.from.map((c) => [c.ruleId, c.role, c.ackWithinMinutes])).toEqual([
      ["a", "support", 4],
      ["b", "primary", 10],
    ]);
  });

  it("gives an agency without its own deadline the ruleset default", () => {
    const { plan } = run(
      ruleset([rule("a", {}, { agencies: [{ agencyType: "polres", role: "primary" }] })]),
    );
    expect(plan.agencies[0]?.ackWithinMinutes).toBe(10);
    expect(plan.agencies[0]?.ackDeadline).toBe("2025-06-02T03:10:00.000Z");
  });

  it("orders primary agencies first, then by deadline", () => {
    const { plan } = run(
      ruleset([
        rule(
          "a",
          {},
          {
            agencies: [
              { agencyType: "dinsos", role: "support", ackWithinMinutes: 1 },
              { agencyType: "polres", role: "primary", ackWithinMinutes: 9 },
              { agencyType: "damkar", role: "primary", ackWithinMinutes: 3 },
            ],
          },
        ),
      ]),
    );
    expect(plan.agencies.map((a) => a.key)).toEqual(["type:damkar", "type:polres", "type:dinsos"]);
  });

  it("keeps an agency type and a specific agency apart: the type resolves later, per region", () => {
    const { plan } = run(
      ruleset([
        rule(
          "a",
          {},
          {
            agencies: [
              { agencyType: "damkar", role: "primary", ackWithinMinutes: 3 },
              { agencyId: "damkar-pos-2", role: "primary", ackWithinMinutes: 3 },
            ],
          },
        ),
      ]),
    );
    expect(plan.agencies).toHaveLength(2);
  });
});

describe("priority", () => {
  it("takes the most urgent priority and names the rules that set it", () => {
    const { plan } = run(
      ruleset([
        rule("a", {}, { priority: "P3" }),
        rule("b", {}, { priority: "P1" }),
        rule("c", {}, { priority: "P1" }),
      ]),
    );
    expect(plan.priority).toBe("P1");
    expect(plan.priorityFrom.map((ref) => ref.ruleId)).toEqual(["b", "c"]);
  });

  it("falls back to the ruleset default when no matching rule sets one", () => {
    const { plan } = run(
      ruleset([rule("a", {}, {})], { defaults: { priority: "P2", ackWithinMinutes: 5 } }),
    );
    expect(plan.priority).toBe("P2");
    expect(plan.priorityFrom).toEqual([]);
  });
});

describe("escalation", () => {
  it("orders steps by time, then renotify, supervisor, backup, officials", () => {
    const { plan } = run(
      ruleset([
        rule(
          "a",
          {},
          {
            escalation: [
              { action: "notify_officials", afterMinutes: 5, officials: ["sekda"] },
              { action: "notify_supervisor", afterMinutes: 10 },
            ],
          },
        ),
        rule(
          "b",
          {},
          {
            escalation: [
              { action: "renotify", afterMinutes: 5 },
              {
                action: "notify_backup_agency",
                afterMinutes: 5,
                for: { agencyType: "damkar" },
                backup: { agencyType: "bpbd" },
              },
            ],
          },
        ),
      ]),
    );
    expect(plan.escalation.map((s) => [s.step.afterMinutes, s.step.action])).toEqual([
      [5, "renotify"],
      [5, "notify_backup_agency"],
      [5, "notify_officials"],
      [10, "notify_supervisor"],
    ]);
    expect(plan.escalation[3]?.due).toBe("2025-06-02T03:10:00.000Z");
  });

  it("plans a step named by several rules once, whatever the order of officials", () => {
    const { plan } = run(
      ruleset([
        rule(
          "a",
          {},
          {
            escalation: [
              {
                action: "notify_officials",
                afterMinutes: 20,
                officials: ["sekda", "bupati_walikota"],
              },
            ],
          },
        ),
        rule(
          "b",
          {},
          {
            escalation: [
              {
                action: "notify_officials",
                afterMinutes: 20,
                officials: ["bupati_walikota", "sekda", "sekda"],
              },
            ],
          },
        ),
      ]),
    );
    expect(plan.escalation).toHaveLength(1);
    expect(plan.escalation[0]?.step).toEqual({
      action: "notify_officials",
      afterMinutes: 20,
      officials: ["bupati_walikota", "sekda"],
    });
    expect(plan.escalation[0]?.from.map((ref) => ref.ruleId)).toEqual(["a", "b"]);
  });

  it("keeps steps for different agencies apart", () => {
    const { plan } = run(
      ruleset([
        rule(
          "a",
          {},
          {
            escalation: [
              { action: "renotify", afterMinutes: 3, for: { agencyType: "damkar" } },
              { action: "renotify", afterMinutes: 3, for: { agencyType: "psc119" } },
              { action: "renotify", afterMinutes: 3 },
            ],
          },
        ),
      ]),
    );
    expect(plan.escalation).toHaveLength(3);
  });
});

describe("checklist and advice", () => {
  it("asks each key once, in ruleset order, with the earliest rule's text", () => {
    const { plan } = run(
      ruleset([
        rule(
          "first",
          {},
          {
            checklist: [
              { key: "where", text: "Di mana?" },
              { key: "who", text: "Siapa?" },
            ],
          },
        ),
        rule(
          "second",
          {},
          {
            checklist: [
              { key: "how-many", text: "Berapa?" },
              { key: "where", text: "Lokasi?" },
            ],
          },
        ),
      ]),
    );
    expect(plan.checklist.map((item) => [item.key, item.text])).toEqual([
      ["where", "Di mana?"],
      ["who", "Siapa?"],
      ["how-many", "Berapa?"],
    ]);
    expect(plan.checklist[0]?.from.map((s) => s.ruleId)).toEqual(["first", "second"]);
  });

  it("merges advice the same way", () => {
    const { plan } = run(
      ruleset([
        rule("a", {}, { advice: [{ key: "calm", text: "Tetap tenang." }] }),
        rule("b", {}, { advice: [{ key: "calm", text: "Tenang." }] }),
      ]),
    );
    expect(plan.advice.map((item) => item.text)).toEqual(["Tetap tenang."]);
  });

  it("says the most urgent advice first, whatever the order of the rules", () => {
    const stayOnLine = rule(
      "medical",
      { types: ["medical.*"] },
      { advice: [{ key: "stay_on_line", text: "Tetap tersambung.", urgency: "information" }] },
    );
    const cpr = rule(
      "cardiac",
      { types: ["medical.cardiac"] },
      {
        advice: [
          { key: "distance", text: "Jaga jarak.", urgency: "immediate_safety" },
          { key: "cpr", text: "Tekan dada.", urgency: "life_saving" },
        ],
      },
    );
    const incident = { type: "medical", subtype: "medical.cardiac" };
    for (const rules of [
      [stayOnLine, cpr],
      [cpr, stayOnLine],
    ]) {
      const { plan } = run(ruleset(rules), incident);
      expect(plan.advice.map((item) => [item.key, item.urgency])).toEqual([
        ["cpr", "life_saving"],
        ["distance", "immediate_safety"],
        ["stay_on_line", "information"],
      ]);
    }
  });

  it("keeps rule order within one urgency, and ranks a key as urgently as any rule does", () => {
    const { plan } = run(
      ruleset([
        rule("a", {}, { advice: [{ key: "calm", text: "Tetap tenang." }] }),
        rule(
          "b",
          {},
          {
            advice: [
              { key: "away", text: "Menjauh.", urgency: "immediate_safety" },
              { key: "calm", text: "Tenang.", urgency: "immediate_safety" },
            ],
          },
        ),
      ]),
    );
    // "calm" is unmarked (information) in "a" but immediate_safety in "b"; "a" still words it.
    expect(plan.advice.map((item) => [item.key, item.text, item.urgency])).toEqual([
      ["calm", "Tetap tenang.", "immediate_safety"],
      ["away", "Menjauh.", "immediate_safety"],
    ]);
  });
});

describe("exclusions", () => {
  it("drops the contribution of a matched rule that another matched rule suppresses", () => {
    const { plan, trace } = run(
      ruleset([
        rule(
          "generic",
          {},
          { priority: "P2", agencies: [{ agencyType: "damkar", role: "primary" }] },
        ),
        rule(
          "local-post",
          { types: ["fire.*"] },
          { agencies: [{ agencyId: "damkar-pos-2", role: "primary" }] },
          { suppresses: ["generic"] },
        ),
      ]),
    );
    expect(plan.agencies.map((a) => a.key)).toEqual(["agency:damkar-pos-2"]);
    expect(plan.priority).toBe("P3");
    expect(trace.rules.map((r) => [r.ruleId, r.outcome, r.suppressedBy])).toEqual([
      ["generic", "suppressed", ["local-post"]],
      ["local-post", "matched", undefined],
    ]);
  });

  it("does nothing when the suppressing rule does not match", () => {
    const { plan } = run(
      ruleset([
        rule("generic", {}, { agencies: [{ agencyType: "damkar", role: "primary" }] }),
        rule("medical-only", { types: ["medical.*"] }, {}, { suppresses: ["generic"] }),
      ]),
    );
    expect(plan.agencies.map((a) => a.key)).toEqual(["type:damkar"]);
  });

  it("lets a suppressed rule still suppress others (suppression is not transitive)", () => {
    const { trace } = run(
      ruleset([
        rule("a", {}, {}, { suppresses: ["b"] }),
        rule("b", {}, {}, { suppresses: ["c"] }),
        rule("c", {}, { agencies: [{ agencyType: "polres", role: "primary" }] }),
      ]),
    );
    expect(trace.rules.map((r) => r.outcome)).toEqual(["matched", "suppressed", "suppressed"]);
  });

  it("ignores disabled rules entirely", () => {
    const { plan } = run(
      ruleset([
        rule(
          "off",
          {},
          { priority: "P1", agencies: [{ agencyType: "damkar", role: "primary" }] },
          { enabled: false },
        ),
        rule("off-suppressor", {}, {}, { enabled: false, suppresses: ["on"] }),
        rule("on", {}, { agencies: [{ agencyType: "polres", role: "primary" }] }),
      ]),
    );
    expect(plan.agencies.map((a) => a.key)).toEqual(["type:polres"]);
    expect(plan.priority).toBe("P3");
  });
});
