import {
  evaluate,
  rulesetFormat,
  type ConditionCheck,
  type ConditionName,
  type RulesetInput,
} from "@sigap/sop-engine";
import { describe, expect, it } from "vitest";
import { translator } from "#lib/i18n/index.ts";
import type { RegionNames } from "./engine-words.ts";
import { typeOptions } from "./lab/catalogue.ts";
import { conditionCheckMessage } from "./trace-message.ts";

const id = translator("id");
const en = translator("en");

const names: RegionNames = {
  districts: [
    { code: "34.04.01", name: "Gamping" },
    { code: "34.04.02", name: "Godean" },
  ],
  types: typeOptions("id", [{ code: "fire.market", name: "Kebakaran pasar" }]),
};

/** Every condition a rule can state; the compiler fails this list when the engine adds one. */
const everyCondition = Object.keys({
  types: true,
  severity: true,
  casualties: true,
  flags: true,
  kecamatan: true,
  time: true,
  keywords: true,
} satisfies Record<ConditionName, true>);

/** Each rule states every condition, so that one incident leaves one known and one unknown. */
const ruleset: RulesetInput = {
  format: rulesetFormat,
  name: "Uji",
  timeZone: "Asia/Jakarta",
  defaults: { priority: "P3", ackWithinMinutes: 10 },
  localSubtypes: [{ code: "fire.market", name: "Kebakaran pasar" }],
  rules: [
    {
      id: "known",
      name: "Pasar terbakar di malam hari",
      when: {
        types: ["fire.*"],
        severity: { atLeast: "high" },
        casualties: { atLeast: 1, atMost: 10 },
        flags: { all: ["spreading"], none: ["hazardous_material"] },
        kecamatan: { in: ["34.04.02"] },
        time: {
          hours: [{ from: "18:00", to: "06:00" }],
          weekdays: ["sat", "sun"],
          dates: [{ from: "2025-08-01", to: "2025-08-31" }],
        },
        keywords: { any: ["pasar", "los*"], none: ["latihan"] },
      },
      then: { priority: "P1" },
    },
    {
      id: "unknown",
      name: "Kendaraan terbakar",
      when: {
        types: ["fire.vehicle", "medical.*"],
        severity: {},
        casualties: { atMost: 0 },
        flags: { any: ["people_trapped", "vulnerable_person"] },
        kecamatan: { notIn: ["34.04.01"] },
        time: {},
        keywords: { any: ["mobil"] },
      },
      then: { priority: "P2" },
    },
  ],
};

/** A market fire reported on a Sunday night, at 21:30 in Jakarta. */
const incident = {
  types: [{ type: "fire", subtype: "fire.market" }, { type: "traffic_accident" }],
  severity: "medium",
  casualties: 2,
  flags: ["spreading"],
  kecamatan: "34.04.02",
  description: "Los pasar terbakar, api meluas",
};
const now = new Date("2025-08-17T14:30:00Z");

function traceChecks(incidentInput: Record<string, unknown>): Map<string, ConditionCheck[]> {
  const result = evaluate(ruleset, incidentInput, { now, explainNonMatches: true });
  if (!result.ok) throw new Error(JSON.stringify(result.findings));
  return new Map(result.trace.rules.map((rule) => [rule.ruleId, [...rule.conditions]]));
}

const checks = traceChecks(incident);
const known = checks.get("known") ?? [];
const unknown = [
  ...(checks.get("unknown") ?? []),
  // The same rules for an incident of which only the type is recorded.
  ...(traceChecks({ type: "fire" }).get("known") ?? []),
];

const sentence = (check: ConditionCheck | undefined) => {
  if (!check) throw new Error("no such check");
  return conditionCheckMessage(id, check, names);
};
const checkOf = (list: readonly ConditionCheck[], condition: ConditionName) =>
  list.find((check) => check.condition === condition);

