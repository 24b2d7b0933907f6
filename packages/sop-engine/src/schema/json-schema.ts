import { z } from "zod";
import { rulesetSchema } from "./ruleset.ts";

/**
 * The ruleset format as JSON Schema, for editors and for the portal's JSON view. Generated from the
 * zod schema so the two cannot drift; it describes what an author writes (defaults optional).
 * Semantic checks (known agency types, loops, coverage) are `validateRuleset`'s job, not this schema's.
 */
export function rulesetJsonSchema() {
  return z.toJSONSchema(rulesetSchema, { io: "input", target: "draft-2020-12" });
}
