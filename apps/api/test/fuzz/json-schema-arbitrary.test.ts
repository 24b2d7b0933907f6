import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { allProcedures } from "../security/procedures.ts";
import {
  hostileArbitrary,
  mutated,
  mutatedArbitrary,
  validArbitrary,
  type KnownValues,
} from "./json-schema-arbitrary.ts";
import { jsonSchemaOf, validInput } from "./procedure-inputs.ts";
import { plausibleByName, plausibleStrings } from "./plausible.ts";

const seed = 112;
const nothingKnown: KnownValues = { byName: {}, ids: [], plausibleStrings: [] };

/** Whether every value the generator makes for `schema`'s JSON Schema passes `schema` itself. */
function generatesOnlyValid(schema: z.ZodType, known = nothingKnown) {
  const values = fc.sample(validArbitrary(jsonSchemaOf(schema), known), { seed, numRuns: 200 });
  return values.filter((value) => !schema.safeParse(value).success);
}

describe("valid values from JSON Schema", () => {
  it("keeps strings within lengths, patterns and formats", () => {
    expect(
      generatesOnlyValid(
        z.object({ name: z.string().min(3).max(8), code: z.string().regex(/^\d{2}\.\d{2}$/) }),
      ),
    ).toEqual([]);
    expect(
      generatesOnlyValid(
        z.object({ id: z.uuid(), day: z.iso.date(), at: z.iso.datetime(), email: z.email() }),
      ),
    ).toEqual([]);
  });

  it("keeps numbers within bounds and integers whole", () => {
    expect(
      generatesOnlyValid(
        z.object({ n: z.int().min(1).max(50), x: z.number().gt(0).lt(1), big: z.int().min(1) }),
      ),
    ).toEqual([]);
  });

  it("gives required keys always and optional ones sometimes", () => {
    const schema = z.object({ must: z.boolean(), may: z.string().optional() });
    const values = fc.sample(validArbitrary(jsonSchemaOf(schema), nothingKnown), {
      seed,
      numRuns: 100,
    });
    expect(
      values.every((value) => typeof value === "object" && value !== null && "must" in value),
    ).toBe(true);
    expect(
      values.some((value) => typeof value === "object" && value !== null && "may" in value),
    ).toBe(true);
    expect(
      values.some((value) => typeof value === "object" && value !== null && !("may" in value)),
    ).toBe(true);
  });

  it("follows unions, literals, enums, nullables and arrays", () => {
    const schema = z.object({
      auth: z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("a"), n: z.int() }),
        z.object({ kind: z.literal("b"), s: z.string() }),
      ]),
      level: z.enum(["low", "high"]),
      note: z.string().max(5).nullable(),
      tags: z
        .array(z.enum(["x", "y"]))
        .min(1)
        .max(3),
    });
    expect(generatesOnlyValid(schema)).toEqual([]);
  });

  it("offers known values by property name and known ids to uuid fields", () => {
    const known: KnownValues = {
      byName: { tenantSlug: ["home"] },
      ids: ["7f1c1a56-1c3e-4c1e-9f0a-3c5e6b7a8d90"],
      plausibleStrings: [],
    };
    const values = fc.sample(
      validArbitrary(jsonSchemaOf(z.object({ tenantSlug: z.string(), agencyId: z.uuid() })), known),
      { seed, numRuns: 100 },
    );
    expect(values).toContainEqual({ tenantSlug: "home", agencyId: known.ids[0] });
  });

  // What the fuzzer's reach rests on: valid inputs pass the procedure's own parsers and get to its
  // handler. Refinements JSON Schema cannot express (an opaque cursor, a rule across fields) lose
  // some, so the bar is one in ten; most procedures clear a third.
  it.each(allProcedures().filter((procedure) => procedure.inputs.length > 0))(
    "reaches past the parsers of $path",
    (procedure) => {
      const known: KnownValues = {
        byName: { ...plausibleByName, tenantSlug: ["home"] },
        ids: [],
        plausibleStrings,
      };
      const values = fc.sample(validInput(procedure, known), { seed, numRuns: 40 });
      const parsed = values.filter((value) =>
        procedure.inputs.every((input) => input.safeParse(value).success),
      );
      expect(parsed.length).toBeGreaterThanOrEqual(4);
    },
  );
});

describe("mutations", () => {
  const value = { a: 1, list: [10, 20], inner: { b: "x" } };

  it("replaces, removes or adds at exactly one position", () => {
    expect(mutated(value, ["list", 1], "replace", null)).toEqual({
      a: 1,
      list: [10, null],
      inner: { b: "x" },
    });
    expect(mutated(value, ["inner", "b"], "remove", null)).toEqual({
      a: 1,
      list: [10, 20],
      inner: {},
    });
    expect(mutated(value, ["list", 0], "remove", null)).toEqual({
      a: 1,
      list: [20],
      inner: { b: "x" },
    });
    expect(mutated(value, ["inner"], "extraKey", 5)).toEqual({
      a: 1,
      list: [10, 20],
      inner: { b: "x", unexpected: 5 },
    });
    expect(mutated(value, [], "replace", "root")).toBe("root");
    expect(value).toEqual({ a: 1, list: [10, 20], inner: { b: "x" } });
  });

  it("leaves valid inputs mostly intact, so the handlers still run", () => {
    const samples = fc.sample(
      mutatedArbitrary(fc.constant(value), hostileArbitrary(["hugeNumber"])),
      { seed, numRuns: 50 },
    );
    const changedTopKeys = samples.map((sample) =>
      typeof sample === "object" && sample !== null
        ? Object.keys(value).filter(
            (key) =>
              JSON.stringify((sample as Record<string, unknown>)[key]) !==
              JSON.stringify(value[key as keyof typeof value]),
          ).length
        : 3,
    );
    expect(changedTopKeys.filter((count) => count <= 1).length).toBeGreaterThan(40);
  });
});
