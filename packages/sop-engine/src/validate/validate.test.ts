import { describe, expect, it } from "vitest";
import type { NeverMatchesParams } from "../finding-params.ts";
import type { Finding } from "../findings.ts";
import type { RulesetInput } from "../schema/ruleset.ts";
import { rule, ruleset } from "../testing.ts";
import { validateRuleset } from "./index.ts";

type RuleInput = RulesetInput["rules"][number];

const damkar = { agencyType: "damkar", role: "primary", ackWithinMinutes: 3 } as const;

/** Base rules covering every P1 type. */
const typeCoverage: RuleInput[] = [
  "fire",
  "traffic_accident",
  "crime",
  "brawl",
  "missing_person",
  "disaster",
  "medical",
  "hazardous_material",
  "electrical_hazard",
  "domestic_violence",
].map((type) =>
  rule(
    `${type}.base`,
    { types: [`${type}.*`] },
    { agencies: [{ agencyType: "polres", role: "primary" }] },
  ),
);

/**
 * With a rule that waits on every agency of every incident, so that tests see only the findings
 * they provoke.
 */
const coverage: RuleInput[] = [
  ...typeCoverage,
  rule("watch", {}, { escalation: [{ action: "notify_supervisor", afterMinutes: 60 }] }),
];

function findingsFor(
  rules: RuleInput[],
  context?: unknown,
  overrides: Partial<RulesetInput> = {},
): Finding[] {
  return [...validateRuleset(ruleset([...coverage, ...rules], overrides), context).findings];
}

const summary = (findings: readonly Finding[]) => findings.map((f) => [f.level, f.code, f.path]);
const at = (index: number, rest = "") => `$.rules[${coverage.length + index}]${rest}`;

