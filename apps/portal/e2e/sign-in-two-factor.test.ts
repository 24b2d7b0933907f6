import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEndToEnd } from "@sigap/dev/e2e";
import { connectTestDatabase, createTestTenant, deleteTestTenants, type TestTenant } from "@sigap/tenancy/testing";
import { createMember, deleteUsers } from "./people.ts";
import { openPage } from "./navigation.ts";

const database = connectTestDatabase();
let e2e: Awaited<ReturnType<typeof startEndToEnd>>;
let context: BrowserContext;
let page: Page;
let tenant: TestTenant;
let admin: Awaited<ReturnType<typeof createMember>>;
let operator: Awaited<ReturnType<typeof createMember>>;
let totpKey: Uint8Array;

/** The code an authenticator app shows `stepsAhead` 30-second steps from now (the API accepts ±1). */
function totpCode(stepsAhead = 0): string {
  return generateHOTP(totpKey, BigInt(Math.floor(Date.now() / 30_000) + stepsAhead), 6);
}

beforeAll(async () => {
  e2e = await startEndToEnd();
  context = await e2e.browser.newContext({ baseURL: e2e.portalUrl });
  page = await context.newPage();
  tenant = await createTestTenant(database.owner);
  admin = await createMember(database.owner, tenant.id, "tenant_admin", "Sari Admin Daerah");
  operator = await createMember(database.owner, tenant.id, "operator", "Dedi Operator");
});

afterAll(async () => {
  await e2e.stop();
  await deleteTestTenants(database.owner, [tenant]);
  await deleteUsers(database.owner, [admin.email, operator.email]);
  await database.close();
});

async function signIn(password: string) {
  await openPage(page, "/sign-in");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByTestId("sign-in-submit").click();
}

describe("signing in with two-step verification", () => {
  it("says only that email or password is wrong", async () => {
    await signIn("not the password at all");
    await expect.poll(() => page.getByTestId("form-error").textContent()).toContain("Email atau kata sandi salah.");
    expect(page.url()).toBe(`${e2e.portalUrl}/sign-in`);
  });

  it("makes a tenant admin enrol first, shows recovery codes once, then lands in their tenant", async () => {
    await signIn(admin.password);
    await page.waitForURL("**/sign-in/enrol");
    await expect.poll(() => page.getByText("Peran Anda mewajibkan verifikasi dua langkah").count()).toBe(1);
    await expect.poll(() => page.locator("svg").count()).toBeGreaterThan(0);

    const manualKey = (await page.getByTestId("manual-key").textContent()) ?? "";
    totpKey = decodeBase32IgnorePadding(manualKey.replace(/\s/g, ""));
    await page.getByLabel("Kode 6 digit").fill(totpCode());
    await page.getByTestId("enrol-submit").click();

    await page.getByTestId("recovery-codes").waitFor();
    await expect.poll(() => page.getByTestId("recovery-code").count()).toBe(10);
    expect(await page.getByTestId("enrol-continue").isDisabled()).toBe(true);
    await page.getByTestId("codes-saved").check();
    await page.getByTestId("enrol-continue").click();

    await page.waitForURL(`**/t/${tenant.slug}`);
    expect(await page.getByTestId("signed-in-as").textContent()).toContain(admin.displayName);
    const [row] = await database.owner.sql<{ enrolled: boolean }[]>`
      select totp_key_encrypted is not null as enrolled from users where id = ${admin.id}`;
    expect(row?.enrolled).toBe(true);
  });

  it("signs out from the header", async () => {
    await page.getByTestId("sign-out").click();
    await page.waitForURL(`${e2e.portalUrl}/`);
    await page.getByTestId("sign-in-link").waitFor();
    expect(await page.getByTestId("signed-in-as").count()).toBe(0);
  });

  it("asks for the authenticator code next time, refusing a wrong one", async () => {
    await signIn(admin.password);
    await page.waitForURL("**/sign-in/two-factor");
    const codeField = page.getByLabel("Kode 6 digit");
    expect(await codeField.getAttribute("autocomplete")).toBe("one-time-code");

    await codeField.fill(totpCode() === "000000" ? "111111" : "000000");
    await page.getByTestId("verify-submit").click();
    await expect.poll(() => page.getByTestId("field-error-code").textContent()).toContain("Kode salah");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("code");

    // The enrolment code's step is spent; the next step's code is one the API still accepts.
    await codeField.fill(totpCode(1));
    await page.getByTestId("verify-submit").click();
    await page.waitForURL(`**/t/${tenant.slug}`);
    expect(await page.getByTestId("signed-in-as").textContent()).toContain(admin.displayName);
  });
});

describe("promotion while signed in", () => {
  it("sends an operator made tenant admin to enrolment at their next page, carrying that page along", async () => {
    const operatorPage = await (await e2e.browser.newContext({ baseURL: e2e.portalUrl })).newPage();
    await openPage(operatorPage, "/sign-in");
    await operatorPage.getByLabel("Email").fill(operator.email);
    await operatorPage.getByLabel("Kata sandi").fill(operator.password);
    await operatorPage.getByTestId("sign-in-submit").click();
    await operatorPage.waitForURL(`**/t/${tenant.slug}`);

    await database.owner.sql`
      update memberships set role = 'tenant_admin' where tenant_id = ${tenant.id} and user_id = ${operator.id}`;
    await openPage(operatorPage, `/t/${tenant.slug}/users`);
    await operatorPage.waitForURL("**/sign-in/enrol?redirect=*");
    expect(new URL(operatorPage.url()).searchParams.get("redirect")).toBe(`/t/${tenant.slug}/users`);
    await expect.poll(() => operatorPage.getByText("Peran Anda mewajibkan verifikasi dua langkah").count()).toBe(1);
  });
});
