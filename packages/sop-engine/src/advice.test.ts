import { describe, expect, it } from "vitest";
import { adviceFits } from "./advice.ts";
import { typePatternsOf } from "./conditions.ts";
import { evaluate } from "./evaluate.ts";
import { mondayMorning, rule, ruleset } from "./testing.ts";

const kinds = (...codes: string[]) =>
  typePatternsOf(
    codes.map((code) => {
      const type = code.split(".")[0] ?? code;
      return code === type ? { type } : { type, subtype: code };
    }),
  );

describe("adviceFits", () => {
  it("fits every incident without `forTypes`", () => {
    expect(adviceFits({}, kinds("medical"))).toBe(true);
  });

  it("matches like `when.types`: `<type>.*` any subtype or none, `<type>.<subtype>` exactly", () => {
    const building = { forTypes: ["fire.building"] };
    expect(adviceFits(building, kinds("fire.building"))).toBe(true);
    expect(adviceFits(building, kinds("fire.vehicle"))).toBe(false);
    expect(adviceFits(building, kinds("fire"))).toBe(false);
    expect(adviceFits({ forTypes: ["fire.*"] }, kinds("fire"))).toBe(true);
    expect(adviceFits({ forTypes: ["fire.*"] }, kinds("fire.vehicle"))).toBe(true);
    expect(adviceFits({ forTypes: ["fire.*"] }, kinds("firework.stall"))).toBe(false);
  });

  it("fits when any of the incident's types matches any pattern", () => {
    const item = { forTypes: ["medical.trauma", "fire.building"] };
    expect(adviceFits(item, kinds("traffic_accident", "fire.building"))).toBe(true);
    expect(adviceFits(item, kinds("traffic_accident", "fire.vehicle"))).toBe(false);
  });
});

describe("advice for the incident's type", () => {
  const fire = ruleset([
    rule(
      "fire",
      { types: ["fire.*"] },
      {
        advice: [
          { key: "leave", text: "Keluar dari bangunan.", forTypes: ["fire.building"] },
          { key: "stay_on_line", text: "Tetap tersambung." },
        ],
      },
    ),
    rule(
      "vehicle",
      { types: ["fire.vehicle"] },
      { advice: [{ key: "away", text: "Jauhi kendaraan.", urgency: "immediate_safety" }] },
    ),
  ]);
  const adviceFor = (incident: Record<string, unknown>) => {
    const result = evaluate(fire, incident, { now: mondayMorning });
    if (!result.ok) throw new Error(JSON.stringify(result.findings));
    return result.plan.advice.map((item) => [item.key, item.from.map((s) => s.position)]);
  };

  it("leaves out advice whose `forTypes` do not fit, keeping the rest with their positions", () => {
    expect(adviceFor({ type: "fire", subtype: "fire.building" })).toEqual([
      ["leave", [0]],
      ["stay_on_line", [1]],
    ]);
    expect(adviceFor({ type: "fire", subtype: "fire.vehicle" })).toEqual([
      ["away", [0]],
      ["stay_on_line", [1]],
    ]);
    expect(adviceFor({ type: "fire" })).toEqual([["stay_on_line", [1]]]);
  });

  it("keeps a key that fits through another item of the same rule, with that item's text", () => {
    const result = evaluate(
      ruleset([
        rule(
          "fire",
          { types: ["fire.*"] },
          {
            advice: [
              { key: "leave", text: "Keluar dari bangunan.", forTypes: ["fire.building"] },
              { key: "leave", text: "Menjauh dari api." },
            ],
          },
        ),
      ]),
      { type: "fire", subtype: "fire.vehicle" },
      { now: mondayMorning },
    );
    expect(result.ok && result.plan.advice.map((item) => item.text)).toEqual(["Menjauh dari api."]);
  });
});
