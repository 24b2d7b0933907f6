import { describe, expect, it } from "vitest";
import { evaluate, type DispatchPlan } from "./evaluate.ts";
import { diffPlans } from "./plan-diff.ts";
import type { RulesetInput } from "./schema/ruleset.ts";
import { mondayMorning, rule, ruleset } from "./testing.ts";

const published = ruleset([
  rule(
    "fire",
    { types: ["fire.*"] },
    {
      priority: "P2",
      agencies: [
        { agencyType: "damkar", role: "primary", ackWithinMinutes: 5 },
        { agencyType: "pmi", role: "support" },
        { agencyType: "satpol_pp", role: "support" },
      ],
      escalation: [{ action: "renotify", afterMinutes: 5, for: { agencyType: "damkar" } }],
      checklist: [
        { key: "exact_location", text: "Di mana lokasinya?" },
        { key: "trapped", text: "Ada yang terjebak?" },
      ],
      advice: [{ key: "leave_building", text: "Keluar dari bangunan." }],
    },
  ),
]);

const draft = ruleset([
  rule(
    "fire",
    { types: ["fire.*"] },
    {
      priority: "P1",
      agencies: [
        { agencyType: "damkar", role: "primary", ackWithinMinutes: 3 },
        { agencyType: "satpol_pp", role: "primary" },
        { agencyType: "bpbd", role: "support" },
      ],
      escalation: [
        { action: "renotify", afterMinutes: 5, for: { agencyType: "damkar" } },
        { action: "notify_supervisor", afterMinutes: 10 },
      ],
      checklist: [{ key: "exact_location", text: "Di mana lokasi persisnya?" }],
      advice: [
        { key: "leave_building", text: "Keluar dari bangunan." },
        { key: "stay_low", text: "Merunduk di bawah asap." },
      ],
    },
  ),
]);

function planOf(rules: RulesetInput, now: Date = mondayMorning): DispatchPlan {
  const result = evaluate(rules, { type: "fire" }, { now });
  if (!result.ok) throw new Error(JSON.stringify(result.findings));
  return result.plan;
}

describe("diffPlans", () => {
  it("reports nothing for the same plan, whatever the moment or the rules' positions", () => {
    const before = planOf(published);
    expect(diffPlans(before, before)).toEqual({
      same: true,
      priority: null,
      agencies: [],
      escalation: [],
      checklist: [],
      advice: [],
    });
    // Absolute deadlines move with the moment and provenance with rule positions; neither is a change.
    const later = new Date(mondayMorning.getTime() + 3_600_000);
    const reordered = {
      ...published,
      rules: [rule("noop", { types: ["medical.*"] }, {}), ...published.rules],
    };
    expect(diffPlans(before, planOf(reordered, later)).same).toBe(true);
  });

  it("reports added, removed and changed agencies by key, with what each is asked", () => {
    const diff = diffPlans(planOf(published), planOf(draft));
    expect(diff.same).toBe(false);
    expect(diff.agencies).toEqual([
      { key: "type:bpbd", change: "added", after: { role: "support", ackWithinMinutes: 10 } },
      {
        key: "type:damkar",
        change: "changed",
        before: { role: "primary", ackWithinMinutes: 5 },
        after: { role: "primary", ackWithinMinutes: 3 },
      },
      { key: "type:pmi", change: "removed", before: { role: "support", ackWithinMinutes: 10 } },
      {
        key: "type:satpol_pp",
        change: "changed",
        before: { role: "support", ackWithinMinutes: 10 },
        after: { role: "primary", ackWithinMinutes: 10 },
      },
    ]);
  });

  it("reports a priority change", () => {
    expect(diffPlans(planOf(published), planOf(draft)).priority).toEqual({
      before: "P2",
      after: "P1",
    });
  });

  it("reports escalation steps added or removed, and checklist and advice by key", () => {
    const diff = diffPlans(planOf(published), planOf(draft));
    const supervisor = planOf(draft).escalation.find(
      (planned) => planned.step.action === "notify_supervisor",
    )?.key;
    expect(supervisor).toBeDefined();
    expect(diff.escalation).toEqual([{ key: supervisor, change: "added" }]);
    expect(diff.checklist).toEqual([
      { key: "exact_location", change: "changed" },
      { key: "trapped", change: "removed" },
    ]);
    expect(diff.advice).toEqual([{ key: "stay_low", change: "added" }]);
    expect(diffPlans(planOf(draft), planOf(published)).escalation).toEqual([
      { key: supervisor, change: "removed" },
    ]);
  });

  it("treats a missing plan as empty, without a priority", () => {
    const plan = planOf(published);
    const firstPublication = diffPlans(null, plan);
    expect(firstPublication.priority).toEqual({ before: null, after: "P2" });
    expect(firstPublication.agencies.map((agency) => [agency.key, agency.change])).toEqual([
      ["type:damkar", "added"],
      ["type:pmi", "added"],
      ["type:satpol_pp", "added"],
    ]);
    expect(firstPublication.checklist.every((item) => item.change === "added")).toBe(true);
    const failedDraft = diffPlans(plan, null);
    expect(failedDraft.priority).toEqual({ before: "P2", after: null });
    expect(failedDraft.agencies.every((agency) => agency.change === "removed")).toBe(true);
    expect(failedDraft.escalation).toEqual([{ key: plan.escalation[0]?.key, change: "removed" }]);
    expect(diffPlans(null, null).same).toBe(true);
  });

  it("does not depend on the plans' own order", () => {
    const before = planOf(published);
    const after = planOf(draft);
    const shuffled: DispatchPlan = {
      ...after,
      agencies: [...after.agencies].reverse(),
      escalation: [...after.escalation].reverse(),
      advice: [...after.advice].reverse(),
    };
    expect(diffPlans(before, shuffled)).toEqual(diffPlans(before, after));
  });
});
