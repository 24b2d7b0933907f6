import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import jsQR from "jsqr";
import type { BrowserContext, Locator, Page } from "playwright-core";
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

/**
 * What a phone's camera reads from the enrolment QR code: the code is drawn from its pixels (the
 * page's SVG rendered onto a canvas, with a white margin) and decoded, so a code that merely exists
 * but says something else, or cannot be scanned, fails.
 */
async function scannedQrText(qrCode: Locator): Promise<string | undefined> {
  const size = 240;
  const pixels = await qrCode.locator("svg").evaluate(async (svg, side) => {
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = side;
    canvas.height = side;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2D canvas");
    context.fillStyle = "#fff";
    context.fillRect(0, 0, side, side);
    context.drawImage(image, side / 10, side / 10, (side * 8) / 10, (side * 8) / 10);
    return Array.from(context.getImageData(0, 0, side, side).data);
  }, size);
  return jsQR(Uint8ClampedArray.from(pixels), size, size)?.data;
}

async function signIn(password: string) {
  await openPage(page, "/sign-in");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByTestId("sign-in-submit").click();
}

describe("signing in with two-step verification", () => {
  it("says only that email or password is wrong", async () => {
    await signIn("not the password at all");
    await expect
      .poll(() => page.getByTestId("form-error").textContent())
      .toContain("Email atau kata sandi salah.");
    expect(page.url()).toBe(`${e2e.portalUrl}/sign-in`);
  });

  it("makes a tenant admin enrol first, shows recovery codes once, then lands in their tenant", async () => {
    await signIn(admin.password);
    await page.waitForURL("**/sign-in/enrol");
    await expect
      .poll(() => page.getByText("Peran Anda mewajibkan verifikasi dua langkah").count())
      .toBe(1);
    const manualKey = ((await page.getByTestId("manual-key").textContent()) ?? "").replace(
      /\s/g,
      "",
    );
    // The QR code carries the same key as the text beside it, for this person, from Sigap 112.
    const scanned = new URL(
      (await scannedQrText(page.getByRole("img", { name: "Kode QR" }))) ?? "",
    );
    expect(scanned.protocol).toBe("otpauth:");
    expect(scanned.host).toBe("totp");
    expect(decodeURIComponent(scanned.pathname)).toBe(`/Sigap 112:${admin.email}`);
    expect(scanned.searchParams.get("secret")).toBe(manualKey);
    expect(scanned.searchParams.get("issuer")).toBe("Sigap 112");
    totpKey = decodeBase32IgnorePadding(manualKey);
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
    await expect
      .poll(() => page.getByTestId("field-error-code").textContent())
      .toContain("Kode salah");
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
    expect(new URL(operatorPage.url()).searchParams.get("redirect")).toBe(
      `/t/${tenant.slug}/users`,
    );
    await expect
      .poll(() => operatorPage.getByText("Peran Anda mewajibkan verifikasi dua langkah").count())
      .toBe(1);
  });
});
