// `npm start`: database, migrations, seed, build, then api + worker + portal until Ctrl-C.
import { demoPassword, demoTrunks, demoUsers } from "@sigap/db/seed";
import { runCallSimulator, runDemoBilling, stackSecretKeys } from "./call-simulator.ts";
import { prepareDatabase } from "./database.ts";
import { readStartConfig } from "./env.ts";
import { run, step } from "./run.ts";
import { startStack } from "./stack.ts";

const config = readStartConfig();
const database = await prepareDatabase({
  external: config.externalDatabase,
  dataDir: config.dataDir,
  port: config.postgresPort,
  persistent: true,
});

let stack: Awaited<ReturnType<typeof startStack>> | undefined;
let stopping = false;
async function shutdown(signal: string, exitCode = 0) {
  if (stopping) return;
  stopping = true;
  step(`${signal}: stopping api, worker, portal and Postgres`);
  await stack?.stop();
  await database.stop();
  step("stopped");
  process.exit(exitCode);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

try {
  step("building the portal (cached after the first run)");
  await run("pnpm", [
    "exec",
    "turbo",
    "run",
    "build",
    "--filter=@sigap/portal",
    "--output-logs=errors-only",
    "--log-prefix=none",
  ]);
  step("starting api, worker and portal");
  stack = await startStack({
    appUrl: database.appUrl,
    apiPort: config.apiPort,
    portalPort: config.portalPort,
    logLevel: config.logLevel,
    secretKeys: stackSecretKeys(config),
    output: "terminal",
  });
} catch (error) {
  console.error(`[sigap] ${error instanceof Error ? error.message : String(error)}`);
  await shutdown("error", 1);
}

if (stack) {
  const portal = stack.portalUrl.replace("127.0.0.1", "localhost");
  const logins = demoUsers
    .map((user) => {
      const where =
        user.platformRole ?? user.memberships.map((m) => `${m.role} @ ${m.slug}`).join(", ");
      return `    ${user.email.padEnd(36)} ${where}`;
    })
    .join("\n");
  console.log(`
  Sigap 112 is running.

    Portal      ${portal}
    API docs    ${portal}/v1/docs
    Dev outbox  ${portal}/dev/outbox   (invitation and reset emails land here; sign in as the platform admin)
    API         ${stack.apiUrl} (health: /healthz)
    Postgres    ${config.externalDatabase ? "DATABASE_URL" : `127.0.0.1:${config.postgresPort} (data in ${config.dataDir})`}

  Demo logins (password for all: ${demoPassword}); admins set up two-factor
  sign-in with an authenticator app the first time:
${logins}

  Simulated calls for a demo region, in another terminal:
    npm run calls -- sidoarjo              (4 calls a minute; --per-minute N to change)

  Press Ctrl-C to stop everything.
`);
  void addDemoCallHistory();
}

/**
 * Three weeks of calls for each demo trunk's region, reported through the API once (a region with
 * calls is left alone), then a few months of invoices for the billed demo regions, so every screen
 * has something true to show. The portal is usable meanwhile.
 */
async function addDemoCallHistory() {
  step(
    "adding demo call history and invoices in the background (regions that already have them are left alone)",
  );
  try {
    for (const { slug } of demoTrunks)
      await runCallSimulator(config, [slug, "--history-days", "21", "--per-day", "60"]);
    await runDemoBilling(config);
  } catch (error) {
    step(`demo history not added: ${error instanceof Error ? error.message : String(error)}`);
  }
}
