import { existsSync } from "node:fs";
import { userInfo } from "node:os";
import { childEnv } from "./env.ts";
import { run, step } from "./run.ts";

/** Debian's Kamailio 5.6; the SBC tests check and run the configuration the platform generates. */
export const kamailioPath = "/usr/sbin/kamailio";

/** Debian's multiarch directory for this machine's architecture. */
const multiarch = process.arch === "arm64" ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
const modules = `/usr/lib/${multiarch}/kamailio/modules`;

/**
 * The packages the generated SBC script loads modules from: the core (tm, dialog, permissions,
 * htable, mqueue, rtimer), -utils (http_client), -extra (jansson) and -tls (crypto). Each is
 * checked by a module it alone ships, so a machine with the core but not the rest installs them.
 */
const packages: Record<string, string> = {
  kamailio: `${modules}/permissions.so`,
  "kamailio-utils-modules": `${modules}/http_client.so`,
  "kamailio-extra-modules": `${modules}/jansson.so`,
  "kamailio-tls-modules": `${modules}/crypto.so`,
};

/** Installs Debian's Kamailio packages when any is missing; a binary from elsewhere cannot be fetched here. */
export async function ensureKamailio(): Promise<void> {
  const missing = Object.entries(packages).flatMap(([name, file]) =>
    existsSync(file) && existsSync(kamailioPath) ? [] : [name],
  );
  if (missing.length === 0) return;
  if (userInfo().uid !== 0) {
    throw new Error(
      `Kamailio is missing; install it with: sudo apt-get install -y ${Object.keys(packages).join(" ")}`,
    );
  }
  step("installing Debian's kamailio packages for the SBC tests (once)");
  const env = childEnv({ DEBIAN_FRONTEND: "noninteractive" });
  await run("apt-get", ["update", "-qq"], { env });
  await run(
    "apt-get",
    ["install", "-y", "-qq", "--no-install-recommends", ...Object.keys(packages)],
    { env },
  );
}
