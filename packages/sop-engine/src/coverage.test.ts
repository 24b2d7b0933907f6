import { describe, expect, it } from "vitest";
import { incidentTypes } from "./catalogue/incident-types.ts";
import { coverageMatrix, type CoverageMatrix } from "./coverage.ts";
import type { Finding } from "./findings.ts";
import type { ValidationContext } from "./schema/context.ts";
import type { RulesetInput } from "./schema/ruleset.ts";
import { nationalTemplate } from "./template/national.ts";
import { rule, ruleset } from "./testing.ts";
import { validateRuleset } from "./validate/index.ts";

type RuleInput = RulesetInput["rules"][number];

const region = ["35.15.01", "35.15.02", "35.15.03"];
const polres = { id: "polres-sda", type: "polres", name: "Polresta Sidoarjo" };
const damkarKota = {
  id: "damkar-kota",
  type: "damkar",
  name: "Damkar Pos Kota",
  kecamatan: ["35.15.01"],
};

const fire = rule(
  "fire.base",
  { types: ["fire.*"] },
  { agencies: [{ agencyType: "damkar", role: "primary" }] },
);
const fireWithCasualties = rule(
  "fire.casualties",
  { types: ["fire.*"], casualties: { atLeast: 1 } },
  {
    agencies: [
      { agencyType: "damkar", role: "primary" },
      { agencyType: "psc119", role: "support" },
    ],
  },
);
const crime = rule(
  "crime.base",
  { types: ["crime.*"] },
  { agencies: [{ agencyType: "polres", role: "primary" }] },
);
const ring113 = { name: "Pemadam kebakaran (113)", phone: "113" };

function matrixOf(rules: RuleInput[], context: ValidationContext): CoverageMatrix {
  const result = coverageMatrix(ruleset(rules), context);
  if (!result.ok) throw new Error(JSON.stringify(result.findings));
  return result.matrix;
}

function cell(matrix: CoverageMatrix, type: string, key: string) {
  const found = matrix.rows
    .find((row) => row.type === type)
    ?.agencies.find((entry) => entry.key === key);
  if (found === undefined) throw new Error(`no ${key} for ${type}`);
  return found;
}

const coverageCodes = new Set([
  "uncovered_agency",
  "agency_type_not_available",
  "kecamatan_not_covered",
  "unknown_agency_type",
  "unknown_agency",
]);

/** The findings about agencies and their coverage: the rest (types without rules…) is other checks'. */
function coverageFindings(rules: RuleInput[], context: unknown): Finding[] {
  return validateRuleset(ruleset(rules), context).findings.filter((finding) =>
    coverageCodes.has(finding.code),
  );
}
const summary = (findings: readonly Finding[]) => findings.map((f) => [f.level, f.code, f.path]);