/** A sentence a person can read: no engine English, no code left unnamed, no unfilled placeholder. */
function expectReadable(text: string, check: ConditionCheck) {
  expect(text.trim()).not.toBe("");
  expect(text).not.toBe(check.explanation);
  expect(text).not.toMatch(
    /\{\w+\}|undefined|; rule needs |\u201c\u201d|34\.04\.0\d|fire\.|medical\./,
  );
}

describe("trace check wordings", () => {
  it("words every condition, known and unknown facts alike, in Indonesian and in English", () => {
    const all = [...known, ...unknown];
    expect(new Set(known.map((check) => check.condition))).toEqual(new Set(everyCondition));
    expect(new Set(unknown.map((check) => check.condition))).toEqual(new Set(everyCondition));
    for (const check of all) {
      const indonesian = conditionCheckMessage(id, check, names);
      const english = conditionCheckMessage(en, check, names);
      expectReadable(indonesian, check);
      expectReadable(english, check);
      expect(indonesian).not.toBe(english);
    }
  });

  it("names incident types, severities, flags and kecamatan, and says what the rule asks", () => {
    expect(known.map((check) => [check.condition, sentence(check)])).toEqual([
      [
        "types",
        "Jenis kejadian Kebakaran pasar + Kecelakaan lalu lintas (tanpa subjenis) cocok dengan Kebakaran (semua jenis).",
      ],
      ["severity", "Tingkat keparahan sedang, aturan meminta keparahan minimal tinggi."],
      ["casualties", "Jumlah korban 2, aturan meminta minimal 1 korban; paling banyak 10 korban."],
      [
        "flags",
        "Keadaan di lokasi: \u201cMeluas atau menjalar\u201d; aturan meminta semua tanda: Meluas atau menjalar; tanpa tanda: Ada bahan berbahaya.",
      ],
      ["kecamatan", "Kejadian di Godean, aturan berlaku di Godean."],
      [
        "time",
        "Waktu setempat Min, 17 Agu 2025 pukul 21:30 WIB; aturan berlaku pukul 18:00–06:00; hari Sab, Min; tanggal 2025-08-01 s.d. 2025-08-31.",
      ],
      [
        "keywords",
        "Keterangan penelepon menyebut \u201cpasar\u201d, \u201clos*\u201d; aturan meminta uraian menyebut pasar, los*; uraian tidak menyebut latihan.",
      ],
    ]);
  });

  it("says when the incident does not record a fact, or the rule asks for any value", () => {
    const onlyType = traceChecks({ type: "fire" }).get("known") ?? [];
    expect(sentence(checkOf(onlyType, "types"))).toBe(
      "Jenis kejadian Kebakaran (tanpa subjenis) cocok dengan Kebakaran (semua jenis).",
    );
    expect(sentence(checkOf(onlyType, "kecamatan"))).toBe(
      "Kecamatan kejadian tidak diisi, aturan berlaku di Godean.",
    );
    expect(sentence(checkOf(onlyType, "keywords"))).toBe(
      "Keterangan penelepon tidak menyebut kata kunci aturan ini; aturan meminta uraian menyebut pasar, los*; uraian tidak menyebut latihan.",
    );
    const other = checks.get("unknown") ?? [];
    expect(sentence(checkOf(other, "types"))).toBe(
      "Jenis kejadian Kebakaran pasar + Kecelakaan lalu lintas (tanpa subjenis) tidak cocok dengan Kebakaran kendaraan, Kegawatdaruratan medis (semua jenis).",
    );
    expect(sentence(checkOf(other, "severity"))).toBe(
      "Tingkat keparahan sedang, aturan meminta nilai apa pun.",
    );
  });

  it("chooses the English plural by the number of casualties", () => {
    const casualties = checkOf(known, "casualties");
    if (!casualties) throw new Error("no casualties check");
    expect(conditionCheckMessage(en, casualties, names)).toBe(
      "2 casualties; the rule needs: at least 1 casualty; at most 10 casualties.",
    );
  });
});
