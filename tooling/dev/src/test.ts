// `npm test`: static checks, the portal build, then every test tier against throwaway Postgres.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ensureChromium } from "./chromium.ts";
import { repoRoot } from "./env.ts";
import { ensureKamailio } from "./kamailio.ts";
import { run, step } from "./run.ts";

const passThrough = process.argv.slice(2);

try {
  await ensureChromium();
  await ensureKamailio();
  step("typecheck, lint and build (turbo)");
  await run("pnpm", [
    "exec",
    "turbo",
    "run",
    "typecheck",
    "lint",
    "build",
    "--continue",
    "--output-logs=errors-only",
    "--log-prefix=task",
  ]);
  step("workspace consistency (sherif)");
  await run("pnpm", ["exec", "sherif"]);
  step("formatting (prettier --check)");
  await run("pnpm", ["exec", "prettier", "--check", "--log-level=warn", "."]);
  step("tests: unit, integration (embedded Postgres), end-to-end (headless Chromium)");
  const reportFile = join(repoRoot, ".data", "vitest-report.json");
  const failure = await run("pnpm", [
    "exec",
    "vitest",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${reportFile}`,
    ...passThrough,
  ]).then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
  );
  // One plain closing line, whichever tier failed, for people and CI logs alike.
  const report = JSON.parse(await readFile(reportFile, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
  };
  console.log(`\n${report.numPassedTests} passed, ${report.numFailedTests} failed`);
  if (failure) throw failure;
} catch (error) {
  console.error(`[sigap] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
