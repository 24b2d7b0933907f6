import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startEndToEnd } from "@sigap/dev/e2e";
import {
  connectTestDatabase,
  createTestTenant,
  deleteTestTenants,
  type TestTenant,
} from "@sigap/tenancy/testing";
import { createMember, deleteUsers, signedInCookie } from "./people.ts";

export interface TenantAdminBrowser {
  e2e: Awaited<ReturnType<typeof startEndToEnd>>;
  database: ReturnType<typeof connectTestDatabase>;
  /** A browser context signed in (second factor passed) as `admin`. */
  context: BrowserContext;
  /** The same session as a `Cookie` header, for calls made outside the browser. */
  cookie: string;
  tenant: TestTenant;
  admin: Awaited<ReturnType<typeof createMember>>;
}

/**
 * The arrangement most portal tests start from: the whole stack running, a fresh tenant in
 * onboarding, and a browser signed in as its admin. Call it at a file's top level: it registers the
 * hooks that arrange and clean up; the fields are set once `beforeAll` has run. `stack` passes
 * more environment to the API and worker.
 */
export function useTenantAdminBrowser(
  stack: Parameters<typeof startEndToEnd>[0] = {},
): TenantAdminBrowser {
  const arranged = { database: connectTestDatabase() } as TenantAdminBrowser;
  beforeAll(async () => {
    arranged.e2e = await startEndToEnd(stack);
    arranged.tenant = await createTestTenant(arranged.database.owner, "onboarding");
    arranged.admin = await createMember(
      arranged.database.owner,
      arranged.tenant.id,
      "tenant_admin",
      "Sari Admin",
    );
    arranged.context = await arranged.e2e.browser.newContext({ baseURL: arranged.e2e.portalUrl });
    arranged.cookie = await signedInCookie(arranged.database.owner, arranged.admin.id);
    const [name, value] = arranged.cookie.split("=") as [string, string];
    await arranged.context.addCookies([{ name, value, url: arranged.e2e.portalUrl }]);
  });
  afterAll(async () => {
    await arranged.e2e.stop();
    await deleteTestTenants(arranged.database.owner, [arranged.tenant]);
    await deleteUsers(arranged.database.owner, [arranged.admin.email]);
    await arranged.database.close();
  });
  return arranged;
}

/**
 * Calls the API through the portal's proxy as the arranged admin, in their tenant, as the portal's
 * own pages would; throws with the API's answer when it refuses.
 */
export function adminApi(arranged: TenantAdminBrowser) {
  return async <T>(
    procedure: string,
    input: Record<string, unknown>,
    kind: "query" | "mutation" = "mutation",
  ): Promise<T> => {
    const url = `${arranged.e2e.portalUrl}/trpc/${procedure}`;
    const body = { tenantSlug: arranged.tenant.slug, ...input };
    const response =
      kind === "query"
        ? await fetch(`${url}?input=${encodeURIComponent(JSON.stringify(body))}`, {
            headers: { cookie: arranged.cookie },
          })
        : await fetch(url, {
            method: "POST",
            // As a browser's own fetch says it: run without ORIGIN, the local portal forwards its scheme as https, so an http Origin would not match.
            headers: {
              "content-type": "application/json",
              "sec-fetch-site": "same-origin",
              cookie: arranged.cookie,
            },
            body: JSON.stringify(body),
          });
    const answer = (await response.json()) as { result?: { data: T } };
    if (!response.ok || !answer.result)
      throw new Error(
        `${procedure} answered ${String(response.status)}: ${JSON.stringify(answer)}`,
      );
    return answer.result.data;
  };
}
