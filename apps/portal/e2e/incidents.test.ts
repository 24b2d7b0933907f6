import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testSecretKeys } from "@sigap/dev/secret-keys";
import { startWebhookReceiver, type WebhookReceiver } from "@sigap/dev/webhook-receiver";
// The API's own sealing, so the arranged webhook secret opens exactly as one added by an admin would.
import { newSigningSecret } from "../../api/src/agencies/signing-secret.ts";
import { parseSecretKeys } from "../../api/src/config.ts";
import { createSecretBox } from "../../api/src/security/secret-box.ts";
import { markOnPanelMap, supervisorPage, useCallCentre } from "./call-centre.ts";
import { fitsWidth, openPage } from "./navigation.ts";
import { createMember, deleteUsers, signedInContext } from "./people.ts";
import { deviceFix, reportCallEvent } from "./telephony.ts";
import { adminApi } from "./tenant-admin.ts";

// The whole story of an incident: an emergency call classified as a building fire becomes an
// incident; the operator adds what the caller said (people trapped, two hurt), checks the SOP's
// plan and sends it; Damkar's system receives a signed webhook, and its responder acknowledges on
// a phone through the link in it, which the operator sees without reloading; then the operator
// resolves and closes the incident.

// The receiver's certificate is written here before the stack starts, which trusts it as an
// agency's private CA; loopback addresses are refused as webhook targets unless allowed.
const caFile = join(tmpdir(), `sigap-e2e-webhook-ca-${randomUUID()}.pem`);
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  writeFileSync(caFile, receiver.certificate);
});
afterAll(async () => {
  await receiver.close();
  rmSync(caFile, { force: true });
});

const centre = useCallCentre(
  { operator: "Dewi Operator", supervisor: "Rudi Supervisor" },
  { env: { SIGAP_WEBHOOK_ALLOWED_NETWORKS: "127.0.0.1", SIGAP_WEBHOOK_CA_FILE: caFile } },
);
const { arranged } = centre;
let signingSecret: string;
let pscId: string;
let incidentPath: string;
let respondUrl: string;

/** The admin's own call to the API through the portal's proxy. */
const api = adminApi(arranged);

beforeAll(async () => {
  // A region with the national SOP published, Damkar and a health agency, Damkar on a webhook.
  await api("onboarding.chooseSop", { templateCode: "national-default" });
  const damkar = await api<{ id: string }>("agencies.create", {
    agencyType: "damkar",
    name: "Damkar Kota",
  });
  pscId = (
    await api<{ id: string }>("agencies.create", { agencyType: "psc119", name: "PSC 119 Dinkes" })
  ).id;
  const { draft } = await api<{ draft: { updatedAt: string } }>("sop.workspace", {}, "query");
  expect(
    await api<{ published: boolean }>("sop.publish", {
      note: "SOP nasional",
      updatedAt: draft.updatedAt,
    }),
  ).toMatchObject({ published: true });

  // The API refuses loopback webhook URLs as input, rightly: the row is written as the API would write it.
  const contactId = randomUUID();
  const secret = newSigningSecret(createSecretBox(parseSecretKeys(testSecretKeys)), contactId);
  signingSecret = secret.plaintext;
  await arranged.database.owner.sql`
    insert into agency_contacts (tenant_id, id, agency_id, kind, value, signing_secret_encrypted)
    values (${arranged.tenant.id}, ${contactId}, ${damkar.id}, 'webhook', ${receiver.url}, ${secret.sealed})`;
});

