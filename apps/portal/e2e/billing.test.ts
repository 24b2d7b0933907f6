import { randomUUID } from "node:crypto";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEndToEnd } from "@sigap/dev/e2e";
import {
  connectTestDatabase,
  createTestTenant,
  deleteTestTenants,
  type TestTenant,
} from "@sigap/tenancy/testing";
import { fitsWidth, openPage } from "./navigation.ts";
import { createMember, createPlatformPerson, deleteUsers, signedInContext } from "./people.ts";

// Billing without a card processor: a platform admin creates a plan, gives a region a billing
// profile and the plan from two months back, issues the invoices that are due, and records the bank
// transfers against one of them, first part of it, then the rest. The region's admin then sees the
// invoice paid and takes its PDF, without any of the platform admin's controls.

const database = connectTestDatabase();
let e2e: Awaited<ReturnType<typeof startEndToEnd>>;
let tenant: TestTenant;
let tenantAdmin: Awaited<ReturnType<typeof createMember>>;
let platformAdmin: Awaited<ReturnType<typeof createPlatformPerson>>;
let admin: Page;
const suffix = randomUUID().slice(0, 8);
const plan = { code: `uji-${suffix}`, name: `Standar Uji ${suffix}` };
const taxName = `UJI-${suffix}`;
/** The newest invoice's path and number, and the older one's total, once issued. */
let invoicePath: string;
let invoiceNumber: string;
let olderTotal: number;

/** Rupiah as the portal shows them; Intl separates `Rp` with a no-break space, compared as a plain one. */
const rupiah = (amount: number) => `Rp ${new Intl.NumberFormat("id-ID").format(amount)}`;
const text = async (locator: Locator) =>
  ((await locator.textContent()) ?? "").replace(/\s+/g, " ").trim();

/** The first day of the month two months before this one, as a date field takes it. */
function twoMonthsAgo(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1))
    .toISOString()
    .slice(0, 10);
}

beforeAll(async () => {
  e2e = await startEndToEnd();
  tenant = await createTestTenant(database.owner, "live");
  tenantAdmin = await createMember(database.owner, tenant.id, "tenant_admin", "Sari Admin Daerah");
  platformAdmin = await createPlatformPerson(database.owner, "platform_admin");
  admin = await (
    await signedInContext(e2e.browser, e2e.portalUrl, database.owner, platformAdmin.id)
  ).newPage();
});

afterAll(async () => {
  await e2e.stop();
  await deleteTestTenants(database.owner, [tenant]);
  // The plan and the tax rate are the platform's, not the region's: removed after the region that used them.
  await database.owner.sql`delete from billing_plans where code = ${plan.code}`;
  await database.owner.sql`delete from tax_rates where name = ${taxName}`;
  await deleteUsers(database.owner, [tenantAdmin.email, platformAdmin.email]);
  await database.close();
});