describe("coverageMatrix", () => {
  it("has a row for every P1 and P2 type of the taxonomy, in catalogue order, with its names", () => {
    const matrix = matrixOf([fire], { agencies: [] });
    expect(matrix.rows.map((row) => row.type)).toEqual(
      incidentTypes
        .filter((type) => type.nationalPriority === "P1" || type.nationalPriority === "P2")
        .map((type) => type.code),
    );
    expect(matrix.rows[0]).toMatchObject({
      type: "fire",
      name: "Kebakaran",
      nameEn: "Fire",
      priority: "P1",
    });
    expect(matrix.rows.find((row) => row.type === "public_order")).toBeUndefined();
  });

  it("lists what the enabled rules send, primary first, and whether always or only in some cases", () => {
    const disabled = rule(
      "fire.off",
      { types: ["fire.*"] },
      { agencies: [{ agencyType: "kodim", role: "primary" }] },
      { enabled: false },
    );
    const row = matrixOf([fire, fireWithCasualties, disabled], { agencies: [] }).rows[0];
    expect(row?.agencies.map((entry) => [entry.key, entry.role, entry.dispatch])).toEqual([
      ["type:damkar", "primary", "always"],
      ["type:psc119", "support", "conditional"],
    ]);
    expect(
      row?.agencies[0]?.from.map((source) => [source.ruleId, source.agencyIndex, source.always]),
    ).toEqual([
      ["fire.base", 0, true],
      ["fire.casualties", 0, false],
    ]);
  });

  it("names the region's active agencies and the kecamatan none of them covers", () => {
    const inactive = { id: "damkar-lama", type: "damkar", active: false };
    const matrix = matrixOf([fire], { agencies: [damkarKota, inactive], kecamatanCodes: region });
    expect(cell(matrix, "fire", "type:damkar")).toMatchObject({
      state: "partial",
      agencies: [{ id: "damkar-kota", name: "Damkar Pos Kota", kecamatan: ["35.15.01"] }],
      uncoveredKecamatan: ["35.15.02", "35.15.03"],
    });
    const wholeRegion = matrixOf([fire], {
      agencies: [damkarKota, { id: "damkar-kab", type: "damkar" }],
      kecamatanCodes: region,
    });
    expect(cell(wholeRegion, "fire", "type:damkar")).toMatchObject({
      state: "covered",
      uncoveredKecamatan: [],
    });
    const withoutKecamatan = matrixOf([fire], { agencies: [damkarKota] });
    expect(cell(withoutKecamatan, "fire", "type:damkar")).toMatchObject({
      state: "covered",
      uncoveredKecamatan: null,
    });
  });

  it("counts a type with no active agency as uncovered unless every rule sending it names a fallback", () => {
    const uncovered = matrixOf([fire, fireWithCasualties], { agencies: [polres] });
    expect(cell(uncovered, "fire", "type:damkar")).toMatchObject({
      state: "uncovered",
      agencies: [],
      fallbacks: [],
      withoutFallback: ["fire.base", "fire.casualties"],
    });
    expect(uncovered.rows[0]?.state).toBe("uncovered");
    expect(uncovered.uncoveredP1).toEqual(["fire"]);

    const withFallback = (source: RuleInput): RuleInput => ({
      ...source,
      then: {
        agencies: source.then.agencies?.map((action) =>
          "agencyType" in action && action.agencyType === "damkar"
            ? { ...action, fallback: ring113 }
            : action,
        ),
      },
    });
    const half = matrixOf([withFallback(fire), fireWithCasualties], { agencies: [polres] });
    expect(cell(half, "fire", "type:damkar")).toMatchObject({
      state: "uncovered",
      fallbacks: [ring113],
      withoutFallback: ["fire.casualties"],
    });
    const both = matrixOf([withFallback(fire), withFallback(fireWithCasualties)], {
      agencies: [polres],
    });
    expect(cell(both, "fire", "type:damkar")).toMatchObject({
      state: "fallback",
      fallbacks: [ring113],
      withoutFallback: [],
    });
    expect(both.uncoveredP1).toEqual([]);
  });

  it("accepts a fallback agency only when it is one of the region's active agencies", () => {
    const toProvince = (agencyId: string) =>
      rule(
        "fire.base",
        { types: ["fire.*"] },
        {
          agencies: [
            {
              agencyType: "damkar",
              role: "primary",
              fallback: { name: "Damkar Provinsi", agencyId },
            },
          ],
        },
      );
    const province = { id: "damkar-prov", type: "pupr" };
    expect(
      cell(matrixOf([toProvince("damkar-prov")], { agencies: [province] }), "fire", "type:damkar")
        .state,
    ).toBe("fallback");
    expect(
      cell(
        matrixOf([toProvince("damkar-prov")], { agencies: [{ ...province, active: false }] }),
        "fire",
        "type:damkar",
      ).state,
    ).toBe("uncovered");
  });

  it("resolves an agency named by id to its type, and counts it uncovered when inactive", () => {
    const named = rule(
      "fire.pos",
      { types: ["fire.*"] },
      { agencies: [{ agencyId: "damkar-kota", role: "primary" }] },
    );
    expect(
      cell(matrixOf([named], { agencies: [damkarKota] }), "fire", "agency:damkar-kota"),
    ).toMatchObject({ agencyType: "damkar", state: "covered" });
    const closed = matrixOf([named], { agencies: [{ ...damkarKota, active: false }] });
    expect(cell(closed, "fire", "agency:damkar-kota")).toMatchObject({
      agencyType: "damkar",
      state: "uncovered",
    });
    expect(
      cell(matrixOf([named], { agencies: [] }), "fire", "agency:damkar-kota").agencyType,
    ).toBeNull();
  });

  it("says how many agencies the region has, for the empty state", () => {
    expect(matrixOf([fire], { agencies: [] }).activeAgencies).toBe(0);
    expect(
      matrixOf([fire], { agencies: [polres, { ...damkarKota, active: false }] }).activeAgencies,
    ).toBe(1);
  });

  it("returns findings instead of throwing for an invalid ruleset or context", () => {
    const invalid = coverageMatrix({ ...ruleset([fire]), format: "nope" }, {});
    expect(invalid).toMatchObject({
      ok: false,
      findings: [expect.objectContaining({ document: "ruleset", path: "$.format" })],
    });
    expect(coverageMatrix(ruleset([fire]), { agencies: "all" })).toMatchObject({
      ok: false,
      findings: [expect.objectContaining({ document: "context", path: "$.agencies" })],
    });
  });
});

