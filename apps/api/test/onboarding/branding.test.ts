import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTenant, deleteTestTenants, type TestTenant } from "@sigap/tenancy/testing";
import { testClient, type TestClient } from "../client.ts";
import { useTestApi } from "../harness.ts";
import {
  auditRows,
  createTestPerson,
  deleteTestPeople,
  latestMail,
  type SignedInTestPerson,
} from "../people.ts";

const { api, database } = useTestApi();
const { owner } = database;
let tenant: TestTenant;
let admin: SignedInTestPerson;
let client: TestClient;
const people: SignedInTestPerson[] = [];

beforeAll(async () => {
  tenant = await createTestTenant(owner);
  admin = await createTestPerson(owner, {
    memberships: [{ tenantId: tenant.id, role: "tenant_admin" }],
    signedIn: true,
  });
  client = testClient(api.url, { cookie: admin.cookie });
});
afterAll(async () => {
  await deleteTestTenants(owner, [tenant]);
  await deleteTestPeople(owner, [admin, ...people]);
});

/** A PNG signature and IHDR chunk: all the checks read. `padding` makes the file larger. */
function png(width: number, height: number, padding = 0): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write("IHDR", 4, "latin1");
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 6, 0, 0, 0], 16);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    ihdr,
    Buffer.alloc(padding),
  ]);
}

