import { describe, expect, it } from "vitest";
import { createTestTenant } from "@sigap/tenancy/testing";
import { isAddressOrCidr, isHostName } from "../../src/validation/network.ts";
import { testClient } from "../client.ts";
import { useTestApi, useTestRecords } from "../harness.ts";
import { freshDid } from "../numbers.ts";
import { auditRows, createTestPerson } from "../people.ts";

const { api, database } = useTestApi();
const { owner } = database;
const { tenants, people } = useTestRecords(owner);

/** A fresh tenant with a signed-in admin, and a shortcut to call its trunk procedures. */
async function arrangeTenant() {
  const tenant = await createTestTenant(owner);
  tenants.push(tenant);
  const admin = await createTestPerson(owner, {
    memberships: [{ tenantId: tenant.id, role: "tenant_admin" }],
    signedIn: true,
  });
  people.push(admin);
  const client = testClient(api.url, { cookie: admin.cookie });
  const call = (type: "query" | "mutation", path: string, input: Record<string, unknown> = {}) =>
    client.call(type, `trunks.${path}`, { tenantSlug: tenant.slug, ...input });
  return { tenant, admin, client, call };
}

const password = "Trunk-Rahasia-42";

const digestTrunk = (name = "Telkomsel Utama") => ({
  name,
  carrier: "telkomsel",
  sipHost: "SIP.Telkomsel.example",
  sipPort: 5060,
  transport: "udp",
  maxChannels: 30,
  codecs: ["alaw", "ulaw"],
  auth: { kind: "digest", username: "sidoarjo112", password },
  status: "provisioning",
});

interface Trunk {
  id: string;
  name: string;
  sipHost: string;
  dids: string[];
  auth: { kind: string; username?: string; hasPassword?: boolean; addresses?: string[] };
}

async function create(
  call: Awaited<ReturnType<typeof arrangeTenant>>["call"],
  fields: Record<string, unknown> = digestTrunk(),
): Promise<Trunk> {
  const reply = await call("mutation", "create", fields);
  if (reply.status !== 200)
    throw new Error(`trunks.create failed: ${String(reply.status)} ${JSON.stringify(reply.error)}`);
  return reply.data as Trunk;
}

const didOwner = async (did: string) =>
  (
    await owner.sql<
      { owner_tenant_id: string; trunk_id: string }[]
    >`select owner_tenant_id, trunk_id from did_routes where did = ${did}`
  )[0];