describe("coverage in validation", () => {
  it("reports an uncovered P1 type once per agency, not per rule, as an error that blocks publishing", () => {
    const findings = coverageFindings([fire, fireWithCasualties, crime], { agencies: [polres] });
    expect(summary(findings)).toEqual([
      ["error", "uncovered_agency", "$.rules[0].then.agencies[0]"],
      ["warning", "agency_type_not_available", "$.rules[1].then.agencies[1]"],
    ]);
    expect(findings[0]?.message).toBe(
      'Kebakaran (fire, P1) sends agency type "damkar" as primary, but the region has no active agency of that type and rules "fire.base", "fire.casualties" name no fallback: register an active agency or name a fallback (e.g. a national emergency number).',
    );
    expect(findings[0]?.params).toEqual({
      agency: "type:damkar",
      type: "fire",
      priority: "P1",
      absence: "no_active_agency_of_type",
      rules: ["fire.base", "fire.casualties"],
    });
    expect(validateRuleset(ruleset([fire, crime]), { agencies: [polres] }).ok).toBe(false);
  });

  it("lets a fallback or an active agency cover it", () => {
    const fallback = rule(
      "fire.base",
      { types: ["fire.*"] },
      { agencies: [{ agencyType: "damkar", role: "primary", fallback: ring113 }] },
    );
    expect(coverageFindings([fallback], { agencies: [polres] })).toEqual([]);
    expect(coverageFindings([fire], { agencies: [polres, damkarKota] })).toEqual([]);
    expect(
      summary(coverageFindings([fire], { agencies: [{ ...damkarKota, active: false }] })),
    ).toEqual([["error", "uncovered_agency", "$.rules[0].then.agencies[0]"]]);
  });

  it("warns for a P2 type's primary agency, and once per agency for supporting ones and escalation backups", () => {
    const fallenTree = rule(
      "fallen-tree.base",
      { types: ["fallen_tree.*"] },
      { agencies: [{ agencyType: "dlh", role: "primary" }] },
    );
    const everywhere = rule(
      "any.crowd",
      { flags: { any: ["large_crowd"] } },
      { agencies: [{ agencyType: "kodim", role: "support" }] },
    );
    const backup = rule(
      "crime.escalate",
      { types: ["crime.*"] },
      {
        escalation: [
          {
            action: "notify_backup_agency",
            afterMinutes: 10,
            for: { agencyType: "polres" },
            backup: { agencyType: "kodim" },
          },
        ],
      },
    );
    const findings = coverageFindings([fallenTree, everywhere, backup], { agencies: [polres] });
    expect(summary(findings)).toEqual([
      ["warning", "uncovered_agency", "$.rules[0].then.agencies[0]"],
      ["warning", "agency_type_not_available", "$.rules[1].then.agencies[0]"],
    ]);
    expect(findings[1]?.message).toBe(
      'agency type "kodim" reaches nobody: the region has no active agency of that type; rule "any.crowd" names it without a fallback; rule "crime.escalate" names it as an escalation backup.',
    );
    expect(findings[1]?.params).toEqual({
      agency: "type:kodim",
      absence: "no_active_agency_of_type",
      senders: ["any.crowd"],
      backups: ["crime.escalate"],
    });
  });

  it("warns once per agency about kecamatan no agency covers, unless the rules name a fallback", () => {
    const hazard = rule(
      "hazmat.base",
      { types: ["hazardous_material.*"] },
      { agencies: [{ agencyType: "damkar", role: "primary" }] },
    );
    const findings = coverageFindings([fire, hazard], {
      agencies: [damkarKota],
      kecamatanCodes: region,
    });
    expect(summary(findings)).toEqual([
      ["warning", "kecamatan_not_covered", "$.rules[0].then.agencies[0]"],
    ]);
    expect(findings[0]?.message).toBe(
      'No active agency for agency type "damkar" covers kecamatan 35.15.02, 35.15.03: fire, hazardous_material incidents there reach none. Extend an agency\'s coverage or name a fallback.',
    );
    expect(findings[0]?.params).toEqual({
      agency: "type:damkar",
      kecamatan: ["35.15.02", "35.15.03"],
      types: ["fire", "hazardous_material"],
    });
    const withFallback = rule(
      "fire.base",
      { types: ["fire.*"] },
      { agencies: [{ agencyType: "damkar", role: "primary", fallback: ring113 }] },
    );
    expect(
      coverageFindings([withFallback], { agencies: [damkarKota], kecamatanCodes: region }),
    ).toEqual([]);
  });

  it("is skipped without the region's agencies, as the other checks that need them", () => {
    expect(coverageFindings([fire], { kecamatanCodes: region })).toEqual([]);
  });

  it("reports unknown agency types in the context with the type they most likely meant", () => {
    const findings = coverageFindings([fire], {
      agencies: [{ id: "damkar-1", type: "damkr" }, polres, { id: "x", type: "ghostbusters" }],
    });
    expect(findings.filter((finding) => finding.document === "context")).toEqual([
      {
        level: "error",
        code: "unknown_agency_type",
        document: "context",
        path: "$.agencies[0].type",
        message:
          '"damkr" is not a national agency type; did you mean "damkar"? Agency "damkar-1" is never sent by type.',
        params: {
          reason: "of_region_agency",
          agencyType: "damkr",
          suggestion: "damkar",
          agencyId: "damkar-1",
        },
      },
      {
        level: "error",
        code: "unknown_agency_type",
        document: "context",
        path: "$.agencies[2].type",
        message: '"ghostbusters" is not a national agency type. Agency "x" is never sent by type.',
        params: { reason: "of_region_agency", agencyType: "ghostbusters", agencyId: "x" },
      },
    ]);
    // The typo is why Damkar looks missing: the fire is uncovered too.
    expect(findings.map((finding) => finding.code)).toContain("uncovered_agency");
  });

  it("suggests the meant type for a typo in the ruleset, and checks fallback agencies exist", () => {
    const typo = rule(
      "fire.base",
      { types: ["fire.*"] },
      {
        agencies: [
          { agencyType: "damkr", role: "primary" },
          {
            agencyType: "polres",
            role: "support",
            fallback: { name: "Polda", agencyId: "polda-jatim" },
          },
        ],
      },
    );
    const findings = coverageFindings([typo], { agencies: [polres] });
    expect(summary(findings)).toEqual([
      ["error", "unknown_agency_type", "$.rules[0].then.agencies[0].agencyType"],
      ["error", "unknown_agency", "$.rules[0].then.agencies[1].fallback.agencyId"],
    ]);
    expect(findings[0]?.message).toBe(
      '"damkr" is not a national agency type; did you mean "damkar"?',
    );
    expect(findings[0]?.params).toEqual({
      reason: "in_rule",
      agencyType: "damkr",
      suggestion: "damkar",
    });
  });
});

