import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { childEnv, repoRoot } from "./env.ts";

export interface StackOptions {
  appUrl: string;
  apiPort: number;
  portalPort: number;
  logLevel?: string;
  /** SIGAP_SECRET_KEYS for the API and worker (see apps/api/src/env.ts). */
  secretKeys: string;
  /** Without the job worker (default: with it), so that all database traffic is the API's, as bench/http.ts counts it. */
  worker?: boolean;
  /** Without the portal (default: with it), for benchmarks of the API alone. */
  portal?: boolean;
  /** Where process output goes: the terminal (prefixed per process) or a log file. */
  output: "terminal" | { file: string };
  /** More environment for the API and the worker (e.g. where webhooks may go in a test). */
  env?: Record<string, string>;
}

export interface RunningStack {
  portalUrl: string;
  apiUrl: string;
  stop: () => Promise<void>;
}

/**
 * Starts the API, the worker and the built portal as child processes and waits until the API's
 * health check and the portal answer. Used by `npm start` and by the end-to-end tests alike.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const apiUrl = `http://127.0.0.1:${options.apiPort}`;
  const portalUrl = `http://127.0.0.1:${options.portalPort}`;
  const shared = {
    DATABASE_APP_URL: options.appUrl,
    LOG_LEVEL: options.logLevel ?? "info",
    SIGAP_SECRET_KEYS: options.secretKeys,
    PUBLIC_URL: portalUrl.replace("127.0.0.1", "localhost"),
    // Local stacks keep mail in Postgres and show it at /dev/outbox; never set in production.
    SIGAP_DEV_OUTBOX: "true",
    ...options.env,
  };
  const logFile =
    typeof options.output === "object"
      ? createWriteStream(options.output.file, { flags: "a" })
      : undefined;

  const processes = [
    launch("api", ["apps/api/src/server.ts"], { ...shared, API_PORT: String(options.apiPort) }),
    ...(options.worker === false ? [] : [launch("worker", ["apps/api/src/worker.ts"], shared)]),
    ...(options.portal === false
      ? []
      : [
          launch("portal", ["apps/portal/build/index.js"], {
            PORT: String(options.portalPort),
            HOST: "127.0.0.1",
            API_URL: apiUrl,
            // The API's request body limit (apps/api/src/http/body-limit.ts); adapter-node's default is 512 KiB.
            BODY_SIZE_LIMIT: "2M",
            // As behind a TLS-terminating proxy: the scheme browsers used arrives in X-Forwarded-Proto.
            PROTOCOL_HEADER: "x-forwarded-proto",
          }),
        ]),
  ];

  function launch(name: string, args: string[], env: Record<string, string>): ChildProcess {
    // Detached, so a Ctrl-C in the terminal reaches only `npm start`, which stops the processes
    // in order (servers first, then Postgres) instead of all of them at once.
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      env: childEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => {
        if (logFile) logFile.write(`[${name}] ${line}\n`);
        else process.stdout.write(`[${name}] ${line}\n`);
      });
    }
    return child;
  }

  async function stop() {
    await Promise.all(
      processes.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) {
              resolve();
              return;
            }
            child.once("exit", () => {
              resolve();
            });
            child.kill("SIGTERM");
            setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
          }),
      ),
    );
    logFile?.end();
  }

  try {
    await Promise.all([
      waitForOk(`${apiUrl}/healthz`, processes),
      ...(options.portal === false ? [] : [waitForOk(`${portalUrl}/`, processes)]),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { portalUrl, apiUrl, stop };
}

/** Polls `url` until it answers 200; fails fast if any of the processes has died. */
async function waitForOk(
  url: string,
  processes: ChildProcess[],
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const dead = processes.find((child) => child.exitCode !== null);
    if (dead)
      throw new Error(
        `${dead.spawnfile} ${dead.spawnargs.slice(1).join(" ")} exited with code ${dead.exitCode}`,
      );
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}
