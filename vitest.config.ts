import { defineConfig } from "vitest/config";

/**
 * Every test tier in one run. The global setup starts one throwaway embedded Postgres (its own port
 * and data dir) that the integration and end-to-end projects share; unit tests ignore it.
 */
export default defineConfig({
  test: {
    globalSetup: ["tooling/dev/src/vitest/global-setup.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "integration",
          include: ["packages/*/test/**/*.test.ts", "apps/api/test/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["apps/portal/e2e/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
