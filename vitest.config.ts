import { defineConfig } from "vitest/config";

/**
 * Every test tier in one run. The global setup starts one throwaway embedded Postgres (its own port
 * and data dir) that the integration and end-to-end projects share; unit tests ignore it.
 */
export default defineConfig({
  test: {
    globalSetup: ["tooling/dev/src/vitest/global-setup.ts"],
    projects: [
      "packages/sop-engine",
      {
        // The portal's own logic (translator, API proxy, chart maths) without a browser. Like the
        // SOP engine's, this project does not extend the root, so no database is started for it.
        test: {
          name: "portal-unit",
          include: ["apps/portal/src/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          sequence: { groupOrder: 0 },
          // Files share their worker's loaded modules instead of importing the API afresh each
          // (import was a third of the tier's time). They share no state through them: each file
          // starts its own API and creates its own tenants and people.
          isolate: false,
          include: [
            "packages/*/test/**/*.test.ts",
            "apps/api/test/**/*.test.ts",
            "tooling/*/test/**/*.test.ts",
          ],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          // After the integration tier: the browser tests change national counts (a region goes
          // live) that the API tests compare with the database.
          sequence: { groupOrder: 1 },
          // Each file starts its own api, worker, portal and browser; on a small machine several
          // at once starve each other into timeouts, so the files take turns.
          fileParallelism: false,
          // The browser waits on real servers: a poll may need more than vitest's 1 s default when
          // a cold stack answers its first request, without that meaning anything is wrong.
          expect: { poll: { timeout: 10_000 } },
          include: ["apps/portal/e2e/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
