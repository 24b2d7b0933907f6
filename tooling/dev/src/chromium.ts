import { existsSync } from "node:fs";
import { userInfo } from "node:os";
import { childEnv } from "./env.ts";
import { run, step } from "./run.ts";

/** Debian's Chromium; the end-to-end tests drive it through playwright-core. */
export const chromiumPath = "/usr/bin/chromium";

/**
 * Installs Debian's `chromium` package when it is missing. Browser downloads from the internet are
 * not possible on our machines, so the distribution's package is the one browser we can rely on.
 */
export async function ensureChromium(): Promise<void> {
  if (existsSync(chromiumPath)) return;
  if (userInfo().uid !== 0) {
    throw new Error(
      `${chromiumPath} is missing; install it with: sudo apt-get install -y chromium`,
    );
  }
  step("installing Debian's chromium package for the browser tests (once)");
  const env = childEnv({ DEBIAN_FRONTEND: "noninteractive" });
  await run("apt-get", ["update", "-qq"], { env });
  await run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], { env });
}
