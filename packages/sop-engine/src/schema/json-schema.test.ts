import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rulesetJsonSchema } from "./json-schema.ts";

describe("ruleset.schema.json", () => {
  it("is the committed output of the zod schema (run `pnpm schema:write` after changing it)", () => {
    const committed: unknown = JSON.parse(
      readFileSync(new URL("../../ruleset.schema.json", import.meta.url), "utf8"),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(rulesetJsonSchema())));
  });

  it("describes agency targets as exactly one of a type or a specific agency", () => {
    const text = JSON.stringify(rulesetJsonSchema());
    expect(text).toContain('"oneOf"');
    expect(text).toContain('"agencyType"');
    expect(text).toContain('"agencyId"');
  });
});
