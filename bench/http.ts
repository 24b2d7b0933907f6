#!/usr/bin/env node
// What does a signed-in tenant user's page load cost through the whole stack? The built portal
// and one API process on a throwaway, seeded Postgres, loopback only. The demo supervisor of
// Sidoarjo loads the tenant pages a shift lead opens (overview, agencies, SOP: each a server-side
// render whose load functions issue the portal's real tRPC queries) and saves their profile (one
// mutation, through the portal's /trpc proxy), round-robin, at rising concurrency. autocannon
// drives the load; the API reaches Postgres through a counting proxy (@sigap/tenancy/round-trips),
// so "round trips per request" is what the API really waited on, not an estimate. The job worker
// is left out so that every counted round trip is the API's.
import { mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { runMigrations } from "@sigap/db/migrate";
import { seedDemo } from "@sigap/db/seed";
import { freePort } from "@sigap/dev/free-port";
import { startLocalPostgres } from "@sigap/dev/postgres";
import { testSecretKeys } from "@sigap/dev/secret-keys";
import { startStack } from "@sigap/dev/stack";
import { countRoundTrips } from "@sigap/tenancy/round-trips";

const concurrencies = [1, 4, 16, 32];
const secondsPerLevel = 8;
const tenant = "sidoarjo";
const person = { email: "supervisor.sidoarjo@sigap112.test", password: "Sigap112-Demo!" };

const dataRoot = await mkdtemp(join(tmpdir(), "sigap-bench-http-"));
const server = await startLocalPostgres({
  dataDir: join(dataRoot, "data"),
  port: await freePort(),
  persistent: false,
});
const proxy = await countRoundTrips(server.appUrl);
try {
  await runMigrations(server.ownerUrl);
  await seedDemo(server.ownerUrl);
  mkdirSync(join(dataRoot, "logs"));
  const stack = await startStack({
    appUrl: proxy.url,
    apiPort: await freePort(),
    portalPort: await freePort(),
    logLevel: "warn",
    secretKeys: testSecretKeys,
    worker: false,
    output: { file: join(dataRoot, "logs", "stack.log") },
  });
  try {
    const cookie = await signIn(stack.portalUrl);
    const headers = { cookie, "sec-fetch-site": "same-origin", "content-type": "application/json" };
    const requests: autocannon.Request[] = [
      { method: "GET", path: `/t/${tenant}` },
      { method: "GET", path: `/t/${tenant}/agencies` },
      { method: "GET", path: `/t/${tenant}/sop` },
      {
        method: "POST",
        path: "/trpc/account.updateProfile",
        body: JSON.stringify({ displayName: "Supervisor Sidoarjo", locale: "id" }),
      },
    ];

    console.log(
      `${requests.length} requests round-robin (3 tenant pages, 1 mutation), ${secondsPerLevel} s per level, one API process:`,
    );
    console.log("  concurrency   req/s    p50 ms   p99 ms   DB round trips/request");
    await load(stack.portalUrl, headers, requests, 1, 2); // warm-up: connections, prepared statements, JIT
    for (const connections of concurrencies) {
      proxy.reset();
      const result = await load(stack.portalUrl, headers, requests, connections, secondsPerLevel);
      const answered = result.requests.total;
      if (result.non2xx > 0 || result.errors > 0) {
        throw new Error(
          `${result.non2xx} non-2xx answers and ${result.errors} errors at concurrency ${connections}`,
        );
      }
      console.log(
        `  ${String(connections).padStart(11)} ${result.requests.average.toFixed(0).padStart(7)} ${String(result.latency.p50).padStart(9)} ${String(result.latency.p99).padStart(8)} ${(proxy.count() / answered).toFixed(2).padStart(12)}`,
      );
    }
  } finally {
    await stack.stop();
  }
} finally {
  await proxy.close();
  await server.stop();
  await rm(dataRoot, { recursive: true, force: true });
}

function load(
  url: string,
  headers: Record<string, string>,
  requests: autocannon.Request[],
  connections: number,
  seconds: number,
): Promise<autocannon.Result> {
  return autocannon({ url, headers, requests, connections, duration: seconds });
}

/** The session cookie of `person`, signed in through the portal's origin as a browser would. */
async function signIn(portalUrl: string): Promise<string> {
  const response = await fetch(`${portalUrl}/trpc/auth.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
    body: JSON.stringify(person),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!response.ok || !cookie)
    throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return cookie;
}
