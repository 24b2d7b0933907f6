import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage } from "./navigation.ts";
import { createMember, deleteUsers, signedInContext } from "./people.ts";
import { arrangeTrunk, reportCallEvent } from "./telephony.ts";
import { useTenantAdminBrowser } from "./tenant-admin.ts";

// An operator watches the live queue while the region's switch reports calls: each change shows
// without reloading, through the portal's proxy and the API's server-sent events.

const arranged = useTenantAdminBrowser();
let line: { did: string; secret: string };
let operator: Awaited<ReturnType<typeof createMember>>;
let page: Page;

beforeAll(async () => {
  const { e2e, database, tenant, cookie } = arranged;
  line = await arrangeTrunk(e2e.portalUrl, cookie, tenant.slug);
  operator = await createMember(database.owner, tenant.id, "operator", "Budi Operator");
  page = await (await signedInContext(e2e.browser, e2e.portalUrl, database.owner, operator.id)).newPage();
});

afterAll(async () => {
  await deleteUsers(arranged.database.owner, [operator.email]);
});

const report = (type: string, callId: string, extra: { seat?: string } = {}) =>
  reportCallEvent(arranged.e2e.portalUrl, line.secret, { type, callId, did: line.did, caller: "0813 2222 3333", ...extra });

describe("the live call queue", () => {
  it("is in the operator's menu and connects live", async () => {
    await openPage(page, `/t/${arranged.tenant.slug}`);
    await page.getByRole("link", { name: "Antrean panggilan", exact: true }).click();
    await page.waitForURL(`**/t/${arranged.tenant.slug}/calls`);
    await expect.poll(() => page.getByTestId("queue-connection").getAttribute("data-state")).toBe("live");
    await expect.poll(() => page.getByTestId("calls-ringing").textContent()).toContain("Tidak ada panggilan yang menunggu.");
  });

  it("shows a call ringing, then handled at its seat, then ended, without a reload", async () => {
    const first = randomUUID();
    expect(await report("call.offered", first)).toBe(200);
    const ringing = page.getByTestId("calls-ringing").getByTestId("call-row");
    await expect.poll(() => ringing.textContent()).toContain("+62 813-2222-3333");
    await expect.poll(() => ringing.getByTestId("call-waiting").textContent()).toMatch(/^0:\d\d$/);

    expect(await report("call.answered", first, { seat: "meja-2" })).toBe(200);
    const answered = page.getByTestId("calls-answered").getByTestId("call-row");
    await expect.poll(() => answered.textContent()).toContain("meja-2");
    await expect.poll(() => page.getByTestId("calls-ringing").getByTestId("call-row").count()).toBe(0);

    const second = randomUUID();
    expect(await report("call.offered", second)).toBe(200);
    await expect.poll(() => page.getByTestId("calls-ringing").getByTestId("repeat-caller").textContent()).toBe("1 panggilan lain dalam 24 jam");

    expect(await report("call.ended", first)).toBe(200);
    await expect.poll(() => page.getByTestId("calls-closed").textContent()).toContain("Selesai");
    expect(await page.getByTestId("calls-answered").getByTestId("call-row").count()).toBe(0);
  });

  it("catches up after a reload with the calls still in the queue", async () => {
    await page.reload();
    await expect.poll(() => page.getByTestId("calls-ringing").getByTestId("call-row").count()).toBe(1);
  });

  it("blocks the caller's number from the page, and the next call from it rings marked", async () => {
    const blocklist = page.getByTestId("blocklist");
    await blocklist.getByTestId("block-number").fill("0813 2222 3333");
    await blocklist.getByTestId("block-submit").click();
    await expect.poll(() => blocklist.textContent()).toContain("Tulis alasan pemblokiran");

    await blocklist.getByTestId("block-reason").fill("Tiga panggilan iseng malam ini");
    await blocklist.getByTestId("block-submit").click();
    await expect.poll(() => blocklist.getByTestId("blocklist-row").textContent()).toContain("Tiga panggilan iseng malam ini");

    expect(await report("call.offered", randomUUID())).toBe(200);
    await expect.poll(() => page.getByTestId("calls-ringing").getByTestId("blocked-caller").count()).toBe(1);
    expect(await page.getByTestId("calls-ringing").getByTestId("call-row").count()).toBe(2);
  });
});
