import type { Me } from "#lib/auth/me.ts";
import type { Locale } from "#lib/i18n/index.ts";
import type { TenantAccess } from "#lib/tenant/access.ts";

declare global {
  namespace App {
    interface Locals {
      /** From the `locale` cookie, resolved once per request in hooks.server.ts. */
      locale: Locale;
      /** The signed-in person (`auth.me`), or null; loaded once per request in hooks.server.ts. */
      me: Me | null;
    }
    interface PageData {
      /** Every page renders in this locale; set by the root +layout.server.ts. */
      locale: Locale;
      /** The signed-in person, or null; set by the root +layout.server.ts. */
      me: Me | null;
      /** The tenant a `/t/{slug}` page works in; set by that tree's +layout.server.ts. */
      tenant?: TenantAccess;
    }
  }
}

export {};
