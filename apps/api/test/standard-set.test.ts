import { describe, expect, it } from "vitest";
import { standardSet } from "../src/agencies/standard-set.ts";
import { templatePrimaryAgencyTypes as requiredAgencyTypes } from "../src/sop/required-agencies.ts";

describe("the standard set of agencies", () => {
  it("holds every agency type the national SOP dispatches as primary (so go-live can pass)", () => {
    const types = standardSet("kabupaten", "Kabupaten Contoh").map((agency) => agency.agencyType);
    expect(
      requiredAgencyTypes.filter((type) => !types.includes(type as (typeof types)[number])),
    ).toEqual([]);
  });
});
