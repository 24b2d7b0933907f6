import { describe, expect, it } from "vitest";
import { agencyTypes } from "./agency-types.ts";
import { incidentTypes } from "./incident-types.ts";
import { officialRoles } from "./officials.ts";
import { taxonomyWith } from "./taxonomy.ts";

describe("national catalogues", () => {
  it("use unique lower_snake codes, subtypes prefixed by their type", () => {
    const typeCodes = incidentTypes.map((type) => type.code);
    const subtypeCodes = incidentTypes.flatMap((type) =>
      type.subtypes.map((subtype) => subtype.code),
    );
    for (const codes of [
      typeCodes,
      subtypeCodes,
      agencyTypes.map((t) => t.code),
      officialRoles.map((r) => r.code),
    ]) {
      expect(new Set(codes).size).toBe(codes.length);
    }
    expect(typeCodes.every((code) => /^[a-z][a-z0-9_]*$/.test(code))).toBe(true);
    for (const type of incidentTypes) {
      expect(
        type.subtypes.every((subtype) =>
          new RegExp(`^${type.code}\\.[a-z][a-z0-9_]*$`).test(subtype.code),
        ),
      ).toBe(true);
    }
  });

  it("covers the incident types the regions name", () => {
    expect(incidentTypes.map((type) => type.code)).toEqual(
      expect.arrayContaining([
        "fire",
        "traffic_accident",
        "crime",
        "brawl",
        "missing_person",
        "disaster",
        "medical",
      ]),
    );
    const disaster = incidentTypes.find((type) => type.code === "disaster");
    expect(disaster?.subtypes.map((subtype) => subtype.code)).toEqual([
      "disaster.flood",
      "disaster.landslide",
      "disaster.earthquake",
      "disaster.tsunami",
      "disaster.volcanic_eruption",
      "disaster.extreme_weather",
    ]);
  });
});

describe("taxonomyWith", () => {
  it("adds a region's local subtypes to their national type", () => {
    const taxonomy = taxonomyWith([{ code: "fire.market", name: "Kebakaran pasar" }]);
    expect(taxonomy.hasSubtype("fire.market")).toBe(true);
    expect(taxonomy.subtypesOf("fire")).toEqual([
      "fire.building",
      "fire.vehicle",
      "fire.forest_land",
      "fire.market",
    ]);
    expect(taxonomy.type("fire")?.name).toBe("Kebakaran");
    expect(taxonomyWith([]).hasSubtype("fire.market")).toBe(false);
  });

  it("leaves out local subtypes of unknown types", () => {
    const taxonomy = taxonomyWith([{ code: "meteor.small", name: "Meteor" }]);
    expect(taxonomy.hasType("meteor")).toBe(false);
    expect(taxonomy.hasSubtype("meteor.small")).toBe(false);
  });
});
