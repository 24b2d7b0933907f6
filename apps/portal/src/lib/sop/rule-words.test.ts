import type { RulesetInput } from "@sigap/sop-engine";
import { describe, expect, it } from "vitest";
import { translator } from "#lib/i18n/index.ts";
import type { EditorReferences } from "./editor/types.ts";
import { typeOptions } from "./lab/catalogue.ts";
import { fieldWords, patternName, ruleSummary } from "./rule-words.ts";

type RuleInput = RulesetInput["rules"][number];

const id = translator("id");
const en = translator("en");

const references: EditorReferences = {
  agencies: [{ id: "7f0c5d1e-0000-4000-8000-000000000001", type: "rsud", name: "RSUD Sleman" }],
  districts: [
    { code: "34.04.01", name: "Gamping" },
    { code: "34.04.02", name: "Godean" },
  ],
  types: typeOptions("id", [{ code: "fire.market", name: "Kebakaran pasar" }]),
};

const fire: RuleInput = {
  id: "fire.base",
  name: "Kebakaran",
  when: { types: ["fire.*"] },
  then: { priority: "P1", agencies: [{ agencyType: "damkar", role: "primary" }] },
};

describe("a rule in words", () => {
  it("names incident types from the taxonomy, a whole category as such, the region's own kinds too", () => {
    expect(patternName(id, references.types, "fire.*")).toBe("Kebakaran (semua jenis)");
    expect(patternName(id, references.types, "fire.building")).toBe("Kebakaran bangunan");
    expect(patternName(id, references.types, "fire.market")).toBe("Kebakaran pasar");
    expect(patternName(en, typeOptions("en", []), "fire.*")).toBe("Fire (all kinds)");
    // A code the catalogue does not know stays as written, for validation to point at.
    expect(patternName(id, references.types, "meteor.*")).toBe("meteor.*");
  });

  it("summarises a rule in one line: types, priority and agencies by the names the call centre uses", () => {
    expect(ruleSummary(id, fire, references)).toBe(
      "Kebakaran (semua jenis) · Prioritas 1 · Damkar",
    );
    expect(ruleSummary(en, fire, { ...references, types: typeOptions("en", []) })).toBe(
      "Fire (all kinds) · Priority 1 · Damkar",
    );
  });

  it("marks support agencies, names the region's own agency, and says which conditions narrow the rule", () => {
    const rule: RuleInput = {
      id: "local.west",
      name: "Bencana di barat",
      when: {
        types: ["disaster.*", "fire.building"],
        severity: { atLeast: "high" },
        kecamatan: { in: ["34.04.01", "34.04.02"] },
      },
      then: {
        agencies: [
          { agencyType: "bpbd", role: "primary" },
          { agencyId: "7f0c5d1e-0000-4000-8000-000000000001", role: "support" },
          { agencyType: "pmi", role: "support" },
        ],
      },
    };
    expect(ruleSummary(id, rule, references)).toBe(
      "Bencana alam (semua jenis), Kebakaran bangunan · keparahan minimal tinggi · di 2 kecamatan · BPBD + RSUD Sleman (pendukung) + PMI (pendukung)",
    );
    expect(ruleSummary(id, { id: "all", name: "Semua", when: {}, then: {} }, references)).toBe(
      "Semua jenis kejadian · tanpa instansi",
    );
  });

  it("words each part of a rule as items, agencies with their terms and kecamatan by name", () => {
    const rule: RuleInput = {
      ...fire,
      when: {
        types: ["fire.*"],
        kecamatan: { in: ["34.04.02"] },
        time: { hours: [{ from: "18:00", to: "06:00" }], weekdays: ["sat", "sun"] },
      },
      then: {
        agencies: [
          {
            agencyType: "damkar",
            role: "primary",
            ackWithinMinutes: 3,
            fallback: { name: "Pemadam kebakaran", phone: "113" },
          },
        ],
        escalation: [
          { action: "notify_supervisor", afterMinutes: 5, for: { agencyType: "damkar" } },
        ],
      },
    };
    expect(fieldWords(id, rule, "agencies", references)).toEqual([
      "Dinas Pemadam Kebakaran dan Penyelamatan (utama, konfirmasi dalam 3 menit, cadangan Pemadam kebakaran 113)",
    ]);
    expect(fieldWords(id, rule, "kecamatan", references)).toEqual(["di Godean"]);
    expect(fieldWords(id, rule, "time", references)).toEqual([
      "pukul 18:00–06:00",
      "hari Sab, Min",
    ]);
    expect(fieldWords(id, rule, "escalation", references)).toEqual([
      "Setelah 5 menit tanpa tanggapan Dinas Pemadam Kebakaran dan Penyelamatan: beri tahu supervisor.",
    ]);
    expect(fieldWords(id, rule, "priority", references)).toEqual([]);
    expect(
      fieldWords(en, { ...rule, when: { casualties: { atLeast: 1 } } }, "casualties", references),
    ).toEqual(["at least 1 casualty"]);
  });
});