describe("an incident from call to close", () => {
  it("opens from a classified emergency call, plans with the SOP after the facts are completed, and dispatches", async () => {
    const page = centre.page;
    await openPage(page, `/t/${arranged.tenant.slug}/calls`);
    await page.getByTestId("seat-name").fill("meja-1");
    await page.getByTestId("seat-take").click();
    await expect.poll(() => page.getByTestId("seat-current").textContent()).toContain("meja-1");

    const callId = randomUUID();
    const location = deviceFix();
    const report = (type: string, extra: Record<string, unknown> = {}) =>
      reportCallEvent(arranged.e2e.portalUrl, centre.line.secret, {
        type,
        callId,
        did: centre.line.did,
        caller: "0812 3333 4444",
        location,
        ...extra,
      });
    expect(await report("call.offered")).toBe(200);
    expect(await report("call.answered", { seat: "meja-1" })).toBe(200);

    const panel = page.getByTestId("call-panel");
    await markOnPanelMap(panel);
    await panel.getByTestId("classify-emergency").check();
    await panel.getByTestId("incident-main-type").selectOption("fire.building");
    await panel.getByLabel("Alamat atau patokan").fill("Jl. Merdeka 10, belakang pasar");
    await panel.getByTestId("classify-submit").click();
    await page.getByTestId("desk-incident-link").click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    incidentPath = new URL(page.url()).pathname;

    const incident = page.getByTestId("incident");
    await expect.poll(() => incident.getAttribute("data-status")).toBe("new");
    await expect
      .poll(() => page.getByTestId("incidents-connection").getAttribute("data-state"))
      .toBe("live");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Kebakaran bangunan");
    // Exports are for supervisors and admins, not the operator.
    expect(await page.getByTestId("incident-eido").count()).toBe(0);
    const line = (agency: string) =>
      page.locator(`[data-testid="plan-line"][data-agency="${agency}"]`);
    await expect
      .poll(() => line("Damkar Kota").getByTestId("plan-reasons").textContent())
      .toBe("Menurut aturan: Kebakaran");
    expect(await line("Damkar Kota").getByTestId("plan-lead").count()).toBe(1);
    expect(await line("PSC 119 Dinkes").count()).toBe(0);

    // The call panel records what happens and where; who is trapped or hurt is added here, and the plan follows.
    await page.getByTestId("facts-edit").click();
    await page.getByTestId("facts-casualties").fill("dua");
    await page.getByTestId("facts-form-submit").click();
    await expect
      .poll(() => page.getByTestId("field-error-casualties").textContent())
      .toBe("Isi jumlah korban sebagai bilangan bulat, atau kosongkan.");
    await page.getByTestId("facts-casualties").fill("2");
    await page.getByTestId("facts-flag-people_trapped").check();
    await page.getByTestId("facts-form-submit").click();
    // Each agency with the names of the rules that call for it, in the engine's order.
    await expect
      .poll(async () =>
        (await line("Damkar Kota").getByTestId("plan-reasons").textContent())
          ?.split(/: |; /)
          .sort(),
      )
      .toEqual(["Kebakaran", "Menurut aturan", "Orang terjebak"]);
    expect(await line("PSC 119 Dinkes").getByTestId("plan-reasons").textContent()).toBe(
      "Menurut aturan: Kebakaran dengan korban",
    );
    expect(await page.getByTestId("facts-flags").textContent()).toContain("Ada orang terjebak");

    await page.getByTestId("dispatch-submit").click();
    await expect.poll(() => incident.getAttribute("data-status")).toBe("dispatched");
    const damkar = page.locator('[data-testid="assignment"][data-agency="Damkar Kota"]');
    await expect.poll(() => damkar.getAttribute("data-status")).toBe("notified");
    expect(await damkar.getByTestId("ack-deadline").textContent()).toMatch(
      /^Harus mengakui sebelum \d\d[.:]\d\d/,
    );
    // PSC 119 has no webhook or email: the operator is told to phone it.
    expect(
      await page
        .locator('[data-testid="assignment"][data-agency="PSC 119 Dinkes"]')
        .getByTestId("no-deliveries")
        .count(),
    ).toBe(1);

    // Damkar's system gets a notification signed with its secret; the operator sees it arrive.
    await expect.poll(() => receiver.received.length).toBe(1);
    const [delivery] = receiver.received;
    if (!delivery) throw new Error("no webhook arrived");
    const signature = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(
      String(delivery.headers["sigap-signature"]),
    );
    if (!signature)
      throw new Error(
        `unexpected signature header: ${String(delivery.headers["sigap-signature"])}`,
      );
    const [, timestamp = "", mac = ""] = signature;
    const expected = createHmac("sha256", signingSecret)
      .update(`${timestamp}.${delivery.body}`)
      .digest();
    expect(timingSafeEqual(Buffer.from(mac, "hex"), expected)).toBe(true);
    const body = JSON.parse(delivery.body) as {
      event: string;
      incident: { types: string[]; flags: string[] };
      assignment: { agency: string };
      respondUrl: string;
    };
    expect(body).toMatchObject({
      event: "incident.assigned",
      incident: { types: ["fire.building"], flags: ["people_trapped"] },
      assignment: { agency: "Damkar Kota" },
    });
    respondUrl = body.respondUrl;
    await expect
      .poll(() => damkar.getByTestId("delivery").getAttribute("data-status"))
      .toBe("delivered");
  });

  it("shows the incident on the board with its agencies, and opens another by hand, fitting a phone", async () => {
    const watching = await supervisorPage(centre);
    await watching.setViewportSize({ width: 390, height: 844 });
    await openPage(watching, `/t/${arranged.tenant.slug}`);
    await watching.getByRole("link", { name: "Insiden", exact: true }).click();
    await watching.waitForURL(`**/t/${arranged.tenant.slug}/incidents`);
    const row = watching.getByTestId("board-row");
    await expect
      .poll(() => row.getByTestId("board-kinds").textContent())
      .toBe("Kebakaran bangunan");
    expect(await row.textContent()).toContain("Jl. Merdeka 10, belakang pasar");
    // The board's map draws it where the operator marked it, named in words, as a link to it.
    const marker = watching
      .getByTestId("incident-map")
      .locator(
        `[data-testid="map-marker"][data-marker-id="${incidentPath.split("/").at(-1) ?? ""}"]`,
      );
    await expect.poll(() => marker.count()).toBe(1);
    expect(await marker.getAttribute("aria-label")).toMatch(/^Kebakaran bangunan, .+, Dikirim$/);
    const agencies = (await row.getByTestId("agency-state").allTextContents()).map((text) =>
      text.replace(/\s+/g, " ").trim(),
    );
    expect(agencies).toEqual([
      "Damkar Kota (memimpin) · Menunggu pengakuan",
      "PSC 119 Dinkes · Menunggu pengakuan",
    ]);
    expect(await fitsWidth(watching)).toBe(true);
    // The supervisor may take the board, as filtered, away as CSV.
    const [csv] = await Promise.all([
      watching.waitForEvent("download"),
      watching.getByTestId("incidents-csv").click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^insiden-.+\.csv$/);

    await watching.locator("label", { has: watching.getByTestId("board-view-closed") }).click();
    await expect
      .poll(() => watching.getByTestId("board-empty").textContent())
      .toBe("Tidak ada insiden yang selesai.");
    expect(new URL(watching.url()).search).toBe("?view=closed");

    // Someone at the door reports a crash: opened by hand, the kind picked by name, it gets its plan too.
    await watching.getByTestId("incident-new").click();
    await watching.waitForURL("**/incidents/new");
    await watching.getByTestId("incident-new-form-submit").click();
    await expect
      .poll(() => watching.getByTestId("field-error-types").textContent())
      .toBe("Pilih setidaknya satu jenis kejadian, masing-masing sekali.");
    await watching.getByTestId("incident-origin-walk_in").check();
    await watching.getByTestId("facts-kind-0").selectOption({ label: "Kecelakaan lalu lintas" });
    await watching.getByTestId("facts-address").fill("Simpang Lima, depan halte");
    expect(await fitsWidth(watching)).toBe(true);
    await watching.getByTestId("incident-new-form-submit").click();
    await watching.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => watching.getByTestId("proposal").getAttribute("data-source"))
      .toBe("sop");
    expect(await watching.getByRole("heading", { level: 1 }).textContent()).toBe(
      "Kecelakaan lalu lintas",
    );
    const [eido] = await Promise.all([
      watching.waitForEvent("download"),
      watching.getByTestId("incident-eido").click(),
    ]);
    expect(eido.suggestedFilename()).toMatch(/^eido-[0-9a-f-]{36}\.json$/);
    await watching.close();
  });

  it("lets Damkar's responder acknowledge from the link on a phone, with where the phone is, and the operator sees it live", async () => {
    const phone = await arranged.e2e.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      geolocation: { latitude: -7.44781, longitude: 112.71834 },
      permissions: ["geolocation"],
    });
    const responder = await phone.newPage();
    await openPage(responder, respondUrl);
    const link = responder.getByTestId("responder-link");
    expect(await link.getByTestId("facts-kinds-text").textContent()).toBe("Kebakaran bangunan");
    expect(await link.getByTestId("facts-flags").textContent()).toContain("Ada orang terjebak");
    expect(await link.getByTestId("respond-deadline").textContent()).toMatch(
      /^Akui sebelum \d\d[.:]\d\d/,
    );
    expect(await link.getByTestId("respond-others").textContent()).toContain("PSC 119 Dinkes");
    expect(await fitsWidth(responder)).toBe(true);

    await link.getByTestId("respond-note").fill("Dua unit berangkat dari pos utama");
    await link.getByTestId("respond-share-position").check();
    await link.getByTestId("respond-acknowledged").click();
    await expect
      .poll(() => link.getByTestId("respond-status").getAttribute("data-status"))
      .toBe("acknowledged");

    const damkar = centre.page.locator('[data-testid="assignment"][data-agency="Damkar Kota"]');
    await expect.poll(() => damkar.getAttribute("data-status")).toBe("acknowledged");
    const report = centre.page.locator('[data-testid="timeline-entry"][data-kind="agency_report"]');
    await expect.poll(() => report.textContent()).toContain("Damkar Kota: Diakui");
    expect(await report.getByTestId("timeline-where").textContent()).toBe(
      "Dikirim dari -7.44781, 112.71834",
    );

    // A link altered by one character of its signature opens nothing.
    const at = respondUrl.length - 10;
    await openPage(
      responder,
      `${respondUrl.slice(0, at)}${respondUrl[at] === "A" ? "Q" : "A"}${respondUrl.slice(at + 1)}`,
    );
    expect(await responder.getByTestId("respond-invalid").textContent()).toContain(
      "Tautan tidak berlaku",
    );
    await phone.close();
  });

  it("lets PSC 119's responder report from the agency's assignments page, which the operator sees live", async () => {
    const member = await createMember(
      arranged.database.owner,
      arranged.tenant.id,
      "agency_responder",
      "Putri PSC",
      pscId,
    );
    try {
      const responder = await (
        await signedInContext(
          arranged.e2e.browser,
          arranged.e2e.portalUrl,
          arranged.database.owner,
          member.id,
        )
      ).newPage();
      await openPage(responder, `/t/${arranged.tenant.slug}`);
      await responder.getByRole("link", { name: "Penugasan", exact: true }).click();
      await responder.waitForURL(`**/t/${arranged.tenant.slug}/assignments`);
      const mine = responder.getByTestId("my-assignment");
      await expect.poll(() => mine.count()).toBe(1);
      expect(await mine.getByTestId("facts-kinds-text").textContent()).toBe("Kebakaran bangunan");
      await mine.getByTestId("my-report-en_route").click();
      await expect.poll(() => mine.getAttribute("data-status")).toBe("en_route");

      const psc = centre.page.locator('[data-testid="assignment"][data-agency="PSC 119 Dinkes"]');
      await expect.poll(() => psc.getAttribute("data-status")).toBe("en_route");
      await responder.context().close();
    } finally {
      await deleteUsers(arranged.database.owner, [member.email]);
    }
  });

  it("resolves the incident, then closes it after confirming how it ended", async () => {
    const page = centre.page;
    expect(new URL(page.url()).pathname).toBe(incidentPath);
    await page.getByTestId("move-resolved").click();
    await expect
      .poll(() => page.getByTestId("incident").getAttribute("data-status"))
      .toBe("resolved");

    await page.getByTestId("move-closed").click();
    const dialog = page.getByTestId("status-dialog");
    await dialog.getByTestId("status-confirm").click();
    await expect.poll(() => dialog.getByTestId("field-error-disposition").count()).toBe(1);
    await dialog.getByTestId("status-disposition").fill("Api padam, dua korban dibawa ke RSUD");
    await dialog.getByTestId("status-confirm").click();
    await expect
      .poll(() => page.getByTestId("incident").getAttribute("data-status"))
      .toBe("closed");
    expect(await page.getByTestId("incident-disposition").textContent()).toContain(
      "Api padam, dua korban dibawa ke RSUD",
    );
    expect(await page.getByTestId("status-actions").count()).toBe(0);
    expect(
      await page
        .locator('[data-testid="timeline-entry"][data-kind="status_changed"]')
        .allTextContents(),
    ).toEqual([
      expect.stringContaining("Status: Dikirim → Tertangani") as unknown,
      expect.stringContaining("Status: Tertangani → Ditutup") as unknown,
    ]);
  });
});
