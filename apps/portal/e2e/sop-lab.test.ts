import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { openPage } from "./navigation.ts";
import { adminApi, useTenantAdminBrowser } from "./tenant-admin.ts";

const arranged = useTenantAdminBrowser();

/** The admin's own call to the API through the portal's proxy, as the SOP editor would make it. */
const api = adminApi(arranged);

interface Workspace {
  draft: { ruleset: { rules: { id: string; then: Record<string, unknown> }[] }; updatedAt: string };
}

const workspace = () => api<Workspace>("sop.workspace", {}, "query");

beforeAll(async () => {
  // The region starts from the national SOP, as the onboarding step does.
  await api("onboarding.chooseSop", { templateCode: "national-default" });
});

async function simulateBuildingFire(page: Page): Promise<void> {
  await page.getByTestId("sim-type").selectOption("fire");
  await page.getByTestId("sim-subtype").selectOption("fire.building");
  await page.getByTestId("sim-run").click();
  await expect
    .poll(() => page.getByTestId("sim-plan-draft").getByTestId("sim-agency").count())
    .toBeGreaterThan(0);
}

const agencyRow = (page: Page, side: "draft" | "published", key: string) =>
  page.getByTestId(`sim-plan-${side}`).locator(`[data-testid="sim-agency"][data-key="${key}"]`);

