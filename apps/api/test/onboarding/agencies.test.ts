import { describe, expect, it } from "vitest";
import { agencyTypes } from "@sigap/sop-engine";
import { createTestTenant } from "@sigap/tenancy/testing";
import { signingSecretContext } from "../../src/agencies/signing-secret.ts";
import { createSecretBox } from "../../src/security/secret-box.ts";
import type { TestClient } from "../client.ts";
import { useTestApi, useTestRecords } from "../harness.ts";
import { createTestPerson, signInAs } from "../people.ts";
import { testConfig } from "../server.ts";

const { api, database } = useTestApi();
const { owner } = database;
const { tenants, people } = useTestRecords(owner);

interface Contact {
  id: string;
  agencyId: string;
  kind: string;
  value: string;
  label: string | null;
  hasSigningSecret: boolean;
}

interface Agency {
  id: string;
  agencyType: string;
  name: string;
  active: boolean;
  coverageDistrictCodes: string[] | null;
  operatingHours: unknown;
  contacts: Contact[];
}

interface HistoryRow {
  action: string;
  targetType: string;
  targetId: string;
  actorDisplayName: string | null;
  diff: { before?: Record<string, unknown>; after?: Record<string, unknown> } | null;
}

/** A fresh tenant, its region, a signed-in admin and operator, and a client bound to the tenant. */
async function arrangeTenant() {
  const tenant = await createTestTenant(owner);
  tenants.push(tenant);
  const member = async (role: "tenant_admin" | "operator") => {
    const person = await createTestPerson(owner, { memberships: [{ tenantId: tenant.id, role }] });
    people.push(person);
    return { ...person, client: await signInAs(api, owner, person) };
  };
  const [region] = await owner.sql<{ name: string; kind: "kabupaten" | "kota" }[]>`
    select name, kind from regencies where code = ${tenant.regionCode}`;
  const districts = await owner.sql<{ code: string }[]>`
    select code from districts where regency_code = ${tenant.regionCode} order by code limit 3`;
  if (!region || districts.length < 2)
    throw new Error(`region ${tenant.regionCode} lacks its registry rows`);
  const admin = await member("tenant_admin");
  return {
    tenant,
    region,
    districtCodes: districts.map((d) => d.code),
    admin,
    operator: await member("operator"),
    /** Calls an agencies procedure as `as` (the admin unless given), in this tenant. */
    call: (
      type: "query" | "mutation",
      procedure: string,
      input: Record<string, unknown> = {},
      as: TestClient = admin.client,
    ) => as.call(type, `agencies.${procedure}`, { tenantSlug: tenant.slug, ...input }),
  };
}

type Arranged = Awaited<ReturnType<typeof arrangeTenant>>;

async function createAgency(t: Arranged, input: Record<string, unknown> = {}): Promise<Agency> {
  const reply = await t.call("mutation", "create", {
    agencyType: "damkar",
    name: "Damkar Uji",
    ...input,
  });
  expect(reply.status, JSON.stringify(reply.error)).toBe(200);
  return reply.data as Agency;
}

