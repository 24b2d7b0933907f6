import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:net";
import { Writable } from "node:stream";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@sigap/dev/free-port";
import { connectTestDatabase } from "@sigap/tenancy/testing";
import { createApp } from "../../src/app.ts";
import { createLogger } from "../../src/logger.ts";
import { openMailBody, sendMail } from "../../src/mail/send.ts";
import { createSecretBox } from "../../src/security/secret-box.ts";
import { invitationMail, passwordResetMail } from "../../src/mail/templates.ts";
import { createTestPerson, deleteTestPeople, uniqueEmail } from "../people.ts";
import { testConfig } from "../server.ts";

const database = connectTestDatabase();
const { owner } = database;

afterAll(async () => {
  await database.close();
});

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { log: createLogger("info", "mail-test", sink), lines };
}

/** Just enough of an SMTP server to accept messages, keeping what it received. */
function fakeSmtpServer(): { server: Server; received: string[] } {
  const received: string[] = [];
  const server = createServer((socket) => {
    let inData = false;
    let data = "";
    socket.write("220 fake ESMTP\r\n");
    socket.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\r\n").slice(0, -1)) {
        if (inData) {
          if (line === ".") {
            inData = false;
            received.push(data);
            data = "";
            socket.write("250 queued\r\n");
          } else data += `${line}\n`;
        } else if (/^(EHLO|HELO)/i.test(line)) socket.write("250 fake\r\n");
        else if (/^DATA/i.test(line)) {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (/^QUIT/i.test(line)) socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      }
    });
  });
  return { server, received };
}

async function storedMail(to: string) {
  return owner.sql<{ transport: string; delivered: boolean; subject: string }[]>`
    select transport, delivered_at is not null as delivered, subject from mail_outbox where "to" = ${to}`;
}

const message = (to: string) => ({ to, subject: "Uji / Test", text: "Halo", html: "<p>Halo</p>" });