describe("phone trunks", () => {
  it("stores the digest password sealed and never returns it", async () => {
    const { tenant, client, call } = await arrangeTenant();
    const created = await call("mutation", "create", digestTrunk());
    expect(created).toMatchObject({
      status: 200,
      data: {
        sipHost: "sip.telkomsel.example",
        auth: { kind: "digest", username: "sidoarjo112", hasPassword: true },
        status: "provisioning",
        dids: [],
      },
    });
    const trunk = created.data as Trunk;
    const [row] = await owner.sql<{ digest_password_encrypted: string }[]>`
      select digest_password_encrypted from phone_trunks where tenant_id = ${tenant.id} and id = ${trunk.id}`;
    expect(row?.digest_password_encrypted).toMatch(/^v1:/);
    expect(row?.digest_password_encrypted).not.toContain(password);

    const readings = [
      created,
      await call("query", "list"),
      await call("query", "get", { trunkId: trunk.id }),
    ];
    for (const reading of readings) expect(JSON.stringify(reading.data)).not.toContain(password);
    expect(
      JSON.stringify(await auditRows(owner, "audit_log", "trunks.create", trunk.id)),
    ).not.toContain(password);

    // A sealed password copied onto another trunk does not open there (it is bound to its row), so
    // the export fails rather than hand the PBX a credential that was never that trunk's.
    const other = await create(call, {
      ...digestTrunk("Telkomsel Cadangan"),
      auth: { kind: "digest", username: "x", password: "Lain-Lagi-7" },
    });
    await owner.sql`update phone_trunks set digest_password_encrypted = ${row?.digest_password_encrypted ?? ""} where id = ${other.id}`;
    const exported = await client.call("mutation", "telephony.export", { tenantSlug: tenant.slug });
    expect(exported.status).toBe(500);
  });

  it("names each bad field in English", async () => {
    const { call } = await arrangeTenant();
    const reply = await call("mutation", "create", {
      ...digestTrunk(),
      sipHost: "sip..example",
      sipPort: 70000,
      maxChannels: 0,
      codecs: ["alaw", "gsm"],
      carrier: "smartfren",
    });
    expect(reply.status).toBe(400);
    expect(reply.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: "sipHost",
          message: "sipHost must be a host name such as sip.contoh.co.id or an IPv4/IPv6 address",
        }),
        expect.objectContaining({
          path: "sipPort",
          message: "sipPort must be a port number from 1 to 65535",
          reason: "too_big",
          params: { maximum: 65535, origin: "number" },
        }),
        expect.objectContaining({
          path: "maxChannels",
          message: "maxChannels must be a whole number from 1 to 10000",
          reason: "too_small",
        }),
        expect.objectContaining({
          path: "codecs.1",
          message: "each codec must be one of alaw, ulaw, g722, g729, opus",
        }),
        expect.objectContaining({ path: "carrier" }),
      ]),
    );

    const addresses = await call("mutation", "create", {
      ...digestTrunk(),
      sipHost: "10.0.0.300",
      auth: {
        kind: "ip_allow_list",
        addresses: ["203.0.113.0/24", "203.0.113.0/33", "2001:db8::/48", "sip.example"],
      },
    });
    expect(addresses.issues).toMatchObject([
      {
        path: "sipHost",
        message: "sipHost must be a host name such as sip.contoh.co.id or an IPv4/IPv6 address",
      },
      {
        path: "auth.addresses.1",
        message:
          "auth.addresses.1 must be an IP address or CIDR range such as 203.0.113.10 or 203.0.113.0/24",
      },
      {
        path: "auth.addresses.3",
        message:
          "auth.addresses.3 must be an IP address or CIDR range such as 203.0.113.10 or 203.0.113.0/24",
      },
    ]);

    const wide = await call("mutation", "create", {
      ...digestTrunk(),
      auth: {
        kind: "ip_allow_list",
        addresses: ["0.0.0.0/0", "::/0", "10.0.0.0/8", "10.20.0.0/16", "2001:db8::/32"],
      },
    });
    expect(wide.issues).toMatchObject(
      [0, 1, 2].map((index) => ({
        path: `auth.addresses.${String(index)}`,
        message: `auth.addresses.${String(index)} is too wide a range: at most /16 for IPv4 and /32 for IPv6`,
      })),
    );

    const noPassword = await call("mutation", "create", {
      ...digestTrunk(),
      auth: { kind: "digest", username: "u" },
    });
    expect(noPassword).toMatchObject({
      status: 400,
      issues: [
        {
          path: "auth.password",
          message: "auth.password is required for digest authentication",
          reason: "required",
        },
      ],
    });

    // IPv6 signalling addresses and IPv4/IPv6 allow-lists are fine.
    const ipTrunk = await create(call, {
      ...digestTrunk("Indosat"),
      sipHost: "2001:DB8::10",
      auth: { kind: "ip_allow_list", addresses: [" 203.0.113.0/24", "2001:db8::/32"] },
    });
    expect(ipTrunk).toMatchObject({
      sipHost: "2001:db8::10",
      auth: { kind: "ip_allow_list", addresses: ["203.0.113.0/24", "2001:db8::/32"] },
    });

    const taken = await call("mutation", "create", digestTrunk("indosat"));
    expect(taken).toMatchObject({ status: 409, code: "CONFLICT", issues: [{ path: "name" }] });
  });

  it("keeps the stored password when an update leaves it out, replaces it when given", async () => {
    const { tenant, call } = await arrangeTenant();
    const trunk = await create(call);
    const sealed = async () =>
      (
        await owner.sql<
          { s: string | null }[]
        >`select digest_password_encrypted as s from phone_trunks where tenant_id = ${tenant.id} and id = ${trunk.id}`
      )[0]?.s;
    const first = await sealed();

    const kept = await call("mutation", "update", {
      trunkId: trunk.id,
      ...digestTrunk(),
      maxChannels: 60,
      auth: { kind: "digest", username: "sidoarjo112" },
    });
    expect(kept).toMatchObject({
      status: 200,
      data: { maxChannels: 60, auth: { hasPassword: true } },
    });
    expect(await sealed()).toBe(first);

    await call("mutation", "update", {
      trunkId: trunk.id,
      ...digestTrunk(),
      auth: { kind: "digest", username: "sidoarjo112", password: "Baru-Sekali-99" },
    });
    expect(await sealed()).not.toBe(first);

    const toIp = await call("mutation", "update", {
      trunkId: trunk.id,
      ...digestTrunk(),
      auth: { kind: "ip_allow_list", addresses: ["198.51.100.7"] },
    });
    expect(toIp).toMatchObject({
      status: 200,
      data: { auth: { kind: "ip_allow_list", addresses: ["198.51.100.7"] } },
    });
    expect(await sealed()).toBeNull();

    const backToDigest = await call("mutation", "update", {
      trunkId: trunk.id,
      ...digestTrunk(),
      auth: { kind: "digest", username: "sidoarjo112" },
    });
    expect(backToDigest).toMatchObject({
      status: 400,
      issues: [{ path: "auth.password", reason: "required" }],
    });

    const [audit] = await owner.sql<{ diff: { before: unknown; after: unknown } }[]>`
      select diff from audit_log where action = 'trunks.update' and target_id = ${trunk.id} order by occurred_at limit 1`;
    expect(audit?.diff).toMatchObject({
      before: { maxChannels: 30 },
      after: { maxChannels: 60, auth: { kind: "digest", replaced: false } },
    });
  });

  it("claims DIDs in E.164, releases removed ones, and refuses a number another region holds without changing anything", async () => {
    const a = await arrangeTenant();
    const b = await arrangeTenant();
    const trunkA = await create(a.call);
    const trunkB = await create(b.call);
    const [shared, onlyA, onlyB] = [freshDid(), freshDid(), freshDid()];
    const local = (did: string) => `0${did.slice(3, 5)} ${did.slice(5)}`;

    const claimed = await a.call("mutation", "setDids", {
      trunkId: trunkA.id,
      dids: [local(shared), onlyA],
    });
    expect(claimed).toMatchObject({ status: 200, data: { dids: [shared, onlyA].sort() } });
    expect(await didOwner(shared)).toEqual({ owner_tenant_id: a.tenant.id, trunk_id: trunkA.id });

    const refused = await b.call("mutation", "setDids", {
      trunkId: trunkB.id,
      dids: [onlyB, shared],
    });
    expect(refused).toMatchObject({
      status: 409,
      code: "CONFLICT",
      issues: [{ path: "dids.1", message: `${shared} is not available`, reason: "unavailable" }],
    });
    expect(await didOwner(onlyB)).toBeUndefined();
    expect(await didOwner(shared)).toEqual({ owner_tenant_id: a.tenant.id, trunk_id: trunkA.id });
    expect((await b.call("query", "get", { trunkId: trunkB.id })).data).toMatchObject({ dids: [] });

    // A releases the number; now B may have it.
    expect(
      await a.call("mutation", "setDids", { trunkId: trunkA.id, dids: [onlyA] }),
    ).toMatchObject({ status: 200, data: { dids: [onlyA] } });
    expect(
      await b.call("mutation", "setDids", { trunkId: trunkB.id, dids: [onlyB, shared] }),
    ).toMatchObject({ status: 200 });
    expect(await didOwner(shared)).toEqual({ owner_tenant_id: b.tenant.id, trunk_id: trunkB.id });

    const bad = await a.call("mutation", "setDids", {
      trunkId: trunkA.id,
      dids: [onlyA, "112", local(onlyA)],
    });
    expect(bad).toMatchObject({
      status: 400,
      issues: [
        {
          path: "dids.1",
          message: "dids.1 must be an Indonesian number in E.164 form such as +62 31 1234567",
        },
        { path: "dids.2", message: `dids.2 repeats dids.0 (${onlyA})`, reason: "repeated" },
      ],
    });

    // Within a region a number sits on one trunk; moving it is an explicit removal first.
    const secondA = await create(a.call, digestTrunk("Telkom"));
    const moved = await a.call("mutation", "setDids", { trunkId: secondA.id, dids: [onlyA] });
    expect(moved).toMatchObject({ status: 409, issues: [{ path: "dids.0", reason: "taken" }] });
  });

  it("removes a trunk, releasing its DIDs, and keeps its history", async () => {
    const { call, admin } = await arrangeTenant();
    const trunk = await create(call);
    const did = freshDid();
    await call("mutation", "update", {
      trunkId: trunk.id,
      ...digestTrunk(),
      status: "testing",
      auth: { kind: "digest", username: "sidoarjo112" },
    });
    await call("mutation", "setDids", { trunkId: trunk.id, dids: [did] });
    expect(await call("mutation", "remove", { trunkId: trunk.id })).toMatchObject({
      status: 200,
      data: { removed: true, releasedDids: [did] },
    });
    expect(await didOwner(did)).toBeUndefined();
    expect(await call("query", "get", { trunkId: trunk.id })).toMatchObject({
      status: 404,
      code: "NOT_FOUND",
    });

    const history = (await call("query", "history", { trunkId: trunk.id })).data as {
      action: string;
      actorUserId: string | null;
      actorDisplayName: string | null;
      diff: unknown;
    }[];
    expect(history.map((entry) => entry.action)).toEqual([
      "trunks.remove",
      "trunks.setDids",
      "trunks.update",
      "trunks.create",
    ]);
    expect(
      history.every(
        (entry) => entry.actorUserId === admin.id && entry.actorDisplayName === admin.displayName,
      ),
    ).toBe(true);
    expect(history[1]?.diff).toEqual({ before: { dids: [] }, after: { dids: [did] } });
    expect(history[2]?.diff).toMatchObject({
      before: { status: "provisioning" },
      after: { status: "testing" },
    });
    expect(JSON.stringify(history)).not.toContain(password);
  });

  it("keeps each region's trunks to itself", async () => {
    const a = await arrangeTenant();
    const b = await arrangeTenant();
    const trunkB = await create(b.call, digestTrunk("Milik B"));
    expect((await a.call("query", "list")).data).toEqual([]);
    const attempts = [
      a.call("query", "get", { trunkId: trunkB.id }),
      a.call("query", "history", { trunkId: trunkB.id }),
      a.call("mutation", "update", { trunkId: trunkB.id, ...digestTrunk("Dicuri") }),
      a.call("mutation", "setDids", { trunkId: trunkB.id, dids: [freshDid()] }),
      a.call("mutation", "remove", { trunkId: trunkB.id }),
    ];
    const [get, history, ...changes] = await Promise.all(attempts);
    expect(get).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect(history).toMatchObject({ status: 200, data: [] });
    for (const change of changes) expect(change).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect((await b.call("query", "get", { trunkId: trunkB.id })).data).toMatchObject({
      name: "Milik B",
      dids: [],
    });
    // Naming the other tenant outright is no better.
    expect(
      await a.client.call("query", "trunks.list", { tenantSlug: b.tenant.slug }),
    ).toMatchObject({ status: 404 });
  });
});

describe("network validators", () => {
  it("tell host names from mistyped addresses", () => {
    for (const good of ["sip.telkomsel.example", "SIP-1.contoh.co.id", "pbx", "sip.example."])
      expect(isHostName(good)).toBe(true);
    for (const bad of [
      "",
      "sip..example",
      "-sip.example",
      "sip-.example",
      "10.0.0.300",
      `${"a".repeat(64)}.example`,
      "sip_1.example",
      "sip example",
    ]) {
      expect(isHostName(bad)).toBe(false);
    }
  });

  it("accept IPv4/IPv6 addresses and CIDR ranges whose prefix fits the family", () => {
    for (const good of [
      "203.0.113.7",
      "203.0.113.0/24",
      "0.0.0.0/0",
      "2001:db8::1",
      "2001:db8::/128",
    ])
      expect(isAddressOrCidr(good)).toBe(true);
    for (const bad of [
      "203.0.113.0/33",
      "2001:db8::/129",
      "203.0.113.0/",
      "203.0.113.0/24/8",
      "203.0.113",
      "sip.example",
      "203.0.113.0/+8",
    ]) {
      expect(isAddressOrCidr(bad)).toBe(false);
    }
  });
});
