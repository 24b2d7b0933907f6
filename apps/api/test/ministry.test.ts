import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ministryProcedure, personalFieldsIn } from "../src/trpc/ministry.ts";

describe("ministry procedures never return personal data", () => {
  it("accept an output of aggregates", () => {
    const output = z.object({
      live: z.int(),
      provinces: z.array(z.object({ code: z.string(), answeredWithin10s: z.number() })),
    });
    expect(() => ministryProcedure("national.view", output)).not.toThrow();
  });

  it("refuse, when the router is built, an output naming a personal field at any depth", () => {
    const output = z.object({
      regions: z.array(
        z.object({
          code: z.string(),
          incidents: z.array(z.object({ callerNumber: z.string().optional() })),
        }),
      ),
      contact: z.object({ email: z.email() }).nullable(),
    });
    expect(personalFieldsIn(output)).toEqual([
      "$.regions[].incidents[].callerNumber",
      "$.contact.email",
    ]);
    expect(() => ministryProcedure("national.view", output)).toThrow(
      "ministry procedure for national.view would expose personal data: $.regions[].incidents[].callerNumber, $.contact.email",
    );
  });
});
