import { Writable } from "node:stream";
import { serve } from "@hono/node-server";
import { createDatabase } from "@sigap/db/client";
import { freePort } from "@sigap/dev/free-port";
import { testSecretKeys } from "@sigap/dev/secret-keys";
import { createApp } from "../src/app.ts";
import { outlastClientKeepAlive } from "../src/http/keep-alive.ts";
import { liveStreamReadmitMs, parseSecretKeys, type AppConfig } from "../src/config.ts";
import { createBoss } from "../src/jobs/boss.ts";
import { jobSender } from "../src/jobs/send.ts";
import { createLogger } from "../src/logger.ts";

/** What tests run the API with: mail kept in the outbox, a fixed secret key, no map tile server. */
export const testConfig: AppConfig = {
  publicUrl: "http://localhost:3000",
  mail: { smtpUrl: undefined, from: "Sigap 112 <no-reply@sigap112.test>", devOutbox: true },
  secretKeys: parseSecretKeys(testSecretKeys),
  trustedProxies: ["127.0.0.1", "::1"],
  webhookAllowedNetworks: [],
  webhookCa: null,
  liveStreamReadmitMs,
  mapTileUrl: null,
  billingSeller: {
    name: "Sigap 112 (uji)",
    address: "Jl. Medan Merdeka Barat No. 9, Jakarta Pusat 10110",
    npwp: null,
    bank: { name: "Bank uji", accountNumber: "123-456-7890", accountName: "Sigap 112" },
  },
};

/** A pino destination that keeps each JSON log line, parsed, for assertions. */
export function logSink() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { sink, lines };
}

/** The real API on a real port, its JSON log lines collected for assertions. */
export async function startTestApi(databaseUrl: string, config: Partial<AppConfig> = {}) {
  const { sink, lines: logLines } = logSink();
  const database = createDatabase(databaseUrl, { max: 2 });
  const boss = createBoss(databaseUrl, "sender");
  boss.on("error", () => {});
  const jobs = jobSender(boss);
  const app = createApp({
    db: database.db,
    logger: createLogger("info", "api", sink),
    config: { ...testConfig, ...config },
    listen: database.sql.listen.bind(database.sql),
    jobs,
  });
  const port = await freePort();
  const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" });
  outlastClientKeepAlive(server);
  return {
    url: `http://127.0.0.1:${port}`,
    logLines,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await jobs.stop();
      await database.close();
    },
  };
}
