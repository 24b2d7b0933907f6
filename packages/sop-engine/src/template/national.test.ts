import { describe, expect, it } from "vitest";
import { agencyTypes } from "../catalogue/agency-types.ts";
import { officialRoles } from "../catalogue/officials.ts";
import { evaluate } from "../evaluate.ts";
import { targetKey } from "../merge.ts";
import { validateRuleset } from "../validate/index.ts";
import { nationalTemplate } from "./national.ts";

const evening = new Date("2025-06-02T12:00:00Z"); // 19:00 WIB, Monday

function agenciesFor(incident: Record<string, unknown>, now = evening): Record<string, string> {
  const result = evaluate(nationalTemplate, incident, { now });
  if (!result.ok) throw new Error(JSON.stringify(result.findings));
  return Object.fromEntries(
    result.plan.agencies.map((agency) => [agency.key.replace("type:", ""), agency.role]),
  );
}

function priorityFor(incident: Record<string, unknown>, now = evening): string {
  const result = evaluate(nationalTemplate, incident, { now });
  if (!result.ok) throw new Error(JSON.stringify(result.findings));
  return result.plan.priority;
}

describe("national template", () => {
  it("validates without errors or warnings, also for a region that has every agency type", () => {
    expect(validateRuleset(nationalTemplate).findings).toEqual([]);
    const context = {
      agencies: agencyTypes.map((type) => ({ id: `${type.code}-1`, type: type.code })),
      officials: officialRoles.map((role) => role.code),
      timeZone: "Asia/Jakarta",
    };
    expect(validateRuleset(nationalTemplate, context).findings).toEqual([]);
  });

  it("sends Damkar to a fire, BPBD when it spreads and PSC 119 when there are casualties", () => {
    expect(agenciesFor({ type: "fire", subtype: "fire.building" })).toEqual({ damkar: "primary" });
    expect(agenciesFor({ type: "fire", flags: ["spreading"], casualties: 2 })).toEqual({
      damkar: "primary",
      psc119: "primary",
      bpbd: "support",
    });
  });

  it("sends Polres and PSC 119 to a traffic accident with casualties, and Damkar when someone is trapped", () => {
    expect(agenciesFor({ type: "traffic_accident", casualties: 1 })).toMatchObject({
      polres: "primary",
      psc119: "primary",
    });
    expect(
      agenciesFor({ type: "traffic_accident", casualties: 1, flags: ["people_trapped"] }),
    ).toMatchObject({ damkar: "primary" });
    expect(priorityFor({ type: "traffic_accident", casualties: 1 })).toBe("P1");
    expect(priorityFor({ type: "traffic_accident", casualties: 0 })).toBe("P2");
  });

  it("sends Polres and Satpol PP to a brawl, Kodim when it is large, and raises night brawls to P1", () => {
    expect(agenciesFor({ type: "brawl" })).toEqual({ polres: "primary", satpol_pp: "support" });
    expect(agenciesFor({ type: "brawl", flags: ["large_crowd"] })).toMatchObject({
      kodim: "support",
    });
    expect(priorityFor({ type: "brawl" })).toBe("P2");
    expect(priorityFor({ type: "brawl" }, new Date("2025-06-02T17:00:00Z"))).toBe("P1"); // 00:00 WIB
  });

  it("sends BPBD, Basarnas and Dinas Sosial to floods and landslides", () => {
    for (const subtype of ["disaster.flood", "disaster.landslide"]) {
      expect(agenciesFor({ type: "disaster", subtype })).toEqual({
        bpbd: "primary",
        basarnas: "support",
        dinsos: "support",
      });
    }
  });

  it("sends PLN and Damkar to an electrical hazard, and PSC 119 to an electrocution", () => {
    expect(
      agenciesFor({ type: "electrical_hazard", subtype: "electrical_hazard.fallen_power_line" }),
    ).toEqual({ pln: "primary", damkar: "support" });
    expect(
      agenciesFor({ type: "electrical_hazard", subtype: "electrical_hazard.electrocution" }),
    ).toMatchObject({ psc119: "primary" });
  });

  it("sends Polres and Basarnas to a missing person, Basarnas first for a drowning", () => {
    expect(agenciesFor({ type: "missing_person" })).toEqual({
      polres: "primary",
      basarnas: "support",
    });
    expect(
      agenciesFor({ type: "missing_person", subtype: "missing_person.drowning" }),
    ).toMatchObject({ basarnas: "primary" });
  });

  it("asks about gas cylinders when the caller mentions them", () => {
    const result = evaluate(
      nationalTemplate,
      { type: "fire", description: "Dapur terbakar, ada tabung elpiji" },
      { now: evening },
    );
    expect(result.ok && result.plan.checklist.map((item) => item.key)).toContain("gas_cylinder");
  });

  it("alerts the Sekda and the Bupati/Wali Kota on scale, not on severity alone", () => {
    const officialsFor = (incident: Record<string, unknown>) => {
      const result = evaluate(nationalTemplate, incident, { now: evening });
      if (!result.ok) throw new Error(JSON.stringify(result.findings));
      return result.plan.escalation.flatMap((s) =>
        s.step.action === "notify_officials" ? s.step.officials : [],
      );
    };
    const heads = ["sekda", "bupati_walikota"];
    expect(
      officialsFor({ type: "medical", subtype: "medical.cardiac", severity: "critical" }),
    ).not.toEqual(expect.arrayContaining(["bupati_walikota"]));
    expect(
      officialsFor({ type: "disaster", subtype: "disaster.earthquake", severity: "critical" }),
    ).not.toEqual(expect.arrayContaining(["bupati_walikota"]));
    expect(officialsFor({ type: "traffic_accident", casualties: 12 })).toEqual(
      expect.arrayContaining(heads),
    );
    expect(officialsFor({ type: "brawl", severity: "critical", flags: ["large_crowd"] })).toEqual(
      expect.arrayContaining(heads),
    );
  });

  it("gives every primary agency an escalation, e.g. PSC 119 at a brawl with casualties", () => {
    const result = evaluate(nationalTemplate, { type: "brawl", casualties: 2 }, { now: evening });
    const waitedOn = result.ok
      ? result.plan.escalation.flatMap((s) =>
          s.step.for === undefined ? [] : [targetKey(s.step.for)],
        )
      : [];
    expect(waitedOn).toEqual(expect.arrayContaining(["type:polres", "type:psc119"]));
  });

  it("says CPR before anything else, and no building advice for a vehicle or land fire", () => {
    const adviceFor = (incident: Record<string, unknown>) => {
      const result = evaluate(nationalTemplate, incident, { now: evening });
      if (!result.ok) throw new Error(JSON.stringify(result.findings));
      return result.plan.advice.map((item) => item.key);
    };
    expect(adviceFor({ type: "medical", subtype: "medical.cardiac" })).toEqual([
      "cpr",
      "stay_on_line",
    ]);
    expect(adviceFor({ type: "fire", subtype: "fire.building" })).toContain("leave_building");
    for (const subtype of ["fire.vehicle", "fire.forest_land"])
      expect(adviceFor({ type: "fire", subtype })).not.toContain("leave_building");
    expect(adviceFor({ type: "disaster", subtype: "disaster.earthquake" })).toEqual([
      "earthquake_shelter",
      "stay_on_line",
    ]);
  });
});
