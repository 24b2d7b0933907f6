// Regenerates ruleset.schema.json; a unit test fails while the committed file is out of date.
import { writeFileSync } from "node:fs";
import { rulesetJsonSchema } from "../src/schema/json-schema.ts";

const target = new URL("../ruleset.schema.json", import.meta.url);
writeFileSync(target, `${JSON.stringify(rulesetJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target.pathname}\n`);
