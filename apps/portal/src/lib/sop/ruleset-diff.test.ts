import { rulesetSchema, type RulesetInput } from "@sigap/sop-engine";
import { describe, expect, it } from "vitest";
import { translator } from "#lib/i18n/index.ts";
import { diffRulesets, isEmptyDiff, readRuleset, settingWords } from "./ruleset-diff.ts";

const id = translator("id");

const version1: RulesetInput = {
  format: "sigap.sop/1",
  name: "SOP Sleman",
  timeZone: "Asia/Jakarta",
  defaults: { priority: "P3", ackWithinMinutes: 10 },
  rules: [
    {
      id: "fire.base",
      name: "Kebakaran",
      when: { types: ["fire.*"] },
      then: { priority: "P1", agencies: [{ agencyType: "damkar", role: "primary" }] },
    },
    {
      id: "disaster.base",
      name: "Bencana alam",
      when: { types: ["disaster.*"] },
      then: { agencies: [{ agencyType: "bpbd", role: "primary" }] },
    },
  ],
};

const parse = (input: RulesetInput) => rulesetSchema.parse(input);

describe("the difference between two SOP versions", () => {
  it("finds nothing between a version and itself, nor where only defaults were spelled out or keys reordered", () => {
    const spelled: RulesetInput = {
      ...version1,
      rules: version1.rules.map((rule) => ({
        enabled: true,
        then: rule.then,
        when: rule.when,
        name: rule.name,
        id: rule.id,
      })),
    };
    expect(isEmptyDiff(diffRulesets(parse(version1), parse(spelled)))).toBe(true);
  });

  it("matches rules by id: added, removed and changed, each change by field", () => {
    const version2: RulesetInput = {
      ...version1,
      defaults: { priority: "P2", ackWithinMinutes: 10 },
      rules: [
        {
          id: "fire.base",
          name: "Kebakaran",
          when: { types: ["fire.*"] },
          then: {
            priority: "P1",
            agencies: [
              { agencyType: "damkar", role: "primary" },
              { agencyType: "pmi", role: "support" },
            ],
          },
        },
        {
          id: "local.tree",
          name: "Pohon tumbang",
          when: { types: ["fallen_tree.*"] },
          then: { agencies: [{ agencyType: "dlh", role: "primary" }] },
        },
      ],
    };
    const diff = diffRulesets(parse(version1), parse(version2));
    expect(diff.settings).toEqual(["defaultPriority"]);
    expect(diff.added.map((rule) => rule.id)).toEqual(["local.tree"]);
    expect(diff.removed.map((rule) => rule.id)).toEqual(["disaster.base"]);
    expect(diff.changed.map((change) => [change.after.id, change.fields])).toEqual([
      ["fire.base", ["agencies"]],
    ]);
  });

  it("tells apart a renamed, disabled or re-typed rule field by field, in the editor's order", () => {
    const [fire] = version1.rules;
    if (!fire) throw new Error("the fixture has a fire rule");
    const version2: RulesetInput = {
      ...version1,
      rules: [
        {
          ...fire,
          name: "Kebakaran (semua)",
          enabled: false,
          when: { types: ["fire.building"], severity: { atLeast: "high" } },
        },
      ],
    };
    const [change] = diffRulesets(parse(version1), parse(version2)).changed;
    expect(change?.fields).toEqual(["name", "enabled", "types", "severity"]);
  });

  it("says settings in words", () => {
    const before = parse(version1);
    const after = parse({
      ...version1,
      defaults: { priority: "P1", ackWithinMinutes: 5 },
      localSubtypes: [{ code: "fire.market", name: "Kebakaran pasar" }],
    });
    expect(diffRulesets(before, after).settings).toEqual([
      "defaultPriority",
      "defaultAck",
      "localSubtypes",
    ]);
    expect(settingWords(id, after, "defaultPriority")).toEqual(["Prioritas 1"]);
    expect(settingWords(id, after, "defaultAck")).toEqual(["5 menit"]);
    expect(settingWords(id, after, "localSubtypes")).toEqual(["Kebakaran pasar"]);
  });

  it("reads only documents that are rulesets", () => {
    expect(readRuleset(version1)?.rules[0]?.enabled).toBe(true);
    expect(readRuleset({ rules: "not a ruleset" })).toBeUndefined();
  });
});
