import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openPage } from "./navigation.ts";
import { supervisorPage, useCallCentre } from "./call-centre.ts";
import { reportCallEvent } from "./telephony.ts";

// An operator watches the live queue while the region's switch reports calls: each change shows
// without reloading, through the portal's proxy and the API's server-sent events. Sitting at a
// seat, the operator takes the calls it answers in the call panel and closes each with a
// classification; a blocked number's next call goes to the supervisors, marked.

const centre = useCallCentre({ operator: "Budi Operator", supervisor: "Sari Supervisor" });
const { arranged } = centre;

const report = (type: string, callId: string, extra: { seat?: string } = {}) =>
  reportCallEvent(arranged.e2e.portalUrl, centre.line.secret, {
    type,
    callId,
    did: centre.line.did,
    caller: "0813 2222 3333",
    ...extra,
  });

describe("the live call queue", () => {
  it("is in the operator's menu and connects live", async () => {
    await openPage(centre.page, `/t/${arranged.tenant.slug}`);
    await centre.page.getByRole("link", { name: "Antrean panggilan", exact: true }).click();
    await centre.page.waitForURL(`**/t/${arranged.tenant.slug}/calls`);
    await expect
      .poll(() => centre.page.getByTestId("queue-connection").getAttribute("data-state"))
      .toBe("live");
    await expect
      .poll(() => centre.page.getByTestId("calls-ringing").textContent())
      .toContain("Tidak ada panggilan yang menunggu.");
  });

  it("shows a call ringing, then handled at its seat, then ended, without a reload", async () => {
    const first = randomUUID();
    expect(await report("call.offered", first)).toBe(200);
    const ringing = centre.page.getByTestId("calls-ringing").getByTestId("call-row");
    await expect.poll(() => ringing.textContent()).toContain("+62 813-2222-3333");
    await expect.poll(() => ringing.getByTestId("call-waiting").textContent()).toMatch(/^0:\d\d$/);

    expect(await report("call.answered", first, { seat: "meja-2" })).toBe(200);
    const answered = centre.page.getByTestId("calls-answered").getByTestId("call-row");
    await expect.poll(() => answered.textContent()).toContain("meja-2");
    await expect
      .poll(() => centre.page.getByTestId("calls-ringing").getByTestId("call-row").count())
      .toBe(0);

    const second = randomUUID();
    expect(await report("call.offered", second)).toBe(200);
    await expect
      .poll(() =>
        centre.page.getByTestId("calls-ringing").getByTestId("repeat-caller").textContent(),
      )
      .toBe("1 panggilan lain dalam 24 jam");

    expect(await report("call.ended", first)).toBe(200);
    await expect
      .poll(() => centre.page.getByTestId("calls-closed").textContent())
      .toContain("Selesai");
    expect(await centre.page.getByTestId("calls-answered").getByTestId("call-row").count()).toBe(0);
  });

  it("catches up after a reload with the calls still in the queue", async () => {
    await centre.page.reload();
    await expect
      .poll(() => centre.page.getByTestId("calls-ringing").getByTestId("call-row").count())
      .toBe(1);
  });

  it("blocks a number from the blocklist form, naming what is missing first", async () => {
    const blocklist = centre.page.getByTestId("blocklist");
    await blocklist.getByTestId("block-number").fill("0857 1111 2222");
    await blocklist.getByTestId("block-submit").click();
    await expect.poll(() => blocklist.textContent()).toContain("Tulis alasan pemblokiran");

    await blocklist.getByTestId("block-reason").fill("Tiga panggilan iseng malam ini");
    await blocklist.getByTestId("block-submit").click();
    await expect
      .poll(() => blocklist.getByTestId("blocklist-row").textContent())
      .toContain("Tiga panggilan iseng malam ini");
  });

  it("seats the operator, opens the panel when the seat answers, closes a prank call and blocks the number by keyboard alone", async () => {
    await centre.page.reload();
    // The seat field takes the focus by itself: the keyboard starts there.
    await expect
      .poll(() => centre.page.evaluate(() => document.activeElement?.getAttribute("name")))
      .toBe("seat");
    await centre.page.keyboard.type("meja-5");
    await centre.page.keyboard.press("Enter");
    await expect
      .poll(() => centre.page.getByTestId("seat-current").textContent())
      .toContain("meja-5");

    const prank = randomUUID();
    expect(await report("call.offered", prank)).toBe(200);
    expect(await report("call.answered", prank, { seat: "meja-5" })).toBe(200);
    const panel = centre.page.getByTestId("call-panel");
    await expect.poll(() => panel.getAttribute("data-call-id")).not.toBeNull();
    await expect
      .poll(() => panel.getByTestId("caller-history").textContent())
      .toContain("belum diklasifikasi");
    await expect
      .poll(() => centre.page.evaluate(() => document.activeElement?.getAttribute("name")))
      .toBe("classification");

    await centre.page.keyboard.press("3");
    expect(await panel.getByTestId("classify-prank").isChecked()).toBe(true);
    await centre.page.keyboard.press("Tab");
    await centre.page.keyboard.press("Space");
    expect(await panel.getByTestId("classify-block").isChecked()).toBe(true);
    await centre.page.keyboard.press("Control+Enter");

    await expect.poll(() => panel.count()).toBe(0);
    await expect
      .poll(() => centre.page.getByTestId("notice").textContent())
      .toContain("Panggilan ditutup sebagai Iseng.");
    await expect
      .poll(() => centre.page.getByTestId("blocklist").textContent())
      .toContain("Panggilan iseng berulang");
  });

  it("sends the blocked number's next call to the supervisors' queue, marked, and tells the operators", async () => {
    const watching = await supervisorPage(centre);
    await openPage(watching, `/t/${arranged.tenant.slug}/calls`);
    await expect
      .poll(() => watching.getByTestId("queue-connection").getAttribute("data-state"))
      .toBe("live");

    // The call from the same number that was ringing when it was blocked has moved there already.
    const operatorRinging = centre.page.getByTestId("calls-ringing");
    await expect.poll(() => operatorRinging.getByTestId("call-row").count()).toBe(0);
    const blockedQueue = watching.getByTestId("calls-blocked");
    const blockedBefore = await blockedQueue.getByTestId("call-row").count();
    const next = randomUUID();
    expect(await report("call.offered", next)).toBe(200);
    await expect
      .poll(() => blockedQueue.getByTestId("blocked-caller").count())
      .toBe(blockedBefore + 1);
    expect(await blockedQueue.getByTestId("call-row").last().textContent()).toContain(
      "+62 813-2222-3333",
    );

    await expect
      .poll(() => centre.page.getByTestId("blocked-with-supervisors").textContent())
      .toContain(`${String(blockedBefore + 1)} panggilan dari nomor diblokir`);
    expect(await operatorRinging.getByTestId("call-row").count()).toBe(0);
  });
});
