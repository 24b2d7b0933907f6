import {
  findingCodes,
  nationalTemplate,
  rulesetFormat,
  runTestCase,
  testFailureCodes,
  validateRuleset,
  type Finding,
  type FindingCode,
  type FindingParams,
  type RulesetInput,
  type TestFailureCode,
  type TestFailureParams,
} from "@sigap/sop-engine";
import { describe, expect, it } from "vitest";
import { translator } from "#lib/i18n/index.ts";
import type { RegionNames } from "./engine-words.ts";
import { failureMessage, findingMessage, type WordedFailure } from "./finding-message.ts";
import { findingPlace } from "./finding-place.ts";

const id = translator("id");
const en = translator("en");

const names: RegionNames = {
  agencies: [{ id: "damkar-sleman", type: "damkar", name: "Damkar Sleman" }],
  districts: [
    { code: "34.04.01", name: "Gamping" },
    { code: "34.04.02", name: "Godean" },
  ],
};

/** Params for every code (and every variant the sentence depends on), as the engine gives them. */
const samples: { [C in FindingCode]: FindingParams[C][] } = {
  invalid_json: [{ file: "ruleset.json" }],
  schema: [
    { issue: "invalid_type", expected: "string" },
    { issue: "invalid_type", expected: "bigint" },
    { issue: "too_small", origin: "string", minimum: 1, inclusive: true },
    { issue: "too_small", origin: "array", minimum: 1, inclusive: true },
    { issue: "too_small", origin: "number", minimum: 0, inclusive: false },
    { issue: "too_big", origin: "int", maximum: 1440, inclusive: true },
    { issue: "invalid_format", format: "date" },
    { issue: "invalid_format", format: "regex" },
    { issue: "not_multiple_of", divisor: 5 },
    { issue: "unrecognized_keys", key: "agencyTipe" },
    { issue: "invalid_value", values: ["P1", "P2"] },
    { issue: "custom", check: "lead_not_primary" },
    { issue: "custom", check: "kind_repeated", kind: "fire.building" },
    { issue: "custom", check: "moment", moment: "offset_missing" },
    { issue: "custom", check: "expectation_contradicted", agency: "type:damkar" },
    { issue: "other" },
  ],
  duplicate_rule_id: [{ ruleId: "fire.base", firstIndex: 0 }],
  invalid_local_subtype: [
    { reason: "not_a_type", type: "meteor" },
    { reason: "national_subtype", subtype: "fire.building" },
    { reason: "declared_twice", subtype: "fire.market" },
  ],
  unknown_incident_type: [
    { reason: "not_a_type", type: "meteor" },
    { reason: "not_a_subtype", pattern: "fire.ship" },
    { reason: "unlisted_type", type: "meteor" },
    { reason: "unlisted_subtype", type: "fire", subtype: "fire.ship" },
  ],
  unknown_agency_type: [
    { reason: "in_rule", agencyType: "damkr", suggestion: "damkar" },
    { reason: "of_region_agency", agencyType: "ghostbusters", agencyId: "x" },
  ],
  unknown_agency: [{ agencyId: "polda-jatim" }],
  agency_type_not_available: [
    {
      agency: "type:kodim",
      absence: "no_active_agency_of_type",
      senders: ["any.crowd"],
      backups: ["crime.escalate", "riot"],
    },
  ],
  uncovered_agency: [
    {
      agency: "type:damkar",
      type: "fire",
      priority: "P1",
      absence: "inactive",
      rules: ["fire.base", "fire.casualties", "fire.night", "fire.market"],
    },
  ],
  kecamatan_not_covered: [
    { agency: "type:damkar", kecamatan: ["34.04.02", "34.04.03"], types: ["fire", "disaster"] },
  ],
  unknown_official: [
    { reason: "unknown_role", official: "lurah" },
    { reason: "no_contact", official: "sekda" },
  ],
  unknown_kecamatan: [{ kecamatan: "35.15.01" }],
  invalid_suppression: [{ reason: "self" }, { reason: "unknown_rule", target: "fire.old" }],
  suppression_cycle: [{ ruleId: "a", target: "b" }],
  time_zone_mismatch: [{ region: "Asia/Makassar", ruleset: "Asia/Jakarta" }],
  never_matches: [
    { reason: "severity_range", atLeast: "high", atMost: "low" },
    { reason: "casualties_range", atLeast: 5, atMost: 1 },
    { reason: "flags_required_and_excluded", flags: ["spreading"] },
    { reason: "hours_empty" },
  ],
  shadowed_rule: [
    { reason: "suppressed", rules: ["fire.base"] },
    { reason: "subsumed", rules: ["a", "b"] },
  ],
  escalation_loop: [
    { reason: "self", agency: "type:damkar" },
    { reason: "cycle", agency: "type:damkar", backup: "agency:damkar-sleman" },
  ],
  escalation_before_deadline: [{ afterMinutes: 1, deadlineMinutes: 10 }],
  escalation_target_never_dispatched: [{ agency: "type:bpbd" }],
  primary_without_escalation: [
    { agency: "type:damkar", lifeThreatening: true },
    { agency: "type:dlh", lifeThreatening: false },
  ],
  uncovered_p1_type: [{ type: "fire" }],
  conditionally_covered_p1_type: [{ type: "medical" }],
  deadline_out_of_range: [
    { reason: "default_ack", minutes: 90, min: 1, max: 60 },
    { reason: "escalation", minutes: 0, min: 1, max: 240 },
  ],
  slow_p1_deadline: [{ minutes: 20, targetMinutes: 15 }],
  conflicting_text: [{ list: "checklist", key: "trapped", ruleId: "fire.base" }],
  no_matching_rule: [{}],
  no_primary_agency: [{}],
  unserved_agency: [{ agency: "type:damkar", kecamatan: "34.04.01" }, { agency: "type:bpbd" }],
};

