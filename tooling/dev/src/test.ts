// `npm test`: static checks, the portal build, then every test tier against throwaway Postgres.
import { ensureChromium } from "./chromium.ts";
import { run, step } from "./run.ts";

const passThrough = process.argv.slice(2);

try {
  await ensureChromium();
  step("typecheck, lint and build (turbo)");
  await run("pnpm", ["exec", "turbo", "run", "typecheck", "lint", "build", "--continue", "--output-logs=errors-only", "--log-prefix=task"]);
  step("workspace consistency (sherif)");
  await run("pnpm", ["exec", "sherif"]);
  step("tests: unit, integration (embedded Postgres), end-to-end (headless Chromium)");
  await run("pnpm", ["exec", "vitest", "run", ...passThrough]);
} catch (error) {
  console.error(`[sigap] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
