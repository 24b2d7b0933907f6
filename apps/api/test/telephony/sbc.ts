import { execFile, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { kamailioPath } from "@sigap/dev/kamailio";
import type { SbcFiles } from "../../src/telephony/kamailio-sbc.ts";
import { finalResponseTo, SipEndpoint } from "./sip.ts";

/** A fresh directory for an SBC's files and its runtime state (pid file), so root and ordinary users alike can run it. */
export function sbcDirectory(): Promise<string> {
  return mkdtemp(join(tmpdir(), "sigap-sbc-"));
}

export async function writeSbcFiles(directory: string, files: SbcFiles): Promise<string> {
  for (const name of Object.keys(files) as (keyof SbcFiles)[])
    await writeFile(join(directory, name), files[name], { mode: 0o600 });
  return join(directory, "kamailio.cfg");
}

/** `kamailio -c`: whether Kamailio accepts the script (with what it includes), and what it said. */
export async function checkKamailioConfig(
  script: string,
): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(kamailioPath, ["-c", "-f", script]);
    return { ok: true, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

function optionsRequest(probe: SipEndpoint, port: number, attempt: number): string {
  return [
    `OPTIONS sip:ping@127.0.0.1:${String(port)} SIP/2.0`,
    `Via: SIP/2.0/UDP ${probe.hostPort};branch=z9hG4bKprobe${String(attempt)};rport`,
    "Max-Forwards: 70",
    `From: <sip:probe@${probe.hostPort}>;tag=probe`,
    `To: <sip:ping@127.0.0.1:${String(port)}>`,
    `Call-ID: probe-${String(attempt)}@sigap-test`,
    `CSeq: ${String(attempt)} OPTIONS`,
    "Content-Length: 0",
    "",
    "",
  ].join("\r\n");
}

/**
 * Kamailio in the foreground on `script`, its log kept; resolves once it answers an OPTIONS from
 * `probeAddress` (a trunk source) at `port`, so tests wait on the SBC itself rather than a delay.
 */
export async function startKamailio(
  script: string,
  directory: string,
  port: number,
  probeAddress = "127.0.0.1",
) {
  const child: ChildProcess = spawn(
    kamailioPath,
    ["-DD", "-E", "-f", script, "-Y", directory, "-P", join(directory, "kamailio.pid")],
    {
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let log = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  let exitedEarly: Error | undefined;
  void once(child, "exit").then(() => {
    exitedEarly = new Error(`kamailio exited before answering:\n${log.slice(-4000)}`);
  });
  const probe = await SipEndpoint.open(probeAddress);
  try {
    for (let attempt = 1; ; attempt++) {
      if (exitedEarly) throw exitedEarly;
      if (attempt > 100)
        throw new Error(`kamailio did not answer OPTIONS within 100 tries:\n${log.slice(-4000)}`);
      probe.send(optionsRequest(probe, port, attempt), port);
      try {
        await probe.next(finalResponseTo("OPTIONS"), "answer to OPTIONS", 200);
        break;
      } catch {
        // Not listening yet: ask again.
      }
    }
  } catch (error) {
    child.kill("SIGTERM");
    throw error;
  } finally {
    probe.close();
  }
  return {
    log: () => log,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = once(child, "exit");
        child.kill("SIGTERM");
        await gone;
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}
