import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openPage } from "./navigation.ts";
import { publishFirstSopVersion } from "./sop.ts";
import { useTenantAdminBrowser } from "./tenant-admin.ts";

// The SOP's life in the browser: a rule edited into an error the editor shows at its field, fixed,
// saved, simulated against the live version, published as the next version number, then rolled back;
// then a P1 type left without an agency or fallback, shown in the coverage table and refused.

const arranged = useTenantAdminBrowser();

const liveVersion = (page: Page) => page.getByTestId("sop-live-version").getAttribute("data-number");

describe("the SOP editor", () => {
  it("edits a rule into an error, fixes it, simulates the change and publishes the next version", async () => {
    const { context, tenant } = arranged;
    const page = await context.newPage();
    await openPage(page, `/t/${tenant.slug}/onboarding/sop`);
    await page.getByTestId("sop-choose-national").click();
    await publishFirstSopVersion(page);

    await openPage(page, `/t/${tenant.slug}/sop`);
    expect(await liveVersion(page)).toBe("1");
    expect(await page.getByTestId("sop-findings").getAttribute("data-errors")).toBe("0");

    await page.getByLabel("Cari aturan").fill("fire.base");
    const card = page.locator('[data-testid="rule-card"][data-rule-id="fire.base"]');
    await card.getByTestId("rule-toggle").click();

    // A type that is no pattern: the editor validates as the author types, beside the field.
    await card.getByTestId("rule-types").fill("kebakaran");
    await card.getByTestId("rule-types").press("Tab");
    await expect.poll(() => page.getByTestId("sop-findings").getAttribute("data-errors")).toBe("1");
    expect(await card.getByTestId("rule-errors").textContent()).toBe("1 galat");
    expect(await card.getByTestId("field-findings").first().textContent()).toContain("fire.*");

    await card.getByTestId("rule-types").fill("fire.*");
    await card.getByTestId("rule-types").press("Tab");
    await expect.poll(() => page.getByTestId("sop-findings").getAttribute("data-errors")).toBe("0");

    // The real change: PMI supports every fire.
    await card.getByTestId("rule-agency-add").click();
    const added = card.getByTestId("rule-agency").last();
    await added.locator("select").first().selectOption("type:pmi");
    await added.locator("select").nth(1).selectOption("support");
    expect(await page.getByTestId("sop-publish").isDisabled()).toBe(true);
    await page.getByTestId("sop-save").click();
    await expect.poll(() => page.getByTestId("notice").textContent()).toBe("Draf disimpan.");
    await expect.poll(() => page.getByTestId("sop-draft-state").textContent()).toContain("berbeda");

    // The simulator plans a building fire with the draft and the live version side by side.
    await page.getByRole("link", { name: "Simulator" }).click();
    await page.waitForURL(`**/t/${tenant.slug}/sop/simulator`);
    await page.getByTestId("sim-type").selectOption("fire");
    await page.getByTestId("sim-subtype").selectOption("fire.building");
    await page.getByTestId("sim-run").click();
    const pmi = page.getByTestId("sim-plan-draft").locator('[data-testid="sim-agency"][data-key="type:pmi"]');
    await expect.poll(() => pmi.getAttribute("data-change")).toBe("added");
    expect(await page.getByTestId("sim-plan-published").locator('[data-testid="sim-agency"][data-key="type:damkar"]').count()).toBe(1);

    await page.getByRole("link", { name: "Editor draf" }).click();
    await page.waitForURL(`**/t/${tenant.slug}/sop`);
    await page.getByTestId("sop-publish").click();
    await expect.poll(() => page.getByTestId("sop-check").getAttribute("data-publishable")).toBe("true");
    await page.getByTestId("sop-publish-confirm").click();
    await expect.poll(() => page.getByTestId("sop-publish-note").getAttribute("aria-invalid")).toBe("true");
    await page.getByTestId("sop-publish-note").fill("PMI mendukung setiap kebakaran");
    await page.getByTestId("sop-publish-confirm").click();
    await expect.poll(() => liveVersion(page)).toBe("2");
    expect(await page.getByTestId("notice").textContent()).toBe("Versi 2 diterbitkan dan kini dipakai untuk dispatch.");
    await expect.poll(() => page.getByTestId("sop-draft-state").textContent()).toContain("sama");

    await page.getByRole("link", { name: "Versi", exact: true }).click();
    await expect.poll(() => page.getByTestId("sop-version-row").count()).toBe(2);

    // Back to version 1, published again as version 3 with a note.
    await page.locator('[data-testid="sop-version-row"][data-number="1"]').getByTestId("sop-rollback").click();
    await page.getByTestId("sop-rollback-confirm").click();
    await expect.poll(() => page.getByTestId("sop-rollback-note").getAttribute("aria-invalid")).toBe("true");
    await page.getByTestId("sop-rollback-note").fill("PMI ternyata ditangani lewat PSC 119");
    await page.getByTestId("sop-rollback-confirm").click();
    await expect.poll(() => liveVersion(page)).toBe("3");
    await expect.poll(() => page.getByTestId("sop-version-row").count()).toBe(3);

    // Coverage: the region has no agencies yet, so a fire's Damkar is reached through its fallback
    // (113). Without it, nobody answers a P1 fire: the table says so in red and publishing is refused.
    await openPage(page, `/t/${tenant.slug}/sop`);
    await page.getByLabel("Cari aturan").fill("fire.base");
    await card.getByTestId("rule-toggle").click();
    const damkar = card.getByTestId("rule-agency").first();
    for (const field of ["Nomor cadangan", "Cadangan bila tidak ada instansi aktif"]) {
      await damkar.getByLabel(field).fill("");
      await damkar.getByLabel(field).press("Tab");
    }
    await expect.poll(() => page.getByTestId("sop-findings").getAttribute("data-errors")).toBe("1");
    await page.getByTestId("sop-save").click();
    await expect.poll(() => page.getByTestId("notice").textContent()).toContain("1 galat");

    await page.getByRole("link", { name: "Cakupan instansi" }).click();
    await page.waitForURL(`**/t/${tenant.slug}/sop/agency-coverage`);
    expect(await page.getByTestId("coverage-empty").isVisible()).toBe(true);
    expect(await page.getByTestId("coverage-summary").getAttribute("data-uncovered-p1")).toBe("1");
    const fireRow = page.locator('[data-testid="coverage-row"][data-type="fire"]');
    expect(await fireRow.getAttribute("data-state")).toBe("uncovered");
    const fireDamkar = fireRow.locator('[data-testid="coverage-agency"][data-key="type:damkar"]');
    expect(await fireDamkar.getAttribute("data-blocking")).toBe("true");
    expect(await fireDamkar.textContent()).toContain("TIDAK tercakup");
    // Other P1 types still reach Damkar through their rules' fallback.
    const trafficDamkar = page.locator('[data-testid="coverage-row"][data-type="traffic_accident"] [data-key="type:damkar"]');
    expect(await trafficDamkar.getAttribute("data-state")).toBe("fallback");
    expect(await trafficDamkar.getByTestId("coverage-fallback").textContent()).toContain("→ 113");

    await page.getByRole("link", { name: "Editor draf" }).click();
    await page.waitForURL(`**/t/${tenant.slug}/sop`);
    await page.getByTestId("sop-publish").click();
    await expect.poll(() => page.getByTestId("sop-check").getAttribute("data-publishable")).toBe("false");
    expect(await page.getByTestId("sop-check-coverage").textContent()).toContain("Kebakaran");
    await page.getByTestId("sop-publish-note").fill("Damkar tanpa cadangan");
    await page.getByTestId("sop-publish-confirm").click();
    await expect.poll(() => page.getByTestId("sop-publish-dialog").getByRole("alert").textContent()).toContain("belum dapat diterbitkan");
    await page.getByTestId("sop-publish-dialog").getByRole("button", { name: "Batal" }).click();
    expect(await liveVersion(page)).toBe("3");

    // Named again, the national fire number answers for Damkar and the draft publishes.
    await page.getByLabel("Cari aturan").fill("fire.base");
    if ((await card.getByTestId("rule-agency").count()) === 0) await card.getByTestId("rule-toggle").click();
    await damkar.getByLabel("Cadangan bila tidak ada instansi aktif").fill("Pemadam kebakaran (nomor darurat 113)");
    await damkar.getByLabel("Cadangan bila tidak ada instansi aktif").press("Tab");
    await damkar.getByLabel("Nomor cadangan").fill("113");
    await damkar.getByLabel("Nomor cadangan").press("Tab");
    await expect.poll(() => page.getByTestId("sop-findings").getAttribute("data-errors")).toBe("0");
    await page.getByTestId("sop-save").click();
    await expect.poll(() => page.getByTestId("notice").textContent()).toBe("Draf disimpan.");
    await page.getByTestId("sop-publish").click();
    await expect.poll(() => page.getByTestId("sop-check").getAttribute("data-publishable")).toBe("true");
    await page.getByTestId("sop-publish-note").fill("Damkar kembali dialihkan ke 113");
    await page.getByTestId("sop-publish-confirm").click();
    await expect.poll(() => liveVersion(page)).toBe("4");
  });
});
