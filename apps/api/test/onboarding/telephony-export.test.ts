import { describe, expect, it } from "vitest";
import { createTestTenant } from "@sigap/tenancy/testing";
import { asteriskConfig } from "../../src/telephony/asterisk.ts";
import { kamailioDispatcher, kamailioPermissions } from "../../src/telephony/kamailio.ts";
import {
  planTrunks,
  type TelephonyTenant,
  type TelephonyTrunk,
} from "../../src/telephony/trunk-plan.ts";
import { testClient } from "../client.ts";
import { useTestApi, useTestRecords } from "../harness.ts";
import { createTestPerson } from "../people.ts";
import {
  optionValues,
  parseAddresses,
  parseAsterisk,
  parseDispatcher,
  pjsipSection,
} from "./config-parsers.ts";

const { api, database } = useTestApi();
const { owner } = database;
const { tenants, people } = useTestRecords(owner);

const tenant: TelephonyTenant = {
  slug: "kab-sidoarjo",
  displayName: "Kabupaten Sidoarjo",
  regionCode: "35.15",
};

/** Deliberately out of order, with a disabled trunk and two names sharing one slug. */
const fixture: TelephonyTrunk[] = [
  {
    id: "00000000-0000-4000-8000-000000000004",
    name: "Indosat Cadangan!",
    carrier: "indosat_ooredoo_hutchison",
    sipHost: "2001:db8::10",
    sipPort: 5060,
    transport: "tcp",
    maxChannels: 4,
    codecs: ["alaw"],
    status: "provisioning",
    auth: { kind: "ip_allow_list", addresses: ["2001:db8::10"] },
    dids: [],
  },
  {
    id: "00000000-0000-4000-8000-000000000003",
    name: "XL Lama",
    carrier: "xlsmart",
    sipHost: "sip.xl.example",
    sipPort: 5060,
    transport: "udp",
    maxChannels: 2,
    codecs: ["alaw"],
    status: "disabled",
    auth: { kind: "ip_allow_list", addresses: ["192.0.2.1"] },
    dids: ["+62318000900"],
  },
  {
    id: "00000000-0000-4000-8000-000000000002",
    name: "Indosat Cadangan",
    carrier: "indosat_ooredoo_hutchison",
    sipHost: "203.0.113.10",
    sipPort: 5061,
    transport: "tls",
    maxChannels: 10,
    codecs: ["g722", "alaw"],
    status: "testing",
    auth: { kind: "ip_allow_list", addresses: ["203.0.113.0/24", "2001:db8::/32", "198.51.100.7"] },
    dids: ["+62318000200"],
  },
  {
    id: "00000000-0000-4000-8000-000000000001",
    name: "Telkomsel Utama",
    carrier: "telkomsel",
    sipHost: "sip.telkomsel.example",
    sipPort: 5060,
    transport: "udp",
    maxChannels: 30,
    codecs: ["alaw", "ulaw"],
    status: "active",
    auth: { kind: "digest", username: "sidoarjo112", password: "s3cret;Pass" },
    dids: ["+62318000113", "+62318000112"],
  },
];

function generate(trunks: TelephonyTrunk[]) {
  const planned = planTrunks(tenant, trunks);
  return {
    asterisk: asteriskConfig(tenant, planned),
    dispatcher: kamailioDispatcher(tenant, planned),
    permissions: kamailioPermissions(tenant, planned),
  };
}

