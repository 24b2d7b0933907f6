import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import { launchBrowser } from "./browser.ts";
import { repoRoot } from "./env.ts";
import { testSecretKeys } from "./secret-keys.ts";
import { startStack } from "./stack.ts";
import { freePort } from "./vitest/free-port.ts";

/**
 * The built portal, API and worker on free ports against the run's throwaway database, plus a
 * headless browser: what an end-to-end test file starts in `beforeAll` and stops in `afterAll`.
 */
export async function startEndToEnd(options: { env?: Record<string, string> } = {}) {
  if (!existsSync(join(repoRoot, "apps/portal/build/index.js"))) {
    throw new Error(
      "The portal is not built: run `pnpm exec turbo run build --filter=@sigap/portal` first (npm test does).",
    );
  }
  const { appUrl } = inject("databaseUrls");
  const logDir = join(repoRoot, ".data");
  mkdirSync(logDir, { recursive: true });
  const stack = await startStack({
    appUrl,
    apiPort: await freePort(),
    portalPort: await freePort(),
    logLevel: "warn",
    secretKeys: testSecretKeys,
    output: { file: join(logDir, "e2e-stack.log") },
    ...(options.env ? { env: options.env } : {}),
  });
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await stack.stop();
    throw error;
  });
  return {
    portalUrl: stack.portalUrl,
    browser,
    stop: async () => {
      await browser.close();
      await stack.stop();
    },
  };
}