describe("the national template's coverage", () => {
  // Regions start publishing before they register agencies (the demo regions have none, or only a
  // Damkar): the agencies that lead a P1 response fall back to the national numbers meanwhile.
  it("publishes in a region without agencies, and in one with only a Damkar covering part of it", () => {
    for (const agencies of [[], [damkarKota]]) {
      const result = validateRuleset(nationalTemplate, {
        agencies,
        kecamatanCodes: region,
        timeZone: "Asia/Jakarta",
      });
      expect(result.findings.filter((finding) => finding.level === "error")).toEqual([]);
      const matrix = coverageMatrix(nationalTemplate, { agencies, kecamatanCodes: region });
      expect(matrix.ok && matrix.matrix.uncoveredP1).toEqual([]);
    }
  });

  it("names a national emergency number for the agencies that lead P1 responses", () => {
    const result = coverageMatrix(nationalTemplate, { agencies: [] });
    if (!result.ok) throw new Error("the template does not compile");
    const leads = new Map<string, string[]>();
    for (const row of result.matrix.rows.filter((entry) => entry.priority === "P1")) {
      for (const entry of row.agencies.filter((candidate) => candidate.role === "primary")) {
        leads.set(
          entry.key,
          entry.fallbacks.map((fallback) => fallback.phone ?? ""),
        );
      }
    }
    expect(Object.fromEntries(leads)).toEqual({
      "type:basarnas": ["115"],
      "type:bpbd": ["117"],
      "type:damkar": ["113"],
      "type:pln": ["123"],
      "type:polres": ["110"],
      "type:psc119": ["119"],
    });
  });
});
