import { rm } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { testClient } from "../client.ts";
import { useTestApi, useTestRecords } from "../harness.ts";
import { auditRows, createTestPerson } from "../people.ts";
import {
  kamailioSbc,
  type SbcFiles,
  type SbcOptions,
  type SbcRegion,
} from "../../src/telephony/kamailio-sbc.ts";
import { planTrunks, type TelephonyTrunk } from "../../src/telephony/trunk-plan.ts";
import { arrangeTrunk } from "./fixture.ts";
import { checkKamailioConfig, sbcDirectory, writeSbcFiles } from "./sbc.ts";

// Every configuration the platform generates for its SBC must be one Kamailio accepts: checked
// with `kamailio -c` on sample regions (allow-list and digest trunks, IPv4 and IPv6, several
// regions, missing secrets and destinations) and on what the API generates from its data.

const { api, database } = useTestApi();
const records = useTestRecords(database.owner);

function trunk(id: number, fields: Partial<TelephonyTrunk>): TelephonyTrunk {
  return {
    id: `00000000-0000-4000-8000-${String(id).padStart(12, "0")}`,
    name: `Trunk ${String(id)}`,
    carrier: "telkom",
    sipHost: "sip.telkom.example",
    sipPort: 5060,
    transport: "udp",
    maxChannels: 30,
    codecs: ["alaw"],
    status: "active",
    auth: { kind: "ip_allow_list", addresses: ["203.0.113.10"] },
    dids: [],
    ...fields,
  };
}

function region(
  slug: string,
  regionCode: string,
  destination: string | null,
  trunks: TelephonyTrunk[],
  secret = true,
): SbcRegion {
  const tenant = { slug, displayName: `Kabupaten ${slug}`, regionCode };
  return {
    tenant,
    destination,
    trunks: planTrunks(tenant, trunks).map((planned) => ({
      ...planned,
      eventSecret: secret ? `evsec_${slug}-${planned.key}` : null,
    })),
  };
}

const samples: { name: string; options: Omit<SbcOptions, "directory">; regions: SbcRegion[] }[] = [
  {
    name: "one region, an IPv4 allow-list trunk",
    options: {
      sipAddress: "0.0.0.0",
      sipPort: 5060,
      eventUrl: "https://api.sigap112.example/v1/telephony/events",
    },
    regions: [
      region("sidoarjo", "35.15", "sip:112@pbx.sidoarjo.example", [
        trunk(1, { dids: ["+62318051120", "+62318051121"] }),
      ]),
    ],
  },
  {
    name: "several regions, digest and IPv6 trunks, one without a destination or secrets, a disabled trunk",
    options: {
      sipAddress: "::",
      sipPort: 5070,
      eventUrl: "http://10.0.0.5:3000/v1/telephony/events",
    },
    regions: [
      region("gresik", "35.25", "sip:operator@[2001:db8::5]:5062;transport=tcp", [
        trunk(2, {
          auth: { kind: "digest", username: "gresik112", password: "rahasia" },
          sipHost: "198.51.100.7",
          dids: ["+62313981120"],
        }),
        trunk(3, {
          name: "Indosat",
          auth: { kind: "ip_allow_list", addresses: ["2001:db8:10::/48", "2001:db8:20::1"] },
          dids: ["+62313981121"],
        }),
        trunk(4, { name: "Lama", status: "disabled", dids: ["+62313981122"] }),
      ]),
      region("surabaya", "35.78", null, [trunk(5, { dids: ["+62315001120"] })], false),
      region("kosong", "35.01", null, []),
    ],
  },
];

