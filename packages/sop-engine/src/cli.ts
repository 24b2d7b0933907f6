#!/usr/bin/env node
// The `sop` command. Only this file touches files, the clock and the process; see cli/run.ts.
import { readFileSync } from "node:fs";
import { runCli } from "./cli/run.ts";

const outcome = runCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, "utf8"),
  now: () => new Date(),
});
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.exitCode;
