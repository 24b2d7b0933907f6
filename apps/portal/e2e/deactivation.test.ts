import { readFile } from "node:fs/promises";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEndToEnd } from "@sigap/dev/e2e";
import {
  connectTestDatabase,
  createTestTenant,
  deleteTestTenants,
  type TestTenant,
} from "@sigap/tenancy/testing";
import { createMember, deleteUsers } from "./people.ts";
import { openPage } from "./navigation.ts";

const database = connectTestDatabase();
let e2e: Awaited<ReturnType<typeof startEndToEnd>>;
let adminContext: BrowserContext;
let operatorContext: BrowserContext;
let tenant: TestTenant;
let admin: Awaited<ReturnType<typeof createMember>>;
let operator: Awaited<ReturnType<typeof createMember>>;

beforeAll(async () => {
  e2e = await startEndToEnd();
  tenant = await createTestTenant(database.owner);
  admin = await createMember(database.owner, tenant.id, "tenant_admin", "Rina Admin");
  operator = await createMember(database.owner, tenant.id, "operator", "Budi Operator");
  adminContext = await e2e.browser.newContext({ baseURL: e2e.portalUrl });
  operatorContext = await e2e.browser.newContext({ baseURL: e2e.portalUrl });
});

afterAll(async () => {
  await e2e.stop();
  await deleteTestTenants(database.owner, [tenant]);
  await deleteUsers(database.owner, [admin.email, operator.email]);
  await database.close();
});

/**
 * The admin's session, without an authenticator: signed in over the portal's own API path (the
 * context keeps the cookie), then marked as past the second factor, which sign-in tests cover.
 */
async function signInAdmin(): Promise<Page> {
  const response = await adminContext.request.post("/trpc/auth.signIn", {
    data: { email: admin.email, password: admin.password },
    // As a browser's own fetch says it: run without ORIGIN, the local portal forwards its scheme as https, so an http Origin would not match.
    headers: { "sec-fetch-site": "same-origin" },
  });
  expect(response.status()).toBe(200);
  await database.owner
    .sql`update sessions set two_factor_verified_at = now() where user_id = ${admin.id}`;
  return adminContext.newPage();
}

async function signInOperator(): Promise<Page> {
  const page = await operatorContext.newPage();
  await openPage(page, "/sign-in");
  await page.getByLabel("Email").fill(operator.email);
  await page.getByLabel("Kata sandi").fill(operator.password);
  await page.getByTestId("sign-in-submit").click();
  await page.waitForURL(`**/t/${tenant.slug}`);
  return page;
}

describe("deactivating a member", () => {
  it("ends the member's session at once: their next page is sign-in", async () => {
    const operatorPage = await signInOperator();
    const adminPage = await signInAdmin();

    await openPage(adminPage, `/t/${tenant.slug}/users`);
    const row = adminPage.locator(`[data-testid="member-row"][data-email="${operator.email}"]`);
    await row.getByTestId("deactivate").click();
    const dialog = adminPage.getByTestId("confirm-dialog");
    expect(await dialog.getByRole("heading").textContent()).toBe(
      `Nonaktifkan ${operator.displayName}?`,
    );
    await dialog.getByTestId("confirm-button").click();

    await expect
      .poll(() => row.getByTestId("member-status").textContent())
      .toContain("Nonaktif sejak");
    expect(await adminPage.getByTestId("notice").textContent()).toBe(
      `${operator.displayName} dinonaktifkan.`,
    );
    expect(await row.getByTestId("deactivate").count()).toBe(0);
    const [sessions] = await database.owner.sql<{ count: number }[]>`
      select count(*)::int as count from sessions where user_id = ${operator.id}`;
    expect(sessions?.count).toBe(0);

    await operatorPage.reload();
    expect(new URL(operatorPage.url()).pathname).toBe("/sign-in");
    expect(new URL(operatorPage.url()).searchParams.get("redirect")).toBe(`/t/${tenant.slug}`);
  });

  it("refuses to leave the region without an active admin, and says why", async () => {
    const adminPage = adminContext.pages()[0] ?? (await adminContext.newPage());
    await openPage(adminPage, `/t/${tenant.slug}/users`);
    const row = adminPage.locator(`[data-testid="member-row"][data-email="${admin.email}"]`);
    // Nobody deactivates themselves: the button is not offered.
    expect(await row.getByTestId("deactivate").count()).toBe(0);
    await row.getByRole("button", { name: `Ubah peran ${admin.displayName}` }).click();
    const dialog = adminPage.getByTestId("change-role-dialog");
    await dialog.getByTestId("role-select").selectOption("supervisor");
    await dialog.getByRole("button", { name: "Simpan peran" }).click();
    await expect
      .poll(() => dialog.getByRole("alert").textContent())
      .toBe("Daerah ini harus tetap memiliki setidaknya satu admin daerah yang aktif.");
  });

  it("shows the deactivation in the audit log, filtered through the URL, and downloads it as CSV", async () => {
    const adminPage = adminContext.pages()[0] ?? (await adminContext.newPage());
    await openPage(adminPage, `/t/${tenant.slug}/audit`);
    await adminPage.getByLabel("Tindakan").selectOption({ label: "Menonaktifkan pengguna" });
    await adminPage.getByRole("button", { name: "Terapkan" }).click();
    await adminPage.waitForURL(`**/t/${tenant.slug}/audit?action=users.deactivate`);
    const rows = adminPage.getByTestId("audit-row");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute("data-action")).toBe("users.deactivate");
    expect(await rows.first().textContent()).toContain(admin.displayName);
    // A sentence naming whom it was done to, not the action's code and the person's id.
    expect(await rows.first().getByRole("cell").nth(2).textContent()).toMatch(
      new RegExp(`^\\s*Menonaktifkan pengguna:\\s*${operator.displayName}\\s*$`),
    );

    const [download] = await Promise.all([
      adminPage.waitForEvent("download"),
      adminPage.getByTestId("audit-export").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^audit-${tenant.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    const csv = await readFile(await download.path(), "utf8");
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("users.deactivate");
  });
});