describe("validateRuleset", () => {
  it("accepts a complete ruleset without findings", () => {
    const result = validateRuleset(ruleset(coverage));
    expect(result).toEqual({ ok: true, findings: [] });
  });

  it("reports schema errors with JSON paths and stops there", () => {
    const result = validateRuleset({
      ...ruleset([]),
      timeZone: "Europe/Paris",
      rules: [{ id: "X" }],
    });
    expect(result.ok).toBe(false);
    expect(result.findings.every((f) => f.code === "schema" && f.level === "error")).toBe(true);
    expect(result.findings.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        "$.timeZone",
        "$.rules[0].id",
        "$.rules[0].name",
        "$.rules[0].when",
        "$.rules[0].then",
      ]),
    );
    const params = (path: string) => result.findings.find((f) => f.path === path)?.params;
    expect(params("$.timeZone")).toEqual({
      issue: "invalid_value",
      values: ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"],
    });
    expect(params("$.rules[0].id")).toEqual({ issue: "invalid_format", format: "regex" });
    expect(params("$.rules[0].name")).toEqual({ issue: "invalid_type", expected: "string" });
  });

  it("gives schema findings zod's bounds and unknown keys, and the engine's own checks by name", () => {
    const result = validateRuleset(
      ruleset([
        rule("a", { types: [] }, {}, { name: "", extra: true } as Partial<RuleInput>),
        rule("b", {}, { agencies: [{ agencyType: "damkar", role: "support", lead: true }] }),
      ]),
    );
    expect(result.findings.map((f) => [f.path, f.params])).toEqual([
      ["$.rules[0].name", { issue: "too_small", origin: "string", minimum: 1, inclusive: true }],
      [
        "$.rules[0].when.types",
        { issue: "too_small", origin: "array", minimum: 1, inclusive: true },
      ],
      ["$.rules[0].extra", { issue: "unrecognized_keys", key: "extra" }],
      ["$.rules[1].then.agencies[0].lead", { issue: "custom", check: "lead_not_primary" }],
    ]);
  });

  it("reports an invalid context and still validates the ruleset", () => {
    const result = validateRuleset(ruleset(coverage), { agencies: "all of them" });
    expect(summary(result.findings)).toEqual([["error", "schema", "$.agencies"]]);
    expect(result.findings[0]?.document).toBe("context");
  });

  it("reports duplicate rule ids", () => {
    expect(
      summary(
        findingsFor([rule("dup", {}, {}), rule("dup", {}, {})]).filter(
          (f) => f.code === "duplicate_rule_id",
        ),
      ),
    ).toEqual([["error", "duplicate_rule_id", at(1, ".id")]]);
    expect(
      findingsFor([rule("dup", {}, {}), rule("dup", {}, {})]).find(
        (f) => f.code === "duplicate_rule_id",
      )?.params,
    ).toEqual({ ruleId: "dup", firstIndex: coverage.length });
  });

  it("reports unknown incident types and subtypes, and accepts local subtypes", () => {
    const findings = findingsFor(
      [rule("a", { types: ["meteor.*", "fire.ship", "fire.market"] }, { priority: "P2" })],
      undefined,
      { localSubtypes: [{ code: "fire.market", name: "Kebakaran pasar" }] },
    );
    expect(summary(findings)).toEqual([
      ["error", "unknown_incident_type", at(0, ".when.types[0]")],
      ["error", "unknown_incident_type", at(0, ".when.types[1]")],
    ]);
  });

  it("reports unknown types in advice `forTypes`", () => {
    const advice = [{ key: "leave", text: "Keluar.", forTypes: ["fire.building", "fire.ship"] }];
    expect(summary(findingsFor([rule("a", { types: ["fire.*"] }, { advice })]))).toEqual([
      ["error", "unknown_incident_type", at(0, ".then.advice[0].forTypes[1]")],
    ]);
  });

  it("reports local subtypes of unknown types or repeating a national code", () => {
    const findings = findingsFor([], undefined, {
      localSubtypes: [
        { code: "meteor.small", name: "x" },
        { code: "fire.building", name: "x" },
        { code: "fire.market", name: "x" },
        { code: "fire.market", name: "x" },
      ],
    });
    expect(summary(findings)).toEqual([
      ["error", "invalid_local_subtype", "$.localSubtypes[0].code"],
      ["error", "invalid_local_subtype", "$.localSubtypes[1].code"],
      ["error", "invalid_local_subtype", "$.localSubtypes[3].code"],
    ]);
  });

  it("reports unknown agency types, and with the tenant's agencies unknown agencies and missing types", () => {
    const rules = [
      rule(
        "a",
        {},
        {
          agencies: [
            { agencyType: "ghostbusters", role: "primary" },
            { agencyType: "basarnas", role: "support" },
            { agencyId: "damkar-pos-9", role: "support" },
            { agencyId: "damkar-pos-1", role: "primary" },
          ],
        },
      ),
    ];
    const context = {
      agencies: [
        { id: "damkar-pos-1", type: "damkar" },
        { id: "polres-1", type: "polres" },
      ],
    };
    expect(summary(findingsFor(rules, context))).toEqual([
      ["error", "unknown_agency_type", at(0, ".then.agencies[0].agencyType")],
      ["error", "unknown_agency", at(0, ".then.agencies[2].agencyId")],
      // Once for the agency, though the rule applies to every type: see coverage.test.ts.
      ["warning", "agency_type_not_available", at(0, ".then.agencies[1]")],
    ]);
    expect(summary(findingsFor(rules))).toEqual([
      ["error", "unknown_agency_type", at(0, ".then.agencies[0].agencyType")],
    ]);
  });

  it("reports unknown officials, and officials without a contact", () => {
    const rules = [
      rule(
        "a",
        {},
        {
          agencies: [damkar],
          escalation: [
            {
              action: "notify_officials",
              afterMinutes: 30,
              officials: ["presiden", "sekda", "dandim"],
            },
          ],
        },
      ),
    ];
    expect(summary(findingsFor(rules, { officials: ["sekda"] }))).toEqual([
      ["error", "unknown_official", at(0, ".then.escalation[0].officials[0]")],
      ["warning", "unknown_official", at(0, ".then.escalation[0].officials[2]")],
    ]);
  });

  it("reports kecamatan outside the region, and a rule that can only match outside it", () => {
    const rules = [
      rule("a", { kecamatan: { in: ["35.15.01", "35.16.01"] } }, { agencies: [damkar] }),
      rule("b", { kecamatan: { in: ["35.16.01"] } }, { agencies: [damkar] }),
    ];
    expect(summary(findingsFor(rules, { kecamatanCodes: ["35.15.01", "35.15.02"] }))).toEqual([
      ["warning", "unknown_kecamatan", at(0, ".when.kecamatan.in[1]")],
      ["warning", "unknown_kecamatan", at(1, ".when.kecamatan.in[0]")],
      ["warning", "never_matches", at(1, ".when.kecamatan.in")],
    ]);
  });

  it("reports a ruleset written for another time zone", () => {
    expect(summary(findingsFor([], { timeZone: "Asia/Makassar" }))).toEqual([
      ["error", "time_zone_mismatch", "$.timeZone"],
    ]);
  });

  it("reports suppression of itself, of unknown rules, and cycles", () => {
    const rules = [
      rule("a", { types: ["fire.*"] }, { agencies: [damkar] }, { suppresses: ["a", "nobody"] }),
      rule("b", { types: ["medical.*"] }, { agencies: [damkar] }, { suppresses: ["c"] }),
      rule(
        "c",
        { types: ["medical.*"], severity: { atLeast: "high" } },
        { priority: "P1" },
        { suppresses: ["b"] },
      ),
    ];
    const findings = findingsFor(rules).filter((f) => f.code.includes("suppression"));
    expect(summary(findings)).toEqual([
      ["error", "invalid_suppression", at(0, ".suppresses[0]")],
      ["error", "invalid_suppression", at(0, ".suppresses[1]")],
      ["error", "suppression_cycle", at(1, ".suppresses[0]")],
      ["error", "suppression_cycle", at(2, ".suppresses[0]")],
    ]);
  });

  it("reports deadlines out of range and slow P1 deadlines", () => {
    const rules = [
      rule(
        "a",
        {},
        {
          priority: "P1",
          agencies: [
            { agencyType: "damkar", role: "primary", ackWithinMinutes: 90 },
            { agencyType: "bpbd", role: "primary", ackWithinMinutes: 20 },
            { agencyType: "pmi", role: "support", ackWithinMinutes: 20 },
          ],
          escalation: [{ action: "notify_supervisor", afterMinutes: 600 }],
        },
      ),
    ];
    const findings = findingsFor(rules, undefined, {
      defaults: { priority: "P3", ackWithinMinutes: 120 },
    });
    expect(summary(findings.filter((f) => f.code.includes("deadline")))).toEqual([
      ["error", "deadline_out_of_range", "$.defaults.ackWithinMinutes"],
      ["error", "deadline_out_of_range", at(0, ".then.agencies[0].ackWithinMinutes")],
      ["warning", "slow_p1_deadline", at(0, ".then.agencies[1]")],
      ["error", "deadline_out_of_range", at(0, ".then.escalation[0].afterMinutes")],
    ]);
  });

  it("reports escalation loops through backup agencies, including an agency backing itself up", () => {
    const backup = (from: string, to: string, afterMinutes = 10) =>
      ({
        action: "notify_backup_agency",
        afterMinutes,
        for: { agencyType: from },
        backup: { agencyType: to },
      }) as const;
    const rules = [
      rule(
        "a",
        { types: ["fire.*"] },
        { agencies: [damkar], escalation: [backup("damkar", "bpbd")] },
      ),
      rule(
        "b",
        { types: ["disaster.*"] },
        {
          agencies: [
            { agencyType: "bpbd", role: "primary" },
            { agencyType: "basarnas", role: "support" },
          ],
          escalation: [backup("bpbd", "basarnas"), backup("basarnas", "damkar")],
        },
      ),
      rule(
        "c",
        { types: ["medical.*"] },
        {
          agencies: [{ agencyType: "psc119", role: "primary" }],
          escalation: [backup("psc119", "psc119"), backup("psc119", "pmi")],
        },
      ),
    ];
    expect(summary(findingsFor(rules).filter((f) => f.code === "escalation_loop"))).toEqual([
      ["error", "escalation_loop", at(0, ".then.escalation[0]")],
      ["error", "escalation_loop", at(1, ".then.escalation[0]")],
      ["error", "escalation_loop", at(1, ".then.escalation[1]")],
      ["error", "escalation_loop", at(2, ".then.escalation[0]")],
    ]);
  });

  it("reports escalation steps that run before the deadline or wait on an agency nobody dispatches", () => {
    const rules = [
      rule(
        "a",
        { types: ["fire.*"] },
        {
          agencies: [{ agencyType: "damkar", role: "primary", ackWithinMinutes: 5 }],
          escalation: [
            { action: "renotify", afterMinutes: 3, for: { agencyType: "damkar" } },
            { action: "notify_supervisor", afterMinutes: 2 },
            { action: "renotify", afterMinutes: 10, for: { agencyType: "kodim" } },
          ],
        },
      ),
    ];
    expect(summary(findingsFor(rules))).toEqual([
      ["warning", "escalation_before_deadline", at(0, ".then.escalation[0].afterMinutes")],
      ["warning", "escalation_before_deadline", at(0, ".then.escalation[1].afterMinutes")],
      ["warning", "escalation_target_never_dispatched", at(0, ".then.escalation[2].for")],
    ]);
  });

  describe("primary agencies without escalation", () => {
    const result = (rules: RuleInput[]) =>
      summary(
        validateRuleset(ruleset(rules)).findings.filter(
          (f) => f.code === "primary_without_escalation",
        ),
      );
    const primary = (agencyType: string) => ({ agencyType, role: "primary" }) as const;

    it("is an error for a nationally P1 type or a P1 rule, a warning otherwise", () => {
      expect(
        result([
          rule("brawl", { types: ["brawl.*"] }, { agencies: [primary("polres")] }),
          rule(
            "order",
            { types: ["public_order.*"] },
            { agencies: [primary("satpol_pp"), { agencyType: "polres", role: "support" }] },
          ),
          rule(
            "order-night",
            { types: ["public_order.*"], time: { hours: [{ from: "22:00", to: "05:00" }] } },
            { priority: "P1", agencies: [primary("satpol_pp")] },
          ),
        ]),
      ).toEqual([
        ["error", "primary_without_escalation", "$.rules[0].then.agencies[0]"],
        ["warning", "primary_without_escalation", "$.rules[1].then.agencies[0]"],
        ["error", "primary_without_escalation", "$.rules[2].then.agencies[0]"],
      ]);
    });

    it("is satisfied by a step for the agency or for any agency, in the rule or in one that matches whenever it does", () => {
      expect(
        result([
          rule(
            "fire",
            { types: ["fire.*"] },
            {
              agencies: [primary("damkar")],
              escalation: [{ action: "renotify", afterMinutes: 10, for: { agencyType: "damkar" } }],
            },
          ),
          rule(
            "medical",
            { types: ["medical.*"] },
            {
              agencies: [primary("psc119")],
              escalation: [{ action: "notify_supervisor", afterMinutes: 10 }],
            },
          ),
          rule("cardiac", { types: ["medical.cardiac"] }, { agencies: [primary("rsud")] }),
          rule(
            "fire-casualties",
            { types: ["fire.building"], casualties: { atLeast: 1 } },
            { agencies: [primary("psc119")] },
          ),
          // Waits on PSC 119 only when the fire spreads, so not whenever "fire-casualties" matches.
          rule(
            "fire-spreading",
            { types: ["fire.*"], flags: { any: ["spreading"] } },
            {
              escalation: [
                { action: "notify_supervisor", afterMinutes: 10, for: { agencyType: "psc119" } },
              ],
            },
          ),
        ]),
      ).toEqual([["error", "primary_without_escalation", "$.rules[3].then.agencies[0]"]]);
    });
  });

  describe("rules that can never match", () => {
    const cases: [string, RuleInput["when"], string, NeverMatchesParams["reason"]][] = [
      [
        "severity bounds cross",
        { severity: { atLeast: "high", atMost: "low" } },
        ".when.severity",
        "severity_range",
      ],
      [
        "casualty bounds cross",
        { casualties: { atLeast: 5, atMost: 1 } },
        ".when.casualties",
        "casualties_range",
      ],
      [
        "a flag is required and excluded",
        { flags: { all: ["spreading"], none: ["spreading"] } },
        ".when.flags",
        "flags_required_and_excluded",
      ],
      [
        "every `any` flag is excluded",
        { flags: { any: ["spreading"], none: ["spreading", "ongoing"] } },
        ".when.flags.any",
        "flags_any_excluded",
      ],
      [
        "every kecamatan is excluded",
        { kecamatan: { in: ["35.15.01"], notIn: ["35.15.01"] } },
        ".when.kecamatan",
        "kecamatan_all_excluded",
      ],
      [
        "the hour window is empty",
        { time: { hours: [{ from: "10:00", to: "10:00" }] } },
        ".when.time.hours",
        "hours_empty",
      ],
      [
        "the date range is reversed",
        { time: { dates: [{ from: "2025-05-01", to: "2025-04-01" }] } },
        ".when.time.dates",
        "dates_reversed",
      ],
      [
        "a keyword has no letters",
        { keywords: { any: ["!!!"] } },
        ".when.keywords.any",
        "keywords_without_letters",
      ],
      [
        "every keyword is excluded",
        { keywords: { any: ["rumah terbakar"], none: ["terbakar"] } },
        ".when.keywords",
        "keywords_all_excluded",
      ],
    ];
    it.each(cases)("when %s", (_name, when, path, reason) => {
      const findings = findingsFor([rule("a", when, { agencies: [damkar] })]);
      expect(summary(findings)).toEqual([["warning", "never_matches", at(0, path)]]);
      expect(findings[0]?.params).toMatchObject({ reason });
    });

    it("does not report a prefix keyword whose longer words escape the exclusion", () => {
      expect(
        findingsFor([
          rule(
            "a",
            { keywords: { any: ["terbakar*"], none: ["terbakar"] } },
            { agencies: [damkar] },
          ),
        ]),
      ).toEqual([]);
    });
  });

  describe("shadowed rules", () => {
    const general = rule(
      "general",
      { types: ["fire.*"] },
      {
        priority: "P1",
        agencies: [damkar, { agencyType: "bpbd", role: "support", ackWithinMinutes: 10 }],
        checklist: [{ key: "where", text: "Di mana?" }],
      },
    );

    it("reports a narrower rule whose actions the general rule already plans", () => {
      const narrow = rule(
        "narrow",
        { types: ["fire.building"], casualties: { atLeast: 1 } },
        {
          priority: "P2",
          agencies: [{ agencyType: "bpbd", role: "support", ackWithinMinutes: 15 }],
          checklist: [{ key: "where", text: "Di mana?" }],
        },
      );
      expect(summary(findingsFor([general, narrow]))).toEqual([
        ["warning", "shadowed_rule", at(1)],
      ]);
    });

    it("reports a rule covered only by several rules together", () => {
      const a = rule("a", { types: ["fire.*"] }, { agencies: [damkar] });
      const b = rule(
        "b",
        { flags: { any: ["spreading"] } },
        { agencies: [{ agencyType: "bpbd", role: "support" }] },
      );
      const c = rule(
        "c",
        { types: ["fire.building"], flags: { all: ["spreading", "ongoing"] } },
        { agencies: [damkar, { agencyType: "bpbd", role: "support" }] },
      );
      const findings = findingsFor([a, b, c]);
      expect(summary(findings)).toEqual([["warning", "shadowed_rule", at(2)]]);
      expect(findings[0]?.message).toContain('"a", "b"');
      expect(findings[0]?.params).toEqual({
        reason: "subsumed",
        rules: ["fire.base", "watch", "a", "b"],
      });
    });

    it("does not report a narrower rule that adds something", () => {
      const cases: RuleInput["then"][] = [
        { priority: "P1", agencies: [{ agencyType: "psc119", role: "primary" }] },
        { agencies: [{ agencyType: "bpbd", role: "primary" }] },
        { agencies: [{ agencyType: "damkar", role: "primary", ackWithinMinutes: 2 }] },
        { checklist: [{ key: "trapped", text: "Ada yang terjebak?" }] },
        { escalation: [{ action: "notify_supervisor", afterMinutes: 10 }] },
      ];
      for (const then of cases) {
        const narrow = rule("narrow", { types: ["fire.building"] }, then);
        expect(findingsFor([general, narrow]).filter((f) => f.code === "shadowed_rule")).toEqual(
          [],
        );
      }
    });

    it("does not report a rule that the other matches only sometimes", () => {
      const conditional = rule(
        "conditional",
        { types: ["fire.*"], time: { weekdays: ["sat", "sun"] } },
        { agencies: [damkar] },
      );
      const always = rule("always", { types: ["fire.vehicle"] }, { agencies: [damkar] });
      expect(findingsFor([conditional, always])).toEqual([]);
    });

    it("reports only the later of two identical rules", () => {
      const twin = (id: string) =>
        rule(id, { types: ["fire.*"], flags: { any: ["spreading"] } }, { agencies: [damkar] });
      expect(summary(findingsFor([twin("first"), twin("second")]))).toEqual([
        ["warning", "shadowed_rule", at(1)],
      ]);
    });

    it("reports a rule that is always suppressed", () => {
      const suppressor = rule(
        "suppressor",
        { types: ["fire.*"] },
        { agencies: [damkar] },
        { suppresses: ["victim"] },
      );
      const victim = rule(
        "victim",
        { types: ["fire.vehicle"] },
        { agencies: [{ agencyType: "polres", role: "support" }] },
      );
      const findings = findingsFor([suppressor, victim]);
      expect(summary(findings)).toEqual([["warning", "shadowed_rule", at(1)]]);
      expect(findings[0]?.message).toContain("suppress");
      expect(findings[0]?.params).toEqual({ reason: "suppressed", rules: ["suppressor"] });
    });

    it("does not count on a rule that may itself be suppressed", () => {
      const a = rule("a", { types: ["fire.*"] }, { agencies: [damkar] });
      const b = rule("b", { types: ["fire.building"] }, { agencies: [damkar] });
      const c = rule(
        "c",
        { types: ["fire.*"], flags: { any: ["ongoing"] } },
        { priority: "P1" },
        { suppresses: ["a"] },
      );
      expect(findingsFor([a, b, c])).toEqual([]);
    });
  });

  describe("P1 coverage", () => {
    const withoutFire = coverage.filter((r) => r.id !== "fire.base");
    const result = (rules: RuleInput[]) =>
      summary(validateRuleset(ruleset([...withoutFire, ...rules])).findings);

    it("is an error when no rule dispatches anyone for a P1 type", () => {
      expect(result([])).toEqual([["error", "uncovered_p1_type", "$.rules"]]);
      expect(result([rule("checklist-only", { types: ["fire.*"] }, { priority: "P1" })])).toEqual([
        ["error", "uncovered_p1_type", "$.rules"],
      ]);
    });

    it("is a warning when only some incidents of the type get agencies", () => {
      expect(
        result([
          rule(
            "night",
            { types: ["fire.*"], time: { hours: [{ from: "18:00", to: "06:00" }] } },
            { agencies: [damkar] },
          ),
        ]),
      ).toEqual([["warning", "conditionally_covered_p1_type", "$.rules"]]);
      expect(
        result([rule("building", { types: ["fire.building"] }, { agencies: [damkar] })]),
      ).toEqual([["warning", "conditionally_covered_p1_type", "$.rules"]]);
    });

    it("is satisfied by a rule without conditions", () => {
      expect(result([rule("everything", {}, { agencies: [damkar] })])).toEqual([]);
    });
  });

  it("reports checklist keys worded differently across rules", () => {
    const rules = [
      rule(
        "a",
        { types: ["fire.*"] },
        { agencies: [damkar], checklist: [{ key: "where", text: "Di mana?" }] },
      ),
      rule(
        "b",
        { types: ["medical.*"] },
        {
          agencies: [damkar],
          checklist: [{ key: "where", text: "Lokasi?" }],
          advice: [{ key: "where", text: "x" }],
        },
      ),
    ];
    expect(summary(findingsFor(rules))).toEqual([
      ["warning", "conflicting_text", at(1, ".then.checklist[0].text")],
    ]);
  });

  it("never throws on hostile JSON", () => {
    const hostile: unknown[] = [
      null,
      undefined,
      42,
      "rules",
      [],
      { rules: null },
      { __proto__: { rules: [] } },
      JSON.parse('{"__proto__": {"x": 1}}'),
    ];
    for (const value of hostile) {
      expect(() => validateRuleset(value, value)).not.toThrow();
      expect(validateRuleset(value).ok).toBe(false);
    }
  });
});
