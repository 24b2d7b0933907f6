import type { Locale } from "#lib/i18n/index.ts";

declare global {
  namespace App {
    interface Locals {
      /** From the `locale` cookie, resolved once per request in hooks.server.ts. */
      locale: Locale;
    }
    interface PageData {
      /** Every page renders in this locale; set by the root +layout.server.ts. */
      locale: Locale;
    }
  }
}

export {};