describe("agencies", () => {
  it("offers the national catalogue of agency types", async () => {
    const t = await arrangeTenant();
    const reply = await t.call("query", "catalogue", {}, t.operator.client);
    expect(reply.status).toBe(200);
    expect(reply.data).toEqual(agencyTypes.map(({ code, name }) => ({ code, name })));
  });

  it("lists the kecamatan of the tenant's own region, by code, for coverage", async () => {
    const t = await arrangeTenant();
    const reply = await t.call("query", "districts", {}, t.operator.client);
    expect(reply.status, reply.message).toBe(200);
    const districts = reply.data as { code: string; name: string }[];
    const [count] = await owner.sql<
      { n: number }[]
    >`select count(*)::int as n from districts where regency_code = ${t.tenant.regionCode}`;
    expect(districts).toHaveLength(count?.n ?? -1);
    expect(districts.slice(0, 3).map((district) => district.code)).toEqual(t.districtCodes);
    expect(
      districts.every(
        (district) =>
          district.code.startsWith(`${t.tenant.regionCode}.`) && district.name.length > 0,
      ),
    ).toBe(true);
  });

  it("creates, lists, reads and updates an agency; operators may look, not change", async () => {
    const t = await arrangeTenant();
    const hours = {
      weekly: [
        { day: 6, from: "08:00", to: "12:00" },
        { day: 1, from: "07:00", to: "24:00" },
      ],
    };
    const created = await createAgency(t, {
      agencyType: "bpbd",
      name: "  BPBD Uji  ",
      coverageDistrictCodes: [t.districtCodes[1], t.districtCodes[0], t.districtCodes[1]],
      operatingHours: hours,
    });
    expect(created).toMatchObject({
      agencyType: "bpbd",
      name: "BPBD Uji",
      active: true,
      coverageDistrictCodes: [t.districtCodes[0], t.districtCodes[1]],
      operatingHours: {
        weekly: [
          { day: 1, from: "07:00", to: "24:00" },
          { day: 6, from: "08:00", to: "12:00" },
        ],
      },
      contacts: [],
    });
    expect(created).not.toHaveProperty("tenantId");

    const plain = await createAgency(t, { coverageDistrictCodes: [] });
    expect(plain).toMatchObject({ coverageDistrictCodes: null, operatingHours: { always: true } });

    const listed = (await t.call("query", "list", {}, t.operator.client)).data as Agency[];
    expect(listed.map((a) => a.id).sort()).toEqual([created.id, plain.id].sort());
    expect(await t.call("query", "get", { agencyId: created.id }, t.operator.client)).toMatchObject(
      { status: 200, data: { id: created.id } },
    );

    const updated = await t.call("mutation", "update", {
      agencyId: created.id,
      name: "BPBD Kabupaten Uji",
      active: false,
      coverageDistrictCodes: null,
      operatingHours: { always: true },
    });
    expect(updated).toMatchObject({
      status: 200,
      data: {
        id: created.id,
        agencyType: "bpbd",
        name: "BPBD Kabupaten Uji",
        active: false,
        coverageDistrictCodes: null,
        operatingHours: { always: true },
      },
    });
    expect(await t.call("mutation", "update", { agencyId: plain.id })).toMatchObject({
      status: 200,
      data: { name: "Damkar Uji", active: true },
    });
    const typeOnly = await t.call("mutation", "update", {
      agencyId: created.id,
      agencyType: "psc119",
    });
    expect(typeOnly).toMatchObject({
      status: 200,
      data: { agencyType: "psc119", name: "BPBD Kabupaten Uji", active: false },
    });

    const refused = await t.call(
      "mutation",
      "create",
      { agencyType: "damkar", name: "x" },
      t.operator.client,
    );
    expect(refused).toMatchObject({ status: 403, code: "FORBIDDEN" });
    const refusedUpdate = await t.call(
      "mutation",
      "update",
      { agencyId: created.id, name: "x" },
      t.operator.client,
    );
    expect(refusedUpdate).toMatchObject({ status: 403, code: "FORBIDDEN" });
  });

  it("refuses what the catalogue, the region and the clock do not allow, naming the field", async () => {
    const t = await arrangeTenant();
    const expectIssue = async (input: Record<string, unknown>, path: string, message: RegExp) => {
      const reply = await t.call("mutation", "create", {
        agencyType: "damkar",
        name: "Damkar",
        ...input,
      });
      expect(reply.status).toBe(400);
      expect(reply.issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path, message: expect.stringMatching(message) as unknown }),
        ]),
      );
    };
    await expectIssue(
      { agencyType: "pemadam" },
      "agencyType",
      /^agencyType must be one of the national catalogue/,
    );
    await expectIssue({ name: "   " }, "name", /^name is required$/);
    await expectIssue(
      { operatingHours: { weekly: [{ day: 1, from: "16:00", to: "07:00" }] } },
      "operatingHours.weekly.0.to",
      /^to must be later than from$/,
    );
    await expectIssue(
      { operatingHours: { weekly: [{ day: 8, from: "07:00", to: "16:00" }] } },
      "operatingHours.weekly.0.day",
      /^day must be/,
    );
    await expectIssue(
      { operatingHours: { weekly: [{ day: 1, from: "7:00", to: "16:00" }] } },
      "operatingHours.weekly.0.from",
      /^from must be a time HH:MM/,
    );
    await expectIssue(
      { operatingHours: { weekly: [{ day: 1, from: "24:00", to: "24:00" }] } },
      "operatingHours.weekly.0.from",
      /^from must be/,
    );
    await expectIssue(
      { operatingHours: { weekly: [] } },
      "operatingHours.weekly",
      /at least one window/,
    );
    await expectIssue(
      { operatingHours: { always: false } },
      "operatingHours.always",
      /^operatingHours must be/,
    );
    await expectIssue({ operatingHours: {} }, "operatingHours", /^operatingHours must be/);
    await expectIssue(
      { coverageDistrictCodes: ["Sidoarjo"] },
      "coverageDistrictCodes.0",
      /kecamatan codes/,
    );

    const [foreign] = await owner.sql<{ code: string }[]>`
      select code from districts where regency_code <> ${t.tenant.regionCode} order by code limit 1`;
    const outside = await t.call("mutation", "create", {
      agencyType: "damkar",
      name: "Damkar",
      coverageDistrictCodes: [t.districtCodes[0], foreign?.code],
    });
    expect(outside).toMatchObject({
      status: 400,
      code: "BAD_REQUEST",
      issues: [
        {
          path: "coverageDistrictCodes.1",
          message: `coverageDistrictCodes: ${String(foreign?.code)} is not a kecamatan of ${t.region.name}`,
        },
      ],
    });
    const agency = await createAgency(t);
    const outsideUpdate = await t.call("mutation", "update", {
      agencyId: agency.id,
      coverageDistrictCodes: [foreign?.code],
    });
    expect(outsideUpdate).toMatchObject({
      status: 400,
      issues: [{ path: "coverageDistrictCodes.0" }],
    });
    const [count] = await owner.sql<
      { n: number }[]
    >`select count(*)::int as n from agencies where tenant_id = ${t.tenant.id}`;
    expect(count?.n).toBe(1);
  });

  it("keeps contacts in E.164, and shows a webhook's signing secret once only", async () => {
    const t = await arrangeTenant();
    const agency = await createAgency(t);
    const add = (input: Record<string, unknown>) =>
      t.call("mutation", "addContact", { agencyId: agency.id, ...input });

    const phone = await add({ kind: "phone", value: "(031) 1234567", label: "Piket" });
    expect(phone).toMatchObject({
      status: 200,
      data: {
        contact: { kind: "phone", value: "+62311234567", label: "Piket", hasSigningSecret: false },
      },
    });
    expect(phone.data).not.toHaveProperty("signingSecret");
    expect(await add({ kind: "whatsapp", value: "0812-3456-7890" })).toMatchObject({
      data: { contact: { value: "+6281234567890", label: null } },
    });
    expect(await add({ kind: "email", value: " Damkar@Contoh.go.id" })).toMatchObject({
      data: { contact: { value: "damkar@contoh.go.id" } },
    });

    const badPhone = await add({ kind: "phone", value: "113" });
    expect(badPhone).toMatchObject({
      status: 400,
      issues: [
        {
          path: "value",
          message: expect.stringMatching(
            /^value \(phone number\) must be an Indonesian phone number/,
          ) as unknown,
        },
      ],
    });
    const badHook = await add({ kind: "webhook", value: "http://contoh.go.id/112" });
    expect(badHook).toMatchObject({
      status: 400,
      issues: [{ path: "value", message: "value (webhook URL) must start with https://" }],
    });
    expect(await add({ kind: "fax", value: "031" })).toMatchObject({
      status: 400,
      issues: [{ path: "kind" }],
    });

    const hook = await add({ kind: "webhook", value: "https://dispatch.contoh.go.id/112" });
    const { contact, signingSecret } = hook.data as { contact: Contact; signingSecret: string };
    expect(contact).toMatchObject({ kind: "webhook", hasSigningSecret: true });
    expect(signingSecret).toMatch(/^whsec_[a-z0-9]{52}$/);

    // Sealed at rest, bound to its own row.
    const [stored] = await owner.sql<{ signing_secret_encrypted: string }[]>`
      select signing_secret_encrypted from agency_contacts where id = ${contact.id}`;
    const box = createSecretBox(testConfig.secretKeys);
    expect(stored?.signing_secret_encrypted).not.toContain(signingSecret);
    expect(
      new TextDecoder().decode(
        box.decrypt(stored?.signing_secret_encrypted ?? "", signingSecretContext(contact.id)),
      ),
    ).toBe(signingSecret);
    expect(() =>
      box.decrypt(
        stored?.signing_secret_encrypted ?? "",
        signingSecretContext(phone.data ? (phone.data as { contact: Contact }).contact.id : ""),
      ),
    ).toThrow();

    // Never again: not in the list, the agency, an update, or the audit log.
    const rotated = await t.call("mutation", "rotateSigningSecret", {
      agencyId: agency.id,
      contactId: contact.id,
    });
    const newSecret = (rotated.data as { signingSecret: string }).signingSecret;
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(signingSecret);
    const updated = await t.call("mutation", "updateContact", {
      agencyId: agency.id,
      contactId: contact.id,
      label: "Sistem CAD",
    });
    const readBack = [
      await t.call("query", "list"),
      await t.call("query", "get", { agencyId: agency.id }),
      await t.call("query", "history", { agencyId: agency.id }),
      updated,
    ];
    for (const reply of readBack) {
      expect(reply.status).toBe(200);
      const text = JSON.stringify(reply.data);
      expect(text).not.toContain(signingSecret);
      expect(text).not.toContain(newSecret);
      expect(text).not.toContain("v1:");
      expect(text).not.toContain("signingSecretEncrypted");
    }
    const got = (readBack[1]?.data as Agency).contacts;
    expect(got.map((c) => [c.kind, c.hasSigningSecret])).toEqual([
      ["phone", false],
      ["whatsapp", false],
      ["email", false],
      ["webhook", true],
    ]);
    const auditText = JSON.stringify(
      await owner.sql`select diff from audit_log where tenant_id = ${t.tenant.id}`,
    );
    expect(auditText).not.toContain(signingSecret);
    expect(auditText).not.toContain(newSecret);

    const [reSealed] = await owner.sql<{ signing_secret_encrypted: string }[]>`
      select signing_secret_encrypted from agency_contacts where id = ${contact.id}`;
    expect(
      new TextDecoder().decode(
        box.decrypt(reSealed?.signing_secret_encrypted ?? "", signingSecretContext(contact.id)),
      ),
    ).toBe(newSecret);

    const phoneId = (phone.data as { contact: Contact }).contact.id;
    expect(
      await t.call("mutation", "rotateSigningSecret", { agencyId: agency.id, contactId: phoneId }),
    ).toMatchObject({ status: 400 });
  });

  it("updates a contact as its kind requires, and removes it", async () => {
    const t = await arrangeTenant();
    const agency = await createAgency(t);
    const added = await t.call("mutation", "addContact", {
      agencyId: agency.id,
      kind: "whatsapp",
      value: "+62 812 3456 7890",
      label: "Komandan",
    });
    const contactId = (added.data as { contact: Contact }).contact.id;
    const ids = { agencyId: agency.id, contactId };

    expect(
      await t.call("mutation", "updateContact", { ...ids, value: "628119876543" }),
    ).toMatchObject({
      status: 200,
      data: { contact: { value: "+628119876543", label: "Komandan" } },
    });
    expect(await t.call("mutation", "updateContact", ids)).toMatchObject({
      status: 200,
      data: { contact: { value: "+628119876543" } },
    });
    expect(await t.call("mutation", "updateContact", { ...ids, label: "" })).toMatchObject({
      data: { contact: { value: "+628119876543", label: null } },
    });
    expect(
      await t.call("mutation", "updateContact", { ...ids, value: "damkar@contoh.go.id" }),
    ).toMatchObject({
      status: 400,
      issues: [
        {
          path: "value",
          message: expect.stringMatching(/^value \(WhatsApp number\) must be/) as unknown,
        },
      ],
    });
    expect(
      await t.call(
        "mutation",
        "updateContact",
        { ...ids, value: "0812-0000-1111" },
        t.operator.client,
      ),
    ).toMatchObject({ status: 403 });

    expect(await t.call("mutation", "removeContact", ids)).toMatchObject({
      status: 200,
      data: { removed: true },
    });
    expect(await t.call("mutation", "removeContact", ids)).toMatchObject({
      status: 404,
      code: "NOT_FOUND",
    });
    expect(
      ((await t.call("query", "get", { agencyId: agency.id })).data as Agency).contacts,
    ).toEqual([]);
  });

  it("pre-fills the standard set for the region's kind, named after it, once", async () => {
    const t = await arrangeTenant();
    const own = await createAgency(t, { agencyType: "damkar", name: "UPT Pemadam Kebakaran Kami" });
    const first = await t.call("mutation", "applyStandardSet");
    expect(first.status, JSON.stringify(first.error)).toBe(200);
    const { created, skipped } = first.data as { created: Agency[]; skipped: string[] };
    expect(skipped).toEqual(["damkar"]);
    expect(created.map((a) => a.agencyType)).toEqual([
      "bpbd",
      "psc119",
      "rsud",
      "satpol_pp",
      "polres",
      "kodim",
      "basarnas",
      "pln",
      "pdam",
      "dishub",
      "dinsos",
      "dp3a",
      "pmi",
      "dlh",
      "pupr",
    ]);
    expect(created.find((a) => a.agencyType === "bpbd")?.name).toBe(`BPBD ${t.region.name}`);
    expect(created.find((a) => a.agencyType === "polres")?.name).toBe(
      `${t.region.kind === "kota" ? "Polresta" : "Polres"} ${t.region.name}`,
    );
    expect(created.every((a) => a.active && a.coverageDistrictCodes === null)).toBe(true);

    const again = await t.call("mutation", "applyStandardSet", {
      kind: t.region.kind === "kota" ? "kabupaten" : "kota",
    });
    expect(again).toMatchObject({ status: 200, data: { created: [] } });
    expect((again.data as { skipped: string[] }).skipped).toHaveLength(16);
    const listed = (await t.call("query", "list")).data as Agency[];
    expect(listed).toHaveLength(16);
    expect(listed.find((a) => a.agencyType === "damkar")?.id).toBe(own.id);

    // The kind can be chosen: a kota is served by a Polresta. Concurrent runs add each type once.
    const other = await arrangeTenant();
    const runs = await Promise.all([
      other.call("mutation", "applyStandardSet", { kind: "kota" }),
      other.call("mutation", "applyStandardSet", { kind: "kota" }),
    ]);
    expect(runs.map((r) => r.status)).toEqual([200, 200]);
    const otherList = (await other.call("query", "list")).data as Agency[];
    expect(otherList).toHaveLength(16);
    expect(otherList.find((a) => a.agencyType === "polres")?.name).toBe(
      `Polresta ${other.region.name}`,
    );
    expect(otherList.find((a) => a.agencyType === "damkar")?.name).toBe(
      `Damkar ${other.region.name}`,
    );
    const [audited] = await owner.sql<{ n: number }[]>`
      select count(*)::int as n from audit_log where tenant_id = ${other.tenant.id} and action = 'agencies.applyStandardSet'`;
    expect(audited?.n).toBe(16);
    expect(
      await other.call("mutation", "applyStandardSet", {}, other.operator.client),
    ).toMatchObject({ status: 403 });
  });

  it("keeps each change in the audit log and shows it as the agency's history, newest first", async () => {
    const t = await arrangeTenant();
    const agency = await createAgency(t, { name: "Damkar Awal" });
    await t.call("mutation", "update", { agencyId: agency.id, name: "Damkar Baru", active: false });
    const added = await t.call("mutation", "addContact", {
      agencyId: agency.id,
      kind: "phone",
      value: "031-1234567",
    });
    const contactId = (added.data as { contact: Contact }).contact.id;
    await t.call("mutation", "updateContact", {
      agencyId: agency.id,
      contactId,
      value: "031-7654321",
    });
    await t.call("mutation", "removeContact", { agencyId: agency.id, contactId });
    const unrelated = await createAgency(t, { agencyType: "bpbd", name: "BPBD" });
    await t.call("mutation", "addContact", {
      agencyId: unrelated.id,
      kind: "email",
      value: "bpbd@contoh.go.id",
    });

    const reply = await t.call("query", "history", { agencyId: agency.id }, t.operator.client);
    expect(reply.status).toBe(200);
    const history = reply.data as HistoryRow[];
    expect(history.map((row) => [row.action, row.targetId])).toEqual([
      ["agencies.removeContact", contactId],
      ["agencies.updateContact", contactId],
      ["agencies.addContact", contactId],
      ["agencies.update", agency.id],
      ["agencies.create", agency.id],
    ]);
    expect(history.every((row) => row.actorDisplayName === t.admin.displayName)).toBe(true);
    expect(history[1]?.diff).toEqual({
      before: { agencyId: agency.id, kind: "phone", value: "+62311234567", label: null },
      after: { agencyId: agency.id, kind: "phone", value: "+62317654321", label: null },
    });
    expect(history[3]?.diff).toMatchObject({
      before: { name: "Damkar Awal", active: true },
      after: { name: "Damkar Baru", active: false },
    });
    expect(history[4]?.diff).toEqual({
      after: {
        agencyType: "damkar",
        name: "Damkar Awal",
        active: true,
        coverageDistrictCodes: null,
        operatingHours: { always: true },
      },
    });

    const [row] = await owner.sql<{ actor_user_id: string; actor_role: string }[]>`
      select actor_user_id, actor_role from audit_log where action = 'agencies.update' and target_id = ${agency.id}`;
    expect(row).toEqual({ actor_user_id: t.admin.id, actor_role: "tenant_admin" });
  });

  it("answers NOT_FOUND for another tenant's agencies and contacts, everywhere", async () => {
    const a = await arrangeTenant();
    const b = await arrangeTenant();
    const theirs = await createAgency(b, { name: "Damkar B" });
    const theirContact = await b.call("mutation", "addContact", {
      agencyId: theirs.id,
      kind: "webhook",
      value: "https://b.contoh.go.id/hook",
    });
    const contactId = (theirContact.data as { contact: Contact }).contact.id;
    const mine = await createAgency(a, { name: "Damkar A" });

    const attempts = [
      a.call("query", "get", { agencyId: theirs.id }),
      a.call("query", "history", { agencyId: theirs.id }),
      a.call("mutation", "update", { agencyId: theirs.id, name: "Direbut" }),
      a.call("mutation", "addContact", {
        agencyId: theirs.id,
        kind: "phone",
        value: "0812-3456-7890",
      }),
      a.call("mutation", "updateContact", { agencyId: theirs.id, contactId, label: "Direbut" }),
      a.call("mutation", "removeContact", { agencyId: theirs.id, contactId }),
      a.call("mutation", "rotateSigningSecret", { agencyId: theirs.id, contactId }),
      // Their contact under one's own agency id is not found either.
      a.call("mutation", "updateContact", { agencyId: mine.id, contactId, label: "Direbut" }),
      a.call("mutation", "removeContact", { agencyId: mine.id, contactId }),
      a.call("mutation", "rotateSigningSecret", { agencyId: mine.id, contactId }),
      // Naming their tenant outright is refused like a tenant that does not exist.
      a.admin.client.call("query", "agencies.get", {
        tenantSlug: b.tenant.slug,
        agencyId: theirs.id,
      }),
    ];
    for (const reply of await Promise.all(attempts))
      expect(reply).toMatchObject({ status: 404, code: "NOT_FOUND" });

    const listed = (await a.call("query", "list")).data as Agency[];
    expect(listed.map((agency) => agency.id)).toEqual([mine.id]);
    const [untouched] = await owner.sql<{ name: string; contacts: number }[]>`
      select a.name, (select count(*)::int from agency_contacts c where c.agency_id = a.id) as contacts
        from agencies a where a.id = ${theirs.id}`;
    expect(untouched).toEqual({ name: "Damkar B", contacts: 1 });
    const [theirAudit] = await owner.sql<{ n: number }[]>`
      select count(*)::int as n from audit_log where tenant_id = ${a.tenant.id} and target_id in (${theirs.id}, ${contactId})`;
    expect(theirAudit?.n).toBe(0);
  });
});
