import { describe, expect, it } from "vitest";
import { agencyTypes } from "./catalogue/agency-types.ts";
import { closestCode, editDistance } from "./suggest.ts";

const codes = agencyTypes.map((type) => type.code);

describe("editDistance", () => {
  it("counts insertions, deletions, replacements and a swap of neighbours as one edit each", () => {
    expect(editDistance("damkar", "damkar")).toBe(0);
    expect(editDistance("damkr", "damkar")).toBe(1);
    expect(editDistance("damkaar", "damkar")).toBe(1);
    expect(editDistance("dimkar", "damkar")).toBe(1);
    expect(editDistance("bpdb", "bpbd")).toBe(1);
    expect(editDistance("", "pmi")).toBe(3);
    expect(editDistance("polisi", "polres")).toBe(3);
  });

  it("is symmetric", () => {
    for (const [a, b] of [
      ["satpolpp", "satpol_pp"],
      ["psc", "psc119"],
      ["kodim", "dinsos"],
    ] as const) {
      expect(editDistance(a, b)).toBe(editDistance(b, a));
    }
  });
});

describe("closestCode", () => {
  it("suggests the agency type a typo most likely meant", () => {
    expect(closestCode("damkr", codes)).toBe("damkar");
    expect(closestCode("bpdb", codes)).toBe("bpbd");
    expect(closestCode("satpolpp", codes)).toBe("satpol_pp");
    expect(closestCode("PSC119", codes)).toBe("psc119");
  });

  it("suggests nothing for a word that is not close to any code", () => {
    expect(closestCode("polisi", codes)).toBeUndefined();
    expect(closestCode("ghostbusters", codes)).toBeUndefined();
    expect(closestCode("x", codes)).toBeUndefined();
  });
});