describe("the mail module", () => {
  it("without SMTP stores the message in the outbox", async () => {
    const to = uniqueEmail("outbox");
    const { log } = capturingLogger();
    expect(
      await sendMail({ db: database.app.db, config: testConfig, log }, message(to)),
    ).toMatchObject({ delivered: false });
    expect(await storedMail(to)).toEqual([
      { transport: "outbox", delivered: false, subject: "Uji / Test" },
    ]);
  });

  describe("with SMTP", () => {
    const smtp = fakeSmtpServer();
    let port = 0;
    beforeAll(async () => {
      port = await freePort();
      await new Promise<void>((resolve) => smtp.server.listen(port, "127.0.0.1", resolve));
    });
    afterAll(async () => {
      await new Promise((resolve) => smtp.server.close(resolve));
    });

    it("delivers and records the delivery", async () => {
      const to = uniqueEmail("smtp");
      const { log } = capturingLogger();
      const config = {
        ...testConfig,
        mail: { ...testConfig.mail, smtpUrl: `smtp://127.0.0.1:${String(port)}` },
      };
      expect(await sendMail({ db: database.app.db, config, log }, message(to))).toMatchObject({
        delivered: true,
      });
      expect(smtp.received.some((data) => data.includes(`To: ${to}`))).toBe(true);
      expect(await storedMail(to)).toEqual([
        { transport: "smtp", delivered: true, subject: "Uji / Test" },
      ]);
    });

    it("a CR or LF in the subject never starts another header", async () => {
      const to = uniqueEmail("header");
      const { log } = capturingLogger();
      const config = {
        ...testConfig,
        mail: { ...testConfig.mail, smtpUrl: `smtp://127.0.0.1:${String(port)}` },
      };
      await sendMail(
        { db: database.app.db, config, log },
        { ...message(to), subject: "Undangan Kota X\r\nBcc: attacker@example.test" },
      );
      const sent = smtp.received.find((data) => data.includes(`To: ${to}`)) ?? "";
      expect(sent).not.toMatch(/^Bcc:/m);
      expect(await storedMail(to)).toEqual([
        {
          transport: "smtp",
          delivered: true,
          subject: "Undangan Kota X Bcc: attacker@example.test",
        },
      ]);
    });

    it("a failed delivery does not fail the caller: stored undelivered and logged", async () => {
      const to = uniqueEmail("refused");
      const { log, lines } = capturingLogger();
      const closedPort = await freePort();
      const config = {
        ...testConfig,
        mail: { ...testConfig.mail, smtpUrl: `smtp://127.0.0.1:${String(closedPort)}` },
      };
      expect(await sendMail({ db: database.app.db, config, log }, message(to))).toMatchObject({
        delivered: false,
      });
      expect(await storedMail(to)).toEqual([
        { transport: "smtp", delivered: false, subject: "Uji / Test" },
      ]);
      expect(lines).toEqual([
        expect.objectContaining({
          level: 50,
          msg: expect.stringContaining("SMTP delivery failed") as string,
        }),
      ]);
    });
  });

  it("templates are Indonesian first, English below, with the link in text and HTML", () => {
    const link = "http://localhost:3000/invite/abc123";
    const invitation = invitationMail({
      to: "a@b.test",
      tenantName: "Kota <Surabaya>",
      role: "agency_responder",
      link,
      expiresAt: new Date("2030-01-08T03:00:00Z"),
      timeZone: "Asia/Jayapura",
    });
    expect(invitation.text.indexOf("Anda diundang")).toBeLessThan(
      invitation.text.indexOf("You have been invited"),
    );
    expect(invitation.text).toContain("Petugas instansi");
    expect(invitation.text).toContain("12.00 WIT");
    expect(invitation.text).toContain(link);
    expect(invitation.html).toContain(`href="${link}"`);
    expect(invitation.html).toContain("Kota &#60;Surabaya&#62;");
    expect(invitation.html).toContain("background:#b91c1c");
    const branded = invitationMail({
      brand: {
        name: "Call Center 112 Kota Surabaya",
        color: "#0f766e",
        logoUrl: "http://localhost:3000/v1/tenants/surabaya/logo",
      },
      to: "a@b.test",
      tenantName: "Kota Surabaya",
      role: "operator",
      link,
      expiresAt: new Date("2030-01-08T03:00:00Z"),
      timeZone: "Asia/Jakarta",
    });
    expect(branded.html).toContain("background:#0f766e");
    expect(branded.html).toContain('<img src="http://localhost:3000/v1/tenants/surabaya/logo"');
    expect(branded.html).toContain(
      '<strong style="font-size:18px;vertical-align:middle">Call Center 112 Kota Surabaya</strong>',
    );
    const reset = passwordResetMail({
      to: "a@b.test",
      link: "http://localhost:3000/reset-password/xyz",
      expiresAt: new Date(),
    });
    expect(reset.text).toContain("http://localhost:3000/reset-password/xyz");
    expect(reset.text).toContain("If you did not ask for this");
  });

  it("stores bodies sealed: the runtime role reads no link, and a body moved to another row does not open", async () => {
    const to = uniqueEmail("sealed");
    const { log } = capturingLogger();
    const link = "http://localhost:3000/invite/livetoken123";
    const sent = await sendMail(
      { db: database.app.db, config: testConfig, log },
      { ...message(to), text: link, html: `<a href="${link}">${link}</a>` },
    );
    const [row] = await database.app.sql<
      { text: string; html: string }[]
    >`select text, html from mail_outbox where id = ${sent.id}`;
    expect(`${row?.text ?? ""} ${row?.html ?? ""}`).not.toContain("livetoken123");
    const box = createSecretBox(testConfig.secretKeys);
    expect(openMailBody(box, sent.id, "text", row?.text ?? "")).toBe(link);
    expect(openMailBody(box, randomUUID(), "text", row?.text ?? "")).toBeNull();
  });

  it("the development outbox is for a signed-in platform admin, and only where it is switched on", async () => {
    const to = uniqueEmail("listed");
    const { log } = capturingLogger();
    await sendMail({ db: database.app.db, config: testConfig, log }, message(to));
    const [admin, operator] = await Promise.all([
      createTestPerson(owner, { platformRole: "platform_admin", signedIn: true }),
      createTestPerson(owner, { platformRole: "ministry_viewer", signedIn: true }),
    ]);
    const outbox = async (devOutbox: boolean, cookie?: string) => {
      const app = createApp({
        db: database.app.db,
        logger: log,
        config: { ...testConfig, mail: { ...testConfig.mail, devOutbox } },
        listen: database.app.sql.listen.bind(database.app.sql),
        // The outbox sends no jobs.
        jobs: { send: () => Promise.reject(new Error("this test sends no jobs")) },
      });
      const port = await freePort();
      const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" });
      try {
        const response = await fetch(`http://127.0.0.1:${String(port)}/trpc/outbox.list`, {
          headers: cookie ? { cookie } : {},
        });
        return {
          status: response.status,
          body: (await response.json()) as { result?: { data: { to: string; html: string }[] } },
        };
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    };
    try {
      expect((await outbox(true)).status).toBe(401);
      expect((await outbox(true, operator.cookie)).status).toBe(403);
      const on = await outbox(true, admin.cookie);
      expect(on.status).toBe(200);
      expect(on.body.result?.data.find((mail) => mail.to === to)).toMatchObject({
        html: "<p>Halo</p>",
      });
      expect((await outbox(false, admin.cookie)).status).toBe(404);
    } finally {
      await deleteTestPeople(owner, [admin, operator]);
    }
  });
});