describe("the SOP simulator and test cases", () => {
  it("plans a building fire with Damkar leading, explains the rules, and says no version is published yet", async () => {
    const page = await arranged.context.newPage();
    await openPage(page, `/t/${arranged.tenant.slug}/sop/simulator`);
    expect(await page.getByTestId("sim-empty").count()).toBe(1);
    await simulateBuildingFire(page);

    const damkar = agencyRow(page, "draft", "type:damkar");
    expect(await damkar.getAttribute("data-role")).toBe("primary");
    expect(await damkar.textContent()).toContain("Utama");
    expect(await damkar.getByTestId("sim-lead").textContent()).toContain("Memimpin di lokasi");
    // Every line says what it comes to in this region: its agencies, a fallback, or nobody.
    const lines = await page.getByTestId("sim-plan-draft").getByTestId("sim-agency").count();
    expect(await page.getByTestId("sim-plan-draft").getByTestId("sim-resolution").count()).toBe(
      lines,
    );
    expect(await page.getByTestId("sim-priority-draft").textContent()).toContain("P1");
    expect(await page.getByTestId("sim-plan-published").textContent()).toContain(
      "Belum ada versi terbit",
    );
    // Nothing to compare with: no row claims to be new.
    expect(await page.locator('[data-testid="sim-agency"][data-change="added"]').count()).toBe(0);

    const matched = page.locator('[data-testid="sim-trace-rule"][data-rule="fire.base"]');
    expect(await matched.getAttribute("data-outcome")).toBe("matched");
    expect(await matched.evaluate((details: HTMLDetailsElement) => details.open)).toBe(true);
    const folded = page.locator('[data-testid="sim-trace-rule"][data-rule="fire.vehicle"]');
    expect(await folded.getAttribute("data-outcome")).toBe("not_matched");
    expect(await folded.evaluate((details: HTMLDetailsElement) => details.open)).toBe(false);
    // Each condition is told in Indonesian, incident types by name; the engine's English stays out.
    const typeCheck = (rule: typeof matched) =>
      rule.locator('[data-testid="sim-trace-check"][data-condition="types"]');
    expect(await typeCheck(matched).getAttribute("data-holds")).toBe("true");
    expect(await typeCheck(matched).textContent()).toContain(
      "Jenis kejadian Kebakaran bangunan cocok dengan Kebakaran (semua jenis).",
    );
    expect(await typeCheck(folded).textContent()).toContain(
      "Jenis kejadian Kebakaran bangunan tidak cocok dengan Kebakaran kendaraan.",
    );
    expect(await page.getByTestId("sim-trace").locator('[lang="en"]').count()).toBe(0);
    expect(await page.getByTestId("sim-trace").textContent()).not.toContain("rule needs");

    // A keyword in the caller's words adds the gas question; Ctrl+Enter runs it again.
    await page.getByTestId("sim-description").fill("Rumah terbakar, ada tabung gas di dapur");
    await page.getByTestId("sim-description").press("Control+Enter");
    await expect
      .poll(() => page.getByTestId("sim-plan-draft").getByTestId("sim-question").allTextContents())
      .toContainEqual(expect.stringContaining("tabung gas LPG"));
    const gas = page.locator('[data-testid="sim-trace-rule"][data-rule="fire.gas"]');
    expect(await gas.getAttribute("data-outcome")).toBe("matched");
    expect(
      await gas.locator('[data-testid="sim-trace-check"][data-condition="keywords"]').textContent(),
    ).toContain("Keterangan penelepon menyebut \u201cgas\u201d, \u201ctabung*\u201d;");

    // A crash with a burning car: a second kind of incident adds the police to the fire brigade.
    await page.getByTestId("sim-description").fill("");
    await page.getByTestId("sim-subtype").selectOption("fire.vehicle");
    expect(await agencyRow(page, "draft", "type:polres").count()).toBe(0);
    await page.getByTestId("sim-kind-add").click();
    await page.getByTestId("sim-kind-type-0").selectOption("traffic_accident");
    await page.getByTestId("sim-run").click();
    await expect.poll(() => agencyRow(page, "draft", "type:polres").count()).toBe(1);
    expect(await agencyRow(page, "draft", "type:damkar").count()).toBe(1);
    await page.getByTestId("sim-kind-remove-0").click();
    expect(await page.getByTestId("sim-kind").count()).toBe(0);
  });

  it("marks what the draft changes against published version 1", async () => {
    const before = await workspace();
    const published = await api<{ published: boolean; number?: number }>("sop.publish", {
      note: "Versi pertama dari templat nasional",
      updatedAt: before.draft.updatedAt,
    });
    expect(published).toMatchObject({ published: true, number: 1 });

    // The draft: fire is P2, Damkar gets 5 minutes instead of 3, Polres supports, no re-notification.
    const draft = await workspace();
    const ruleset = structuredClone(draft.draft.ruleset);
    const fire = ruleset.rules.find((rule) => rule.id === "fire.base");
    if (!fire) throw new Error("the national template has no fire.base rule");
    fire.then.priority = "P2";
    fire.then.agencies = [
      { agencyType: "damkar", role: "primary", ackWithinMinutes: 5 },
      { agencyType: "polres", role: "support", ackWithinMinutes: 10 },
    ];
    fire.then.escalation = (fire.then.escalation as { action: string }[]).filter(
      (step) => step.action !== "renotify",
    );
    await api("sop.saveDraft", { ruleset, updatedAt: draft.draft.updatedAt });

    const page = await arranged.context.newPage();
    await openPage(page, `/t/${arranged.tenant.slug}/sop/simulator`);
    await simulateBuildingFire(page);

    expect(
      await page.getByTestId("sim-plan-published").getByRole("heading").first().textContent(),
    ).toBe("Versi 1");
    expect(await page.getByTestId("sim-diff-summary").getAttribute("data-same")).toBe("false");
    expect(await page.getByTestId("sim-priority-draft").getAttribute("data-change")).toBe(
      "changed",
    );
    expect(await page.getByTestId("sim-priority-draft").textContent()).toContain("sebelumnya P1");
    expect(await page.getByTestId("sim-priority-published").getAttribute("data-priority")).toBe(
      "P1",
    );

    const polres = agencyRow(page, "draft", "type:polres");
    expect(await polres.getAttribute("data-change")).toBe("added");
    expect(await polres.getByTestId("change-mark").textContent()).toContain("baru");
    expect(await agencyRow(page, "published", "type:polres").count()).toBe(0);
    const damkar = agencyRow(page, "draft", "type:damkar");
    expect(await damkar.getAttribute("data-change")).toBe("changed");
    expect(await damkar.getByTestId("change-mark").textContent()).toContain("berubah");
    expect(await damkar.textContent()).toContain("sebelumnya Utama, 3 menit");
    expect(await agencyRow(page, "published", "type:damkar").getAttribute("data-change")).toBe(
      "changed",
    );

    const removedStep = page
      .getByTestId("sim-plan-published")
      .locator('[data-testid="sim-step"][data-change="removed"]');
    expect(await removedStep.count()).toBe(1);
    expect(await removedStep.textContent()).toContain("dihapus");
    expect(await removedStep.locator(".line-through").count()).toBe(1);
  });

  it("creates a test case that fails against the draft, fixes it to pass, and deletes it after confirming", async () => {
    const page = await arranged.context.newPage();
    await openPage(page, `/t/${arranged.tenant.slug}/sop/tests`);
    expect(await page.getByTestId("test-case-empty").count()).toBe(1);
    await page.getByTestId("test-case-new-empty").click();

    // Nothing expected and no name: the API names both, each under its field.
    await page.getByTestId("test-case-save").click();
    await expect.poll(() => page.getByTestId("field-error-name").count()).toBe(1);
    expect(await page.getByTestId("field-error-expect").count()).toBe(1);

    const name = "Kebakaran bangunan: Damkar memimpin dalam 3 menit";
    await page.getByTestId("test-case-name").fill(name);
    await page.getByTestId("test-case-type").selectOption("fire");
    await page.getByTestId("test-case-subtype").selectOption("fire.building");
    await page.getByTestId("expect-notify-add").click();
    expect(await page.getByTestId("expect-notify-target").inputValue()).toBe("type:damkar");
    await page.getByTestId("expect-notify-role").selectOption("primary");
    await page.getByTestId("expect-notify-at-most").fill("3");
    await page.getByTestId("expect-priority").selectOption("P1");
    await page.getByTestId("test-case-save").click();

    const row = page.getByTestId("test-case-row").filter({ hasText: name });
    await expect.poll(() => row.getAttribute("data-status")).toBe("failed");
    expect(await row.getByTestId("test-case-status").textContent()).toContain("Gagal");
    const failures = await row.getByTestId("test-case-failure").allTextContents();
    expect(failures).toHaveLength(2);
    expect(failures[0]).toContain("mengonfirmasi paling lama dalam 3 menit");
    expect(failures[1]).toContain("Prioritas yang diharapkan P1");
    expect(await page.getByTestId("notice").textContent()).toContain("disimpan");

    // The simulator offers the case as a scenario.
    const simulator = await arranged.context.newPage();
    await openPage(simulator, `/t/${arranged.tenant.slug}/sop/simulator`);
    await simulator.getByTestId("sim-type").selectOption("medical");
    await simulator.getByTestId("sim-scenario").selectOption({ label: name });
    expect(await simulator.getByTestId("sim-type").inputValue()).toBe("fire");
    expect(await simulator.getByTestId("sim-subtype").inputValue()).toBe("fire.building");

    await row.getByTestId("test-case-edit").click();
    expect(await page.getByTestId("test-case-name").inputValue()).toBe(name);
    expect(await page.getByTestId("test-case-subtype").inputValue()).toBe("fire.building");
    await page.getByTestId("expect-notify-at-most").fill("5");
    await page.getByTestId("expect-priority").selectOption("P2");
    await page.getByTestId("test-case-save").click();
    await expect.poll(() => row.getAttribute("data-status")).toBe("passed");
    expect(await row.getByTestId("test-case-status").textContent()).toContain("Lulus");
    expect(await row.getByTestId("test-case-failure").count()).toBe(0);

    await row.getByTestId("test-case-delete").click();
    const dialog = page.getByTestId("confirm-dialog");
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain(name);
    await dialog.getByTestId("confirm-button").click();
    await expect.poll(() => page.getByTestId("test-case-row").count()).toBe(0);
    expect(await page.getByTestId("test-case-empty").count()).toBe(1);
    const [stored] = await arranged.database.owner.sql<{ count: number }[]>`
      select count(*)::int as count from sop_test_cases where tenant_id = ${arranged.tenant.id}`;
    expect(stored?.count).toBe(0);
  });
});