describe("billing by bank transfer", () => {
  it("lets the platform admin create a plan, change its price, and add a dated tax rate in percent", async () => {
    await openPage(admin, "/");
    await admin.getByTestId("platform-billing-link").click();
    await admin.waitForURL("**/platform/billing");
    await admin.getByTestId("billing-plans-link").click();
    await admin.waitForURL("**/platform/billing/plans");
    await admin.locator("html[data-hydrated]").waitFor({ state: "attached" });

    const form = admin.getByTestId("plan-form");
    await form.getByTestId("plan-code").fill(plan.code);
    await form.getByTestId("plan-name-input").fill(plan.name);
    await form.getByTestId("plan-baseFee").fill("2.000.000,50");
    await form.getByTestId("plan-save").click();
    // Rupiah have no cents: the comma is refused beside the field, in Indonesian.
    await expect
      .poll(() => form.getByTestId("field-error-baseFee").textContent())
      .toBe("Isi rupiah utuh, 0 atau lebih, mis. 1.500.000.");
    await form.getByTestId("plan-baseFee").fill("2.000.000");
    await form.getByTestId("plan-seatFee").fill("50.000");
    await form.getByTestId("plan-callAllowance").fill("1.000");
    await form.getByTestId("plan-callFee").fill("1.500");
    await form.getByTestId("plan-save").click();
    const row = admin.locator(`[data-testid="plan-row"][data-code="${plan.code}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await text(row)).toContain(rupiah(2_000_000));
    expect(await text(row)).toContain(rupiah(50_000));
    // Ready for the next plan.
    expect(await form.getByTestId("plan-code").inputValue()).toBe("");

    // A price changes from the next invoice on; the code stays.
    await row.getByTestId("plan-edit").click();
    expect(await form.getByRole("heading").textContent()).toContain(`Ubah paket ${plan.name}`);
    expect(await form.getByTestId("plan-code").count()).toBe(0);
    expect(await form.getByTestId("plan-baseFee").inputValue()).toBe("2.000.000");
    await form.getByTestId("plan-callFee").fill("2.000");
    await form.getByTestId("plan-save").click();
    await expect
      .poll(() => admin.getByTestId("notice").textContent())
      .toBe(`Paket ${plan.name} disimpan; berlaku mulai tagihan berikutnya.`);
    expect(await text(row)).toContain(rupiah(2_000));

    const tax = admin.getByTestId("tax-rate-form");
    await tax.getByTestId("tax-name").fill(taxName);
    await tax.getByTestId("tax-effective-from").fill("2031-01-01");
    await tax.getByTestId("tax-rate-percent").fill("sebelas");
    await tax.getByTestId("tax-rate-save").click();
    await expect.poll(() => tax.getByTestId("field-error-rateBasisPoints").count()).toBe(1);
    await tax.getByTestId("tax-rate-percent").fill("11,5");
    await tax.getByTestId("tax-rate-save").click();
    const rate = admin.locator(`[data-testid="tax-rate-row"][data-name="${taxName}"]`);
    await expect.poll(() => rate.count()).toBe(1);
    expect(await text(rate.getByTestId("tax-rate"))).toBe("11,5%");
  });

  it("gives the region a billing profile and the plan from two months back, then issues the due invoices", async () => {
    await openPage(admin, `/t/${tenant.slug}/billing`);
    expect(await admin.getByTestId("invoices-empty").count()).toBe(1);
    expect(await admin.getByTestId("no-plan").count()).toBe(1);

    const profile = admin.getByTestId("billing-profile-form");
    await profile
      .getByTestId("profile-legal-name")
      .fill("Pemerintah Kabupaten Uji c.q. Dinas Kominfo");
    await profile.getByTestId("profile-npwp").fill("01.234.567.8-901.000");
    await profile.getByTestId("profile-email").fill(`keuangan-${suffix}@sigap112.test`);
    await profile.getByTestId("profile-virtual-account").fill("12");
    await profile.getByTestId("profile-save").click();
    await expect
      .poll(() => profile.getByTestId("field-error-virtualAccount").textContent())
      .toBe("Isi nomor virtual account: 7 sampai 40 digit, boleh dengan spasi dan tanda hubung.");
    await profile.getByTestId("profile-virtual-account").fill("8808 1234 5678 9012");
    await profile.getByTestId("profile-save").click();
    await expect
      .poll(() => admin.getByTestId("virtual-account").textContent())
      .toBe("8808 1234 5678 9012");

    const assign = admin.getByTestId("plan-assign-form");
    const planOption = assign.getByTestId("assign-plan").locator("option", { hasText: plan.name });
    await assign
      .getByTestId("assign-plan")
      .selectOption((await planOption.getAttribute("value")) ?? "");
    await assign.getByTestId("assign-starts-on").fill(twoMonthsAgo());
    await assign.getByTestId("assign-submit").click();
    await expect.poll(() => admin.getByTestId("plan-name").textContent()).toBe(plan.name);
    expect(await text(admin.getByTestId("current-plan"))).toContain(
      `${rupiah(2_000_000)} per bulan`,
    );

    // Two whole months have ended since: one invoice each, newest first.
    await admin.getByTestId("issue-due").click();
    const rows = admin.getByTestId("invoice-row");
    await expect.poll(() => rows.count()).toBe(2);
    expect(
      await rows.evaluateAll((found) => found.map((row) => row.getAttribute("data-status"))),
    ).toEqual(["issued", "issued"]);
    const newest = rows.first();
    invoiceNumber = (await newest.getAttribute("data-number")) ?? "";
    expect(invoiceNumber).toMatch(/^SIGAP\/\d{4}\/\d{6}$/);
    const totals = await rows.evaluateAll((found) =>
      found.map((row) => Number(row.getAttribute("data-total"))),
    );
    await expect
      .poll(async () => text(admin.getByTestId("outstanding")))
      .toBe(rupiah(totals.reduce((sum, total) => sum + total, 0)));
    olderTotal = totals[1] ?? Number.NaN;

    await newest.getByTestId("invoice-link").click();
    await admin.waitForURL(/\/billing\/[0-9a-f-]{36}$/);
    invoicePath = new URL(admin.url()).pathname;
  });

  it("records part of a transfer (the invoice stays open with what remains), then the rest (paid)", async () => {
    await admin.setViewportSize({ width: 390, height: 844 });
    await openPage(admin, invoicePath);
    const invoice = admin.getByTestId("invoice");
    expect(await invoice.getAttribute("data-status")).toBe("issued");
    expect(await admin.getByTestId("invoice-number").textContent()).toBe(invoiceNumber);
    expect(await text(admin.getByTestId("invoice-tax"))).toMatch(/^Rp [\d.]+$/);
    const total = Number(
      (await admin.getByTestId("invoice-total").textContent())?.replace(/\D/g, ""),
    );
    expect(total).toBeGreaterThan(2_000_000);
    expect(await fitsWidth(admin)).toBe(true);

    const form = admin.getByTestId("payment-form");
    await form.getByTestId("payment-reference").fill("TRF-BPD-0001");
    await form.getByTestId("payment-amount").fill("1.000.000");
    await form.getByTestId("payment-submit").click();
    await expect.poll(() => admin.getByTestId("payment-row").count()).toBe(1);
    expect(await text(admin.getByTestId("invoice-remaining"))).toBe(rupiah(total - 1_000_000));
    expect(await text(admin.getByTestId("notice"))).toBe(
      `Pembayaran dicatat. Sisa tagihan ${rupiah(total - 1_000_000)}.`,
    );
    expect(await invoice.getAttribute("data-status")).toBe("issued");

    // The same bank reference twice is one transfer recorded twice: refused beside the field.
    await form.getByTestId("payment-reference").fill("TRF-BPD-0001");
    await form
      .getByTestId("payment-amount")
      .fill(new Intl.NumberFormat("id-ID").format(total - 1_000_000));
    await form.getByTestId("payment-submit").click();
    await expect
      .poll(() => form.getByTestId("field-error-reference").textContent())
      .toBe("Transfer dengan referensi ini sudah dicatat untuk tagihan ini.");

    await form.getByTestId("payment-reference").fill("TRF-BPD-0002");
    await form.getByTestId("payment-submit").click();
    await expect.poll(() => invoice.getAttribute("data-status")).toBe("paid");
    expect(await admin.getByTestId("invoice-status").textContent()).toContain("Lunas");
    expect(await text(admin.getByTestId("invoice-paid"))).toBe(rupiah(total));
    expect(await admin.getByTestId("invoice-remaining").count()).toBe(0);
    expect(await admin.getByTestId("payment-row").count()).toBe(2);
    // Paid: nothing more to record, and a paid invoice cannot be voided.
    expect(await admin.getByTestId("payment-form").count()).toBe(0);
    expect(await admin.getByTestId("void-open").count()).toBe(0);
    expect(await text(admin.getByTestId("notice"))).toBe("Pembayaran dicatat. Tagihan lunas.");
    expect(await fitsWidth(admin)).toBe(true);
  });

  it("shows the region on the platform's dashboard with what it still owes", async () => {
    await openPage(admin, "/platform/billing");
    const row = admin.locator(`[data-testid="billing-region-row"][data-slug="${tenant.slug}"]`);
    await expect.poll(() => row.count()).toBe(1);
    // The older invoice is still open.
    expect(await text(row.getByTestId("region-outstanding"))).toBe(rupiah(olderTotal));
    expect(await fitsWidth(admin)).toBe(true);
  });

  it("voids the older invoice with a reason, issuing a credit note, and refuses to suspend a region with nothing long overdue", async () => {
    await openPage(admin, `/t/${tenant.slug}/billing`);
    const older = admin.getByTestId("invoice-row").nth(1);
    const olderNumber = (await older.getAttribute("data-number")) ?? "";
    await older.getByTestId("invoice-link").click();
    await admin.waitForURL(/\/billing\/[0-9a-f-]{36}$/);
    await admin.getByTestId("void-open").click();
    const dialog = admin.getByTestId("void-dialog");
    expect(await dialog.getByRole("heading").textContent()).toBe(
      `Batalkan tagihan ${olderNumber}?`,
    );
    await dialog.getByTestId("void-dialog-confirm").click();
    await expect
      .poll(() => dialog.getByTestId("field-error-reason").textContent())
      .toBe("Tulis alasannya dalam satu baris (maksimal 500 karakter).");
    await dialog.getByTestId("void-dialog-reason").fill("Jumlah kursi salah hitung");
    await dialog.getByTestId("void-dialog-confirm").click();
    await expect.poll(() => admin.getByTestId("invoice").getAttribute("data-status")).toBe("void");
    expect(await admin.getByTestId("invoice-void-reason").textContent()).toBe(
      "Jumlah kursi salah hitung",
    );
    await admin.getByTestId("credit-note-link").click();
    await expect
      .poll(() => admin.getByTestId("invoice").getAttribute("data-kind"))
      .toBe("credit_note");
    expect(await text(admin.getByTestId("invoice-total"))).toBe(`-${rupiah(olderTotal)}`);

    await openPage(admin, `/t/${tenant.slug}/billing`);
    expect(
      await admin
        .locator('[data-testid="invoice-row"][data-kind="credit_note"]')
        .getByTestId("credit-note-mark")
        .count(),
    ).toBe(1);
    await admin.getByTestId("suspend-open").click();
    const suspend = admin.getByTestId("suspend-dialog");
    await suspend.getByTestId("suspend-dialog-reason").fill("Tagihan belum dibayar");
    await suspend.getByTestId("suspend-dialog-confirm").click();
    await expect
      .poll(() => suspend.getByTestId("field-error-reason").textContent())
      .toBe(
        "Hanya daerah dengan tagihan yang lewat jatuh tempo lebih dari 30 hari yang dapat ditangguhkan.",
      );
    await admin.keyboard.press("Escape");
    expect(await admin.getByTestId("suspension-banner").count()).toBe(0);
  });

  it("shows the region's admin the invoice as paid with its PDF, and none of the platform admin's controls", async () => {
    const page = await (
      await signedInContext(e2e.browser, e2e.portalUrl, database.owner, tenantAdmin.id)
    ).newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await openPage(page, `/t/${tenant.slug}`);
    await page
      .getByRole("navigation", { name: "Menu daerah" })
      .getByRole("link", { name: "Tagihan", exact: true })
      .click();
    await page.waitForURL(`**/t/${tenant.slug}/billing`);
    const row = page.locator(`[data-testid="invoice-row"][data-number="${invoiceNumber}"]`);
    await expect.poll(() => row.getAttribute("data-status")).toBe("paid");
    expect(await text(row.getByTestId("invoice-status"))).toBe("Lunas");
    expect(await page.getByTestId("billing-manage").count()).toBe(0);
    expect(await page.getByTestId("issue-due").count()).toBe(0);
    expect(await page.getByTestId("billing-profile-form").count()).toBe(0);
    expect(await fitsWidth(page)).toBe(true);

    await row.getByTestId("invoice-link").click();
    await page.waitForURL(`**${invoicePath}`);
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    expect(await page.getByTestId("invoice").getAttribute("data-status")).toBe("paid");
    expect(await page.getByTestId("payment-form").count()).toBe(0);
    expect(await page.getByTestId("void-open").count()).toBe(0);
    const [pdf] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("invoice-pdf").click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect(await fitsWidth(page)).toBe(true);
    // The platform's billing pages do not exist for a region's admin.
    expect((await page.goto("/platform/billing"))?.status()).toBe(404);
    await page.close();
  });
});
