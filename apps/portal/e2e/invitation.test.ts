import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEndToEnd } from "@sigap/dev/e2e";
import {
  connectTestDatabase,
  createTestTenant,
  deleteTestTenants,
  type TestTenant,
} from "@sigap/tenancy/testing";
import {
  createMember,
  createPlatformPerson,
  deleteUsers,
  signedInContext,
  signedInCookie,
  uniqueEmail,
} from "./people.ts";
import { openPage } from "./navigation.ts";
import { invitationLinkFromOutbox } from "./outbox.ts";

const database = connectTestDatabase();
let e2e: Awaited<ReturnType<typeof startEndToEnd>>;
let page: Page;
/** A signed-in platform admin: the only kind of person who may read the outbox. */
let platform: Page;
/** The invitation link as the invitee first opened it, to open it again once used. */
let invitationUrl: string;
let tenant: TestTenant;
const inviteeEmail = uniqueEmail("invitee");
const emails = [inviteeEmail];

beforeAll(async () => {
  e2e = await startEndToEnd();
  tenant = await createTestTenant(database.owner);
  const admin = await createMember(database.owner, tenant.id, "tenant_admin", "Admin Undangan");
  emails.push(admin.email);

  // The admin invites through the API, as the users page would (same origin, through the proxy).
  const response = await fetch(`${e2e.portalUrl}/trpc/users.invite`, {
    method: "POST",
    // As a browser's own fetch says it: run without ORIGIN, the local portal forwards its scheme as https, so an http Origin would not match.
    headers: {
      "content-type": "application/json",
      "sec-fetch-site": "same-origin",
      cookie: await signedInCookie(database.owner, admin.id),
    },
    body: JSON.stringify({ tenantSlug: tenant.slug, email: inviteeEmail, role: "operator" }),
  });
  if (!response.ok)
    throw new Error(`users.invite answered ${response.status}: ${await response.text()}`);

  // Mail links use the API's PUBLIC_URL (localhost), so the invitee browses there: one cookie jar.
  const context = await e2e.browser.newContext({
    baseURL: e2e.portalUrl.replace("127.0.0.1", "localhost"),
  });
  page = await context.newPage();

  const platformAdmin = await createPlatformPerson(database.owner, "platform_admin");
  emails.push(platformAdmin.email);
  platform = await (
    await signedInContext(e2e.browser, e2e.portalUrl, database.owner, platformAdmin.id)
  ).newPage();
});

afterAll(async () => {
  await e2e.stop();
  await deleteTestTenants(database.owner, [tenant]);
  await deleteUsers(database.owner, emails);
  await database.close();
});

describe("accepting an invitation from the dev outbox", () => {
  it("the outbox is closed to anyone but a platform admin", async () => {
    await page.goto("/dev/outbox");
    await page.waitForURL("**/sign-in**");
  });

  it("a platform admin finds the invitation mail; the invitee follows its link", async () => {
    await openPage(page, await invitationLinkFromOutbox(platform, inviteeEmail));
    invitationUrl = page.url();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain(
      `Tenant ${tenant.slug}`,
    );
    await expect.poll(() => page.getByText(inviteeEmail).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText("Operator").count()).toBeGreaterThan(0);
  });

  it("explains why a weak password is refused, beside the field", async () => {
    await page.getByLabel("Nama lengkap").fill("Budi Operator");
    await page.getByLabel("Kata sandi baru").fill("password123");
    await page.getByTestId("accept-submit").click();
    await expect.poll(() => page.getByTestId("field-error-password").textContent()).toBeTruthy();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("password");
  });

  it("creates the account, signs the invitee in and lands in the tenant", async () => {
    await page.getByLabel("Kata sandi baru").fill("Kopi tubruk di Malioboro 1945");
    await page.getByTestId("accept-submit").click();
    await page.waitForURL(`**/t/${tenant.slug}`);
    expect(await page.getByTestId("signed-in-as").textContent()).toContain("Budi Operator");

    const [membership] = await database.owner.sql<{ role: string }[]>`
      select m.role from memberships m join users u on u.id = m.user_id
       where u.email = ${inviteeEmail} and m.tenant_id = ${tenant.id}`;
    expect(membership?.role).toBe("operator");
  });

  it("refuses the same link a second time", async () => {
    await openPage(page, invitationUrl);
    await expect.poll(() => page.getByText("Undangan ini sudah dipakai").count()).toBe(1);
  });
});

describe("inviting an agency responder from the users page", () => {
  it("offers the region's agencies by name and binds the invitation to the one chosen", async () => {
    const [pmi] = await database.owner.sql<{ id: string }[]>`
      insert into agencies (tenant_id, agency_type, name) values (${tenant.id}, 'pmi', 'PMI Kota Uji') returning id`;
    await database.owner
      .sql`insert into agencies (tenant_id, agency_type, name, active) values (${tenant.id}, 'damkar', 'Damkar Lama', false)`;
    const [admin] = await database.owner.sql<{ id: string }[]>`
      select user_id as id from memberships where tenant_id = ${tenant.id} and role = 'tenant_admin'`;
    const adminPage = await (
      await signedInContext(e2e.browser, e2e.portalUrl, database.owner, admin?.id ?? "")
    ).newPage();
    await openPage(adminPage, `/t/${tenant.slug}/users`);

    await adminPage.getByTestId("invite-open").click();
    const dialog = adminPage.getByTestId("invite-dialog");
    const responderEmail = uniqueEmail("responder");
    emails.push(responderEmail);
    await dialog.getByLabel("Email").fill(responderEmail);
    await dialog.getByTestId("role-select").selectOption("agency_responder");
    const agency = dialog.getByLabel("Instansi");
    // By name, inactive ones marked, in alphabetical order, after the prompt to choose.
    expect(await agency.locator("option").allTextContents()).toEqual([
      "Pilih instansi petugas ini",
      "Damkar Lama (tidak aktif)",
      "PMI Kota Uji",
    ]);

    // Sending without choosing names the field.
    await dialog.getByRole("button", { name: "Kirim undangan" }).click();
    await expect
      .poll(() => dialog.getByTestId("field-error-agencyId").textContent())
      .toBe("Pilih salah satu instansi daerah ini.");

    await agency.selectOption({ label: "PMI Kota Uji" });
    await dialog.getByRole("button", { name: "Kirim undangan" }).click();
    await expect
      .poll(() => adminPage.getByTestId("notice").textContent())
      .toBe(`Undangan dikirim ke ${responderEmail}.`);
    const [invitation] = await database.owner.sql<{ role: string; agency_id: string | null }[]>`
      select role, agency_id from invitations where tenant_id = ${tenant.id} and email = ${responderEmail}`;
    expect(invitation).toEqual({ role: "agency_responder", agency_id: pmi?.id });
    await adminPage.close();
  });
});