describe("telephony configuration generators", () => {
  it("match the golden files for a fixed fixture, whatever order the trunks come in", async () => {
    const output = generate(fixture);
    await expect(output.asterisk).toMatchFileSnapshot("golden/asterisk.conf");
    await expect(output.dispatcher).toMatchFileSnapshot("golden/dispatcher.list");
    await expect(output.permissions).toMatchFileSnapshot("golden/address.list");
    expect(generate(fixture.toReversed())).toEqual(output);
  });

  it("write PJSIP sections and a dialplan that read back to the trunks", () => {
    const blocks = parseAsterisk(generate(fixture).asterisk);
    const names = blocks.map((block) => block.name);
    expect(names.filter((name) => name.startsWith("from-trunk-"))).toEqual([
      "from-trunk-indosat-cadangan",
      "from-trunk-indosat-cadangan-2",
      "from-trunk-telkomsel-utama",
    ]);
    expect(names.some((name) => name.includes("xl-lama"))).toBe(false);

    const endpoint = pjsipSection(blocks, "telkomsel-utama", "endpoint");
    expect(Object.fromEntries(endpoint?.options ?? [])).toMatchObject({
      transport: "transport-udp",
      context: "from-trunk-telkomsel-utama",
      allow: "alaw,ulaw",
      aors: "telkomsel-utama",
      outbound_auth: "telkomsel-utama-auth",
    });
    expect(optionValues(pjsipSection(blocks, "telkomsel-utama", "aor"), "contact")).toEqual([
      "sip:sip.telkomsel.example:5060",
    ]);
    const auth = pjsipSection(blocks, "telkomsel-utama-auth", "auth");
    // The `;` in the password survives the round trip: escaped in the file, read back whole.
    expect({
      username: optionValues(auth, "username"),
      password: optionValues(auth, "password"),
    }).toEqual({
      username: ["sidoarjo112"],
      password: ["s3cret;Pass"],
    });
    expect(
      optionValues(
        pjsipSection(blocks, "telkomsel-utama-registration", "registration"),
        "client_uri",
      ),
    ).toEqual(["sip:sidoarjo112@sip.telkomsel.example:5060"]);
    expect(
      optionValues(pjsipSection(blocks, "telkomsel-utama-identify", "identify"), "match"),
    ).toEqual(["sip.telkomsel.example"]);

    // IP allow-list trunks: no auth, identified by every listed address.
    expect(pjsipSection(blocks, "indosat-cadangan-auth", "auth")).toBeUndefined();
    expect(
      optionValues(pjsipSection(blocks, "indosat-cadangan", "endpoint"), "outbound_auth"),
    ).toEqual([]);
    expect(
      optionValues(pjsipSection(blocks, "indosat-cadangan-identify", "identify"), "match"),
    ).toEqual(["198.51.100.7", "2001:db8::/32", "203.0.113.0/24"]);
    expect(optionValues(pjsipSection(blocks, "indosat-cadangan", "aor"), "contact")).toEqual([
      "sip:203.0.113.10:5061;transport=tls",
    ]);
    expect(optionValues(pjsipSection(blocks, "indosat-cadangan-2", "aor"), "contact")).toEqual([
      "sip:[2001:db8::10]:5060;transport=tcp",
    ]);

    // Every DID of a trunk is an extension of its context, entering the tenant's 112 context.
    const context = blocks.find((block) => block.name === "from-trunk-telkomsel-utama");
    expect([...new Set(context?.steps.map((step) => step.extension))]).toEqual([
      "+62318000112",
      "+62318000113",
    ]);
    expect(context?.steps.filter((step) => step.priority === "1")).toHaveLength(2);
    expect(context?.steps.at(-1)?.application).toBe("Goto(sigap-112-kab-sidoarjo,${EXTEN},1)");
    expect(context?.steps.some((step) => step.application.includes("> 30]?Hangup(34)"))).toBe(true);
    expect(blocks.find((block) => block.name === "from-trunk-indosat-cadangan-2")?.steps).toEqual(
      [],
    );
  });

  it("write Kamailio dispatcher and address lists that read back to the trunks", () => {
    const output = generate(fixture);
    expect(parseDispatcher(output.dispatcher)).toEqual([
      {
        setId: 3515001,
        destination: "sip:203.0.113.10:5061;transport=tls",
        flags: 0,
        priority: 0,
        attributes: { duid: "indosat-cadangan", maxload: "10", tenant: "kab-sidoarjo" },
      },
      {
        setId: 3515002,
        destination: "sip:[2001:db8::10]:5060;transport=tcp",
        flags: 0,
        priority: 0,
        attributes: { duid: "indosat-cadangan-2", maxload: "4", tenant: "kab-sidoarjo" },
      },
      {
        setId: 3515003,
        destination: "sip:sip.telkomsel.example:5060;transport=udp",
        flags: 0,
        priority: 0,
        attributes: { duid: "telkomsel-utama", maxload: "30", tenant: "kab-sidoarjo" },
      },
    ]);
    expect(parseAddresses(output.permissions)).toEqual([
      {
        group: 3515001,
        address: "198.51.100.7",
        netmask: 32,
        port: 0,
        tag: "kab-sidoarjo:indosat-cadangan",
      },
      {
        group: 3515001,
        address: "[2001:db8::]",
        netmask: 32,
        port: 0,
        tag: "kab-sidoarjo:indosat-cadangan",
      },
      {
        group: 3515001,
        address: "203.0.113.0",
        netmask: 24,
        port: 0,
        tag: "kab-sidoarjo:indosat-cadangan",
      },
      {
        group: 3515002,
        address: "[2001:db8::10]",
        netmask: 128,
        port: 0,
        tag: "kab-sidoarjo:indosat-cadangan-2",
      },
      {
        group: 3515003,
        address: "sip.telkomsel.example",
        netmask: 32,
        port: 0,
        tag: "kab-sidoarjo:telkomsel-utama",
      },
    ]);
  });
});

