// `npm run bench` / `pnpm bench`: every benchmark under bench/, one after another.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { repoRoot } from "./env.ts";
import { run, step } from "./run.ts";

const benchDir = join(repoRoot, "bench");
const only = process.argv[2];
const scripts = (await readdir(benchDir))
  .filter((name) => name.endsWith(".ts") && !name.startsWith("_"))
  .sort();

for (const script of scripts.filter((name) => !only || name.includes(only))) {
  step(`bench/${script}`);
  await run(process.execPath, [join(benchDir, script)]);
}