const failureSamples: { [C in TestFailureCode]: TestFailureParams[C][] } = {
  not_notified: [
    { agency: "type:polres", notified: ["type:damkar", "agency:damkar-sleman"] },
    { agency: "type:polres", notified: [] },
  ],
  wrong_role: [{ agency: "type:pmi", expected: "primary", actual: "support" }],
  ack_below_minimum: [{ agency: "type:pmi", atLeast: 15, given: 10 }],
  ack_above_maximum: [{ agency: "type:pmi", atMost: 1, given: 10 }],
  notified: [{ agency: "type:psc119", role: "primary" }],
  wrong_priority: [{ expected: "P2", actual: "P1" }],
};

function sampleFindings(): Finding[] {
  return findingCodes.flatMap((code) =>
    samples[code].map(
      (params) =>
        ({
          level: "warning",
          code,
          document: "ruleset",
          path: "$.rules[0]",
          message: "",
          params,
          ruleId: "fire.night",
        }) as Finding,
    ),
  );
}

/** A sentence a person can read: no engine English, no JSONPath, no unfilled placeholder. */
function expectReadable(text: string) {
  expect(text.trim()).not.toBe("");
  expect(text).not.toMatch(/\$[.[]|\{\w+\}|undefined|\u201c\u201d/);
}

describe("finding wordings", () => {
  it("words every finding code and variant in Indonesian and in English", () => {
    const findings = sampleFindings();
    expect(new Set(findings.map((finding) => finding.code))).toEqual(new Set(findingCodes));
    for (const finding of findings) {
      const indonesian = findingMessage(id, finding, names);
      const english = findingMessage(en, finding, names);
      expectReadable(indonesian);
      expectReadable(english);
      expect(indonesian).not.toBe(english);
    }
  });

  it("words every test failure code in Indonesian and in English", () => {
    for (const code of testFailureCodes) {
      for (const params of failureSamples[code]) {
        const failure = { code, params } as WordedFailure;
        expectReadable(failureMessage(id, failure, names));
        expectReadable(failureMessage(en, failure, names));
      }
    }
  });

  it("names agencies, incident types, kecamatan, time zones and durations, not their codes", () => {
    const sentence = (finding: Pick<Finding, "code" | "params">) =>
      findingMessage(
        id,
        { level: "error", document: "ruleset", path: "$", message: "", ...finding } as Finding,
        names,
      );
    expect(
      sentence({
        code: "kecamatan_not_covered",
        params: { agency: "agency:damkar-sleman", kecamatan: ["34.04.02"], types: ["fire"] },
      }),
    ).toBe(
      "Tidak ada instansi aktif untuk Damkar Sleman di kecamatan Godean: kejadian Kebakaran di sana tidak terlayani. Perluas cakupan instansi atau sebut cadangan.",
    );
    expect(
      sentence({
        code: "time_zone_mismatch",
        params: { region: "Asia/Makassar", ruleset: "Asia/Jakarta" },
      }),
    ).toBe(
      "Daerah ini memakai WITA, tetapi SOP memakai WIB; syarat jam dalam aturan akan meleset.",
    );
    expect(
      sentence({
        code: "uncovered_agency",
        params: {
          agency: "type:damkar",
          type: "fire",
          priority: "P1",
          absence: "no_active_agency_of_type",
          rules: ["a", "b", "c", "d", "e"],
        },
      }),
    ).toContain(
      "\u201ca\u201d, \u201cb\u201d, \u201cc\u201d dan 2 lainnya tidak menyebut cadangan",
    );
  });
});

const region = {
  agencies: [{ id: "damkar-sleman", type: "damkr", name: "Damkar Sleman" }],
  kecamatanCodes: ["34.04.01", "34.04.02"],
  timeZone: "Asia/Makassar",
} as const;

/** The national template, which covers every P1 type, with rules added. */
function rulesetWith(rules: RulesetInput["rules"]): RulesetInput {
  return { ...nationalTemplate, rules: [...nationalTemplate.rules, ...rules] };
}

describe("real findings from the engine", () => {
  const ruleset = rulesetWith([
    {
      id: "kebakaran-p1",
      name: "Kebakaran malam",
      when: { types: ["fire.*"], severity: { atLeast: "high", atMost: "low" } },
      then: { agencies: [{ agencyType: "damkr", role: "primary" }] },
    },
  ]);
  const { findings } = validateRuleset(ruleset, region);
  const said = (code: FindingCode) => {
    const finding = findings.find((candidate) => candidate.code === code);
    if (!finding) throw new Error(`no ${code} finding`);
    return {
      message: findingMessage(id, finding, names),
      place: findingPlace(id, finding, ruleset),
    };
  };

  it("reads as Indonesian sentences, without JSONPaths or placeholders", () => {
    expect(findings.length).toBeGreaterThan(3);
    for (const finding of findings) {
      expectReadable(findingMessage(id, finding, names));
      expectReadable(findingPlace(id, finding, ruleset) ?? "-");
    }
  });

  it("says why a rule never matches, and where", () => {
    expect(said("never_matches")).toEqual({
      message:
        "Aturan \u201ckebakaran-p1\u201d tidak pernah cocok: tingkat keparahan tidak mungkin minimal tinggi sekaligus paling tinggi rendah.",
      place: "Aturan \u201cKebakaran malam\u201d \u00b7 Tingkat keparahan",
    });
  });

  it("suggests the agency type a typo meant, at the agency it is in", () => {
    expect(said("unknown_agency_type")).toEqual({
      message:
        "\u201cdamkr\u201d bukan jenis instansi nasional. Maksudnya \u201cdamkar\u201d (Dinas Pemadam Kebakaran dan Penyelamatan)?",
      place: "Aturan \u201cKebakaran malam\u201d \u00b7 Instansi 1",
    });
    expect(said("time_zone_mismatch").place).toBe("Zona waktu");
  });

  it("words schema findings generically and places them by the rule's position", () => {
    const broken = {
      format: rulesetFormat,
      name: "Uji",
      timeZone: "Asia/Jakarta",
      defaults: { priority: "P3", ackWithinMinutes: 10 },
      rules: [{ id: "a", name: "", when: { kecamatan: { in: [] } }, then: {}, priorty: "P1" }],
    };
    const worded = validateRuleset(broken).findings.map((finding) => [
      findingMessage(id, finding),
      findingPlace(id, finding),
    ]);
    expect(worded).toEqual([
      ["Isi paling sedikit 1 karakter.", "Aturan 1 \u00b7 Nama aturan"],
      ["Isi paling sedikit 1 butir.", "Aturan 1 \u00b7 Kecamatan"],
      ["Kolom \u201cpriorty\u201d tidak dikenal.", "Aturan 1"],
    ]);
  });

  it("words a failing test case's expectations", () => {
    const result = runTestCase(ruleset, {
      name: "Kebakaran bangunan",
      incident: { type: "fire", subtype: "fire.building" },
      at: "2025-08-17T21:30:00+07:00",
      expect: {
        notify: [{ agencyType: "damkar", ackWithinMinutes: { atMost: 1 } }],
        priority: "P3",
      },
    });
    if (result.status !== "failed") throw new Error(`the case ${result.status}`);
    expect(result.failures.map((failure) => failureMessage(id, failure, names))).toEqual([
      expect.stringMatching(
        /^Dinas Pemadam Kebakaran dan Penyelamatan diharapkan mengonfirmasi paling lama dalam 1 menit; rencana memberinya \d+ menit\.$/,
      ),
      "Prioritas yang diharapkan P3; rencana memberi P1.",
    ]);
  });
});