async function check(files: SbcFiles, directory: string) {
  try {
    return await checkKamailioConfig(await writeSbcFiles(directory, files));
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

describe("the SBC configuration", () => {
  it.each(samples)("passes kamailio -c: $name", async (sample) => {
    const directory = await sbcDirectory();
    const files = kamailioSbc({ ...sample.options, directory }, sample.regions);
    const result = await check(files, directory);
    expect(result.output).toContain("config file ok");
    expect(result.ok).toBe(true);
  });

  it("routes every form of a region's numbers, and leaves disabled trunks and absent secrets out", () => {
    const [, several] = samples;
    if (!several) throw new Error("no sample");
    const files = kamailioSbc(
      { ...several.options, directory: "/etc/kamailio/sigap" },
      several.regions,
    );
    const regions = files["sigap-regions.cfg"];
    for (const form of ["+62313981120", "62313981120", "0313981120"])
      expect(regions).toContain(`$sht(sigap=>did:${form}) = "+62313981120";`);
    expect(regions).not.toContain("+62313981122");
    expect(regions).not.toContain("evsec_surabaya");
    expect(regions).toContain(
      '$sht(sigap=>destination:gresik) = "sip:operator@[2001:db8::5]:5062;transport=tcp";',
    );
    expect(files["address.list"]).toContain("[2001:db8:10::] 48");
    expect(files["kamailio.cfg"]).toContain("listen=udp:[::]:5070");
  });

  it("refuses to write a value that would break out of a script string", () => {
    const [first] = samples;
    if (!first) throw new Error("no sample");
    const hostile = region("jahat", "35.16", 'sip:a@b.example";exit;"', []);
    expect(() =>
      kamailioSbc({ ...first.options, directory: "/etc/kamailio/sigap" }, [hostile]),
    ).toThrow(/refusing to write/);
  });
});

describe("telephony.sbcConfig", () => {
  const input = (directory: string) => ({
    sipAddress: "127.0.0.1",
    sipPort: 5060,
    eventUrl: `${api.url}/v1/telephony/events`,
    directory,
  });

  it("generates, for platform staff, a configuration of every region that kamailio accepts, and audits it", async () => {
    const { tenant, did } = await arrangeTrunk(api.url, database.owner, records);
    const staff = await createTestPerson(database.owner, {
      platformRole: "platform_admin",
      signedIn: true,
    });
    records.people.push(staff);
    const directory = await sbcDirectory();
    const reply = await testClient(api.url, { cookie: staff.cookie }).call(
      "mutation",
      "telephony.sbcConfig",
      input(directory),
    );
    expect(reply.status).toBe(200);
    const { files } = reply.data as { files: SbcFiles };
    expect(files["sigap-regions.cfg"]).toContain(`$sht(sigap=>did:${did}) = "${did}";`);
    expect(files["sigap-regions.cfg"]).toContain(`# ${tenant.slug} `);
    const result = await check(files, directory);
    expect(result.output).toContain("config file ok");

    const audit = await database.owner.sql<{ action: string; actor_user_id: string }[]>`
      select action, actor_user_id from platform_audit_log where action = 'telephony.exportSbc' and actor_user_id = ${staff.id}`;
    expect(audit).toHaveLength(1);
  });

  it("names the offending field of bad input", async () => {
    const staff = await createTestPerson(database.owner, {
      platformRole: "platform_admin",
      signedIn: true,
    });
    records.people.push(staff);
    const client = testClient(api.url, { cookie: staff.cookie });
    const reply = await client.call("mutation", "telephony.sbcConfig", {
      sipAddress: "sbc.example",
      eventUrl: 'https://x.example/"',
      directory: "relative",
    });
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.error)).toMatch(/sipAddress must be an IPv4 or IPv6 address/);
    expect(JSON.stringify(reply.error)).toMatch(/eventUrl must be/);
    expect(JSON.stringify(reply.error)).toMatch(/directory must be an absolute path/);
  });
});

describe("trunks.setDestination", () => {
  it("stores the region's destination in canonical form, audits the change, and refuses what is not a SIP URI", async () => {
    const { tenant, admin, call } = await arrangeTrunk(api.url, database.owner, records);
    expect(
      await call("setDestination", {
        destination: " SIP:112@PBX.Sidoarjo.Example:5060;transport=TCP ",
      }),
    ).toEqual({ destination: "sip:112@pbx.sidoarjo.example:5060;transport=tcp" });

    const client = testClient(api.url, { cookie: admin.cookie });
    const read = await client.call("query", "trunks.destination", { tenantSlug: tenant.slug });
    expect(read.data).toEqual({ destination: "sip:112@pbx.sidoarjo.example:5060;transport=tcp" });

    for (const destination of [
      "https://pbx.example",
      "sip:112@10.0.0.300",
      "sip:a b@pbx.example",
      'sip:112@pbx.example;lr"',
    ]) {
      const refused = await client.call("mutation", "trunks.setDestination", {
        tenantSlug: tenant.slug,
        destination,
      });
      expect(refused.status, destination).toBe(400);
      expect(JSON.stringify(refused.error)).toContain("destination must be a SIP URI");
    }

    await call("setDestination", { destination: null });
    expect(
      (await client.call("query", "trunks.destination", { tenantSlug: tenant.slug })).data,
    ).toEqual({ destination: null });
    const audit = await auditRows(database.owner, "audit_log", "trunks.setDestination", tenant.id);
    expect(audit.map((row) => row.diff)).toEqual([
      {
        before: { destination: null },
        after: { destination: "sip:112@pbx.sidoarjo.example:5060;transport=tcp" },
      },
      {
        before: { destination: "sip:112@pbx.sidoarjo.example:5060;transport=tcp" },
        after: { destination: null },
      },
    ]);
  });
});