/** A JPEG start, a JFIF segment, then a baseline frame header with the size. */
function jpeg(width: number, height: number): Buffer {
  const app0 = Buffer.from([
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
    0x00, 0x00,
  ]);
  const sof = Buffer.alloc(19);
  sof.set([0xff, 0xc0, 0x00, 0x11, 0x08]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}

const update = (input: Record<string, unknown>) =>
  client.call("mutation", "branding.update", { tenantSlug: tenant.slug, ...input });
const upload = (data: Buffer) => update({ logoBase64: data.toString("base64") });
const fetchLogo = (headers: Record<string, string> = {}) =>
  fetch(`${api.url}/v1/tenants/${tenant.slug}/logo`, { headers });

describe("colours", () => {
  it("refuses a colour white text is illegible on, with the computed ratio", async () => {
    const primary = await update({ primaryColor: "#FFCC00" });
    expect(primary.code).toBe("BAD_REQUEST");
    expect(primary.issues).toMatchObject([
      {
        path: "primaryColor",
        message:
          "primaryColor #ffcc00 has a contrast ratio of 1.51:1 with white text; at least 4.5:1 is needed (WCAG 2.1)",
        reason: "low_contrast",
        params: { ratio: 1.51, minimum: 4.5 },
      },
    ]);
    const accent = await update({ accentColor: "#959595" });
    expect(accent.issues).toMatchObject([
      {
        path: "accentColor",
        message:
          "accentColor #959595 has a contrast ratio of 2.99:1 with white text; at least 3:1 is needed (WCAG 2.1)",
        reason: "low_contrast",
        params: { ratio: 2.99, minimum: 3 },
      },
    ]);
    // 3.03:1 is enough for the accent (large text, UI parts) but not for the primary colour.
    expect((await update({ accentColor: "#949494" })).status).toBe(200);
    expect((await update({ primaryColor: "#949494" })).issues?.[0]?.path).toBe("primaryColor");
  });

  it("refuses what is not #rrggbb and stores colours lower-cased", async () => {
    expect((await update({ primaryColor: "red" })).issues).toMatchObject([
      {
        path: "primaryColor",
        message: "primaryColor must be a colour in the form #rrggbb, such as #b91c1c",
      },
    ]);
    const saved = await update({ primaryColor: "#0F766E", accentColor: "#1E3A8A" });
    expect(saved.status, saved.message).toBe(200);
    expect(saved.data).toMatchObject({ primaryColor: "#0f766e", accentColor: "#1e3a8a" });
  });
});

describe("display name", () => {
  it("renames the tenant and audits before and after", async () => {
    const renamed = await update({ displayName: "  Call Center 112 Kabupaten Uji  " });
    expect(renamed.status, renamed.message).toBe(200);
    const [row] = await owner.sql<
      { display_name: string }[]
    >`select display_name from tenants where id = ${tenant.id}`;
    expect(row?.display_name).toBe("Call Center 112 Kabupaten Uji");
    const audits = await auditRows(owner, "audit_log", "branding.update", tenant.id);
    expect(audits.at(-1)).toMatchObject({
      actor_role: "tenant_admin",
      diff: {
        before: { displayName: `Tenant ${tenant.slug}` },
        after: { displayName: "Call Center 112 Kabupaten Uji" },
      },
    });
  });

  it("refuses a line break or other control character, which would reach mail subjects", async () => {
    // NUL is refused before any schema, for every procedure (security/unacceptable-input.test.ts).
    for (const displayName of [
      "Kota Uji\r\nBcc: attacker@example.test",
      "Kota\tUji",
      "Kota\u001bUji",
    ]) {
      expect(await update({ displayName })).toMatchObject({
        status: 400,
        issues: [{ path: "displayName", message: "displayName must be a single line of text" }],
      });
    }
  });
});

describe("logo", () => {
  it("takes the type from the content: PNG and JPEG headers, anything else refused", async () => {
    const asPng = await upload(png(400, 200));
    expect(asPng.status, asPng.message).toBe(200);
    expect(asPng.data).toMatchObject({ logo: { mimeType: "image/png", width: 400, height: 200 } });
    const asJpeg = await upload(jpeg(640, 480));
    expect(asJpeg.data).toMatchObject({
      logo: { mimeType: "image/jpeg", width: 640, height: 480 },
    });

    const gif = Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1");
    const message = "logo must be a PNG, JPEG or SVG image; the file's content is none of these";
    expect((await upload(gif)).issues).toMatchObject([
      {
        path: "logoBase64",
        message,
        reason: "unsupported_file",
        params: { problem: "not_an_image" },
      },
    ]);
    // An HTML page is not an SVG image because it holds one.
    expect(
      (await upload(Buffer.from("<html><body><svg></svg></body></html>"))).issues,
    ).toMatchObject([{ path: "logoBase64", message }]);
    expect(
      (await upload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).issues,
    ).toMatchObject([
      {
        path: "logoBase64",
        message: "logo is not a readable PNG image",
        params: { problem: "unreadable" },
      },
    ]);
  });

  it("refuses files over 512 KiB and images over 2048×2048", async () => {
    expect((await upload(png(100, 100, 512 * 1024))).issues).toMatchObject([
      {
        path: "logoBase64",
        message: "logo is 513 KiB; at most 512 KiB is allowed",
        reason: "file_too_large",
        params: { kib: 513, maximumKib: 512 },
      },
    ]);
    expect((await upload(png(4096, 10))).issues).toMatchObject([
      {
        path: "logoBase64",
        message: "logo is 4096×10 pixels; at most 2048×2048 is allowed",
        reason: "image_too_large",
        params: { width: 4096, height: 10, maximum: 2048 },
      },
    ]);
    expect((await upload(jpeg(2048, 2049))).issues).toMatchObject([
      { path: "logoBase64", message: "logo is 2048×2049 pixels; at most 2048×2048 is allowed" },
    ]);
    expect((await upload(png(2048, 2048))).status).toBe(200);
  });

  it("stores an SVG without scripts, handlers, foreign objects or external references", async () => {
    const svg = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 120 60" onload="alert(1)">
  <script>alert(2)</script>
  <style>@import url(https://evil.example/track.css);</style>
  <defs><linearGradient id="brand"><stop offset="0" stop-color="#b91c1c"/></linearGradient></defs>
  <rect width="120" height="60" fill="url(#brand)" onclick="steal()"/>
  <image href="https://evil.example/pixel.png" width="1" height="1"/>
  <image xlink:href="http://evil.example/pixel2.png" width="1" height="1"/>
  <a href="javascript:alert(3)"><text x="10" y="40">112</text></a>
  <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">html</div></foreignObject>
  <circle r="5" style="fill: url(https://evil.example/x.svg#p)"/>
</svg>`;
    const reply = await upload(Buffer.from(svg));
    expect(reply.status, reply.message).toBe(200);
    expect(reply.data).toMatchObject({
      logo: { mimeType: "image/svg+xml", width: 120, height: 60 },
    });
    expect((reply.data as { removedFromSvg: number }).removedFromSvg).toBeGreaterThanOrEqual(8);

    const served = await fetchLogo();
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/svg+xml");
    const stored = await served.text();
    for (const unsafe of [
      "<script",
      "alert",
      "onload",
      "onclick",
      "evil.example",
      "javascript:",
      "foreignObject",
      "@import",
    ]) {
      expect(stored).not.toContain(unsafe);
    }
    expect(stored).toContain('<linearGradient id="brand">');
    expect(stored).toContain('fill="url(#brand)"');
    expect(stored).toContain(">112</text>");

    const withEntities =
      '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>';
    expect((await upload(Buffer.from(withEntities))).issues).toMatchObject([
      {
        path: "logoBase64",
        message: "logo is an SVG with its own DTD (entity declarations), which is not accepted",
        reason: "unsupported_file",
        params: { problem: "svg_dtd" },
      },
    ]);
  });

  it("is served with its type and caching, and answers 304 while unchanged", async () => {
    expect((await upload(png(64, 64))).status).toBe(200);
    const served = await fetchLogo();
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("cache-control")).toBe("public, max-age=300");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await served.arrayBuffer()).equals(png(64, 64))).toBe(true);
    const etag = served.headers.get("etag");
    expect(etag).toMatch(/^".+"$/);
    expect((await fetchLogo({ "if-none-match": etag ?? "" })).status).toBe(304);
  });

  it("can be removed; the route then answers 404, as for a tenant that does not exist", async () => {
    const removed = await client.call("mutation", "branding.removeLogo", {
      tenantSlug: tenant.slug,
    });
    expect(removed.status, removed.message).toBe(200);
    expect(removed.data).toMatchObject({ logo: null });
    expect((await fetchLogo()).status).toBe(404);
    expect((await fetch(`${api.url}/v1/tenants/no-such-tenant/logo`)).status).toBe(404);
    expect(await auditRows(owner, "audit_log", "branding.removeLogo", tenant.id)).toHaveLength(1);
  });
});

describe("reading", () => {
  it("returns name, colours and the logo's description", async () => {
    expect(
      (
        await update({
          displayName: "Call Center 112 Kabupaten Uji",
          primaryColor: "#0f766e",
          accentColor: "#1e3a8a",
        })
      ).status,
    ).toBe(200);
    expect((await upload(png(32, 16))).status).toBe(200);
    const reply = await client.call("query", "branding.get", { tenantSlug: tenant.slug });
    expect(reply.data).toMatchObject({
      displayName: "Call Center 112 Kabupaten Uji",
      primaryColor: "#0f766e",
      accentColor: "#1e3a8a",
      saved: true,
      logo: { mimeType: "image/png", width: 32, height: 16, bytes: png(32, 16).length },
    });
  });

  it("dresses the tenant's invitation mail in its name, colour and logo", async () => {
    const email = `branded-${String(Date.now())}@sigap112.test`;
    const reply = await client.call("mutation", "users.invite", {
      tenantSlug: tenant.slug,
      email,
      role: "operator",
    });
    expect(reply.status, reply.message).toBe(200);
    const mail = await latestMail(owner, email, "http://localhost:3000/invite/");
    expect(mail.html).toContain("background:#0f766e");
    expect(mail.html).toContain(`/v1/tenants/${tenant.slug}/logo"`);
    expect(mail.html).toContain("Call Center 112 Kabupaten Uji");
  });

  it("lets every member read it, so the tenant's pages look like the tenant to operators too", async () => {
    const operator = await createTestPerson(owner, {
      memberships: [{ tenantId: tenant.id, role: "operator" }],
      signedIn: true,
    });
    people.push(operator);
    const reply = await testClient(api.url, { cookie: operator.cookie }).call(
      "query",
      "branding.get",
      { tenantSlug: tenant.slug },
    );
    expect(reply.data).toMatchObject({
      displayName: "Call Center 112 Kabupaten Uji",
      primaryColor: "#0f766e",
    });
    const edit = await testClient(api.url, { cookie: operator.cookie }).call(
      "mutation",
      "branding.update",
      { tenantSlug: tenant.slug, primaryColor: "#1d4ed8" },
    );
    expect(edit.code).toBe("FORBIDDEN");
  });
});