describe("telephony.export", () => {
  it("exports the tenant's own trunks with the digest password, as an audited mutation", async () => {
    const mine = await createTestTenant(owner);
    const other = await createTestTenant(owner);
    tenants.push(mine, other);
    const admin = await createTestPerson(owner, {
      memberships: [{ tenantId: mine.id, role: "tenant_admin" }],
      signedIn: true,
    });
    const otherAdmin = await createTestPerson(owner, {
      memberships: [{ tenantId: other.id, role: "tenant_admin" }],
      signedIn: true,
    });
    people.push(admin, otherAdmin);
    const client = testClient(api.url, { cookie: admin.cookie });
    const otherClient = testClient(api.url, { cookie: otherAdmin.cookie });

    const base = {
      sipPort: 5060,
      transport: "udp",
      maxChannels: 8,
      codecs: ["alaw"],
      status: "active",
    };
    const digest = await client.call("mutation", "trunks.create", {
      tenantSlug: mine.slug,
      ...base,
      name: "Telkom Kantor",
      carrier: "telkom",
      sipHost: "sip.telkom.example",
      auth: { kind: "digest", username: "kantor112", password: "Rahasia-Trunk-9" },
    });
    expect(digest.status).toBe(200);
    const trunkId = (digest.data as { id: string }).id;
    expect(
      await client.call("mutation", "trunks.setDids", {
        tenantSlug: mine.slug,
        trunkId,
        dids: ["031 8000 4455"],
      }),
    ).toMatchObject({ status: 200 });
    await otherClient.call("mutation", "trunks.create", {
      tenantSlug: other.slug,
      ...base,
      name: "Trunk Tetangga",
      carrier: "other",
      sipHost: "192.0.2.99",
      auth: { kind: "ip_allow_list", addresses: ["192.0.2.99"] },
    });

    const reply = await client.call("mutation", "telephony.export", { tenantSlug: mine.slug });
    expect(reply.status).toBe(200);
    const exported = reply.data as {
      asterisk: string;
      kamailio: { dispatcher: string; permissions: string };
    };
    const blocks = parseAsterisk(exported.asterisk);
    expect(optionValues(pjsipSection(blocks, "telkom-kantor-auth", "auth"), "password")).toEqual([
      "Rahasia-Trunk-9",
    ]);
    expect(
      blocks.find((block) => block.name === "from-trunk-telkom-kantor")?.steps[0]?.extension,
    ).toBe("+623180004455");
    const regionBase = Number(mine.regionCode.replace(".", "")) * 1000;
    expect(parseDispatcher(exported.kamailio.dispatcher).map((entry) => entry.setId)).toEqual([
      regionBase + 1,
    ]);
    expect(parseAddresses(exported.kamailio.permissions).map((entry) => entry.address)).toEqual([
      "sip.telkom.example",
    ]);
    expect(JSON.stringify(exported)).not.toContain("192.0.2.99");

    const [audit] = await owner.sql<{ actor_user_id: string; diff: unknown }[]>`
      select actor_user_id, diff from audit_log where tenant_id = ${mine.id} and action = 'telephony.export'`;
    expect(audit).toMatchObject({
      actor_user_id: admin.id,
      diff: { after: { trunks: [trunkId], dids: 1, digestTrunks: 1 } },
    });
    expect(JSON.stringify(audit)).not.toContain("Rahasia");

    // A page on another site cannot make a signed-in admin's browser fetch the secrets.
    const crossSite = await fetch(`${api.url}/trpc/telephony.export`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: admin.cookie,
        "sec-fetch-site": "cross-site",
      },
      body: JSON.stringify({ tenantSlug: mine.slug }),
    });
    expect(crossSite.status).toBe(403);
  });
});
