import { chromium, type Browser } from "playwright-core";
import { chromiumPath } from "./chromium.ts";

/**
 * Headless Debian Chromium driven by playwright-core. The flags keep it from reaching for Google's
 * services, which a closed network refuses (slowly, and many at a time).
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
