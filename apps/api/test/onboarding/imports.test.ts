import { describe, expect, it } from "vitest";
import { createTestTenant } from "@sigap/tenancy/testing";
import { useTestApi, useTestRecords } from "../harness.ts";
import { auditRows, createTestPerson, latestMail, signInAs, uniqueEmail } from "../people.ts";

const { api, database } = useTestApi();
const { owner } = database;
const { tenants, people } = useTestRecords(owner);

interface Problem {
  row: number;
  column: string;
  problem: string;
  message: string;
  params: Record<string, unknown>;
}

interface AgencyPreview {
  applied: boolean;
  agencies: {
    name: string;
    agencyType: string;
    isNew: boolean;
    coverageDistrictCodes: string[] | null;
    contacts: { row: number; kind: string; value: string }[];
  }[];
  problems: Problem[];
}

interface StaffPreview {
  applied: boolean;
  invitations: { row: number; email: string; role: string; agencyName: string | null }[];
  problems: Problem[];
}

const agencyHeader =
  "nama_instansi,jenis_instansi,cakupan_kecamatan,jenis_kontak,kontak,keterangan_kontak";

/** A CSV as a spreadsheet saves it: a header, rows, CRLF line ends. */
const csvOf = (header: string, rows: string[]) => [header, ...rows].join("\r\n") + "\r\n";

/** A fresh tenant with its kecamatan, a signed-in admin and operator, and calls into its imports. */
async function arrangeTenant() {
  const tenant = await createTestTenant(owner);
  tenants.push(tenant);
  const member = async (role: "tenant_admin" | "operator") => {
    const person = await createTestPerson(owner, { memberships: [{ tenantId: tenant.id, role }] });
    people.push(person);
    return { ...person, client: await signInAs(api, owner, person) };
  };
  const districts = await owner.sql<{ code: string; name: string }[]>`
    select code, name from districts where regency_code = ${tenant.regionCode} order by code limit 2`;
  const admin = await member("tenant_admin");
  const operator = await member("operator");
  const call = (procedure: "agencies" | "staff", csv: string, apply = false, as = admin.client) =>
    as.call("mutation", `imports.${procedure}`, { tenantSlug: tenant.slug, csv, apply });
  const agencyRows = () =>
    owner.sql<
      {
        name: string;
        agency_type: string;
        coverage_district_codes: string[] | null;
        contacts: string[] | null;
      }[]
    >`
      select a.name, a.agency_type, a.coverage_district_codes,
             array_agg(c.kind || ':' || c.value order by c.value) filter (where c.id is not null) as contacts
        from agencies a left join agency_contacts c on c.agency_id = a.id
       where a.tenant_id = ${tenant.id} group by a.id, a.name, a.agency_type, a.coverage_district_codes order by a.name`;
  return { tenant, districts, admin, operator, call, agencyRows };
}

describe("importing agencies with their contacts from CSV", () => {
  it("previews a valid file without writing, then writes it whole, audited; an existing agency gets the contacts", async () => {
    const t = await arrangeTenant();
    const [first, second] = t.districts;
    await owner.sql`insert into agencies (tenant_id, agency_type, name) values (${t.tenant.id}, 'polres', 'Polres Contoh')`;
    const csv = csvOf(agencyHeader, [
      "Damkar Contoh,damkar,,telepon,0812-3456-7890,Piket 24 jam",
      `Damkar Contoh,,,whatsapp,0812 3456 7891,`,
      `BPBD Contoh,BPBD,"${first?.name ?? ""}; ${second?.code ?? ""}",email,Posko@BPBD.example.id,`,
      "polres contoh,,,telepon,(031) 1234567,SPKT",
    ]);

    const preview = await t.call("agencies", csv);
    expect(preview.status, preview.message).toBe(200);
    const planned = preview.data as AgencyPreview;
    expect(planned.problems).toEqual([]);
    expect(planned.applied).toBe(false);
    expect(
      planned.agencies.map((agency) => [
        agency.name,
        agency.agencyType,
        agency.isNew,
        agency.contacts.length,
      ]),
    ).toEqual([
      ["Damkar Contoh", "damkar", true, 2],
      ["BPBD Contoh", "bpbd", true, 1],
      ["Polres Contoh", "polres", false, 1],
    ]);
    expect(await t.agencyRows()).toHaveLength(1);

    const applied = await t.call("agencies", csv, true);
    expect(applied.status, applied.message).toBe(200);
    expect(await t.agencyRows()).toEqual([
      {
        name: "BPBD Contoh",
        agency_type: "bpbd",
        coverage_district_codes: [first?.code, second?.code].sort(),
        contacts: ["email:posko@bpbd.example.id"],
      },
      {
        name: "Damkar Contoh",
        agency_type: "damkar",
        coverage_district_codes: null,
        contacts: ["phone:+6281234567890", "whatsapp:+6281234567891"],
      },
      {
        name: "Polres Contoh",
        agency_type: "polres",
        coverage_district_codes: null,
        contacts: ["phone:+62311234567"],
      },
    ]);
    const [summary] = await auditRows(owner, "audit_log", "imports.agencies", t.tenant.id);
    expect(summary?.diff).toMatchObject({ after: { agenciesCreated: 2, contactsAdded: 4 } });
    const [contactAudits] = await owner.sql<{ count: number }[]>`
      select count(*)::int as count from audit_log where tenant_id = ${t.tenant.id} and action = 'agencies.importContact'`;
    expect(contactAudits?.count).toBe(4);
  });

  it("reads a semicolon-separated file as Excel saves it in Indonesian settings", async () => {
    const t = await arrangeTenant();
    const csv =
      "\uFEFF" +
      csvOf(agencyHeader.replaceAll(",", ";"), ["PSC 119 Contoh;psc119;;telepon;0812-1111-2222;"]);
    const reply = await t.call("agencies", csv, true);
    expect(reply.status, reply.message).toBe(200);
    expect((await t.agencyRows()).map((row) => row.contacts)).toEqual([["phone:+6281211112222"]]);
  });

  it("names each problem's row and column, and writes nothing while any row has one", async () => {
    const t = await arrangeTenant();
    const csv = csvOf(agencyHeader, [
      "Damkar Contoh,damkar,,telepon,0812-3456-7890,",
      ",damkar,,telepon,0812-3456-7890,",
      "Dinas Entah,entah,,telepon,0812-3456-7890,",
      "RSUD Contoh,rsud,Kecamatan Bukan Di Sini,email,igd@rsud.example.id,",
      "Damkar Contoh,bpbd,,,,",
      "Damkar Contoh,,,telepon,0812 3456 7890,",
      "PMI Contoh,pmi,,fax,021-555,",
      "PDAM Contoh,pdam,,telepon,113,",
      "Dishub Contoh,,,telepon,0812-3456-7890,",
    ]);
    const preview = await t.call("agencies", csv);
    expect(preview.status, preview.message).toBe(200);
    const problems = (preview.data as AgencyPreview).problems.map(({ row, column, problem }) => [
      row,
      column,
      problem,
    ]);
    expect(problems).toEqual([
      [3, "nama_instansi", "required"],
      [4, "jenis_instansi", "unknown"],
      [5, "cakupan_kecamatan", "unknown"],
      [6, "jenis_instansi", "conflict"],
      [7, "kontak", "duplicate"],
      [8, "jenis_kontak", "unknown"],
      [9, "kontak", "invalid"],
      [10, "jenis_instansi", "required"],
    ]);
    // What the portal words each problem from, besides its kind.
    const params = (row: number) =>
      (preview.data as AgencyPreview).problems.find((problem) => problem.row === row)?.params;
    expect(params(4)).toMatchObject({
      value: "entah",
      accepted: expect.stringContaining("damkar") as unknown,
    });
    expect(params(7)).toEqual({ value: "+6281234567890", otherRow: 2 });
    expect(params(8)).toEqual({ value: "fax", accepted: "telepon, whatsapp, email" });
    expect(params(9)).toMatchObject({ value: "113", reason: expect.any(String) as unknown });

    const applied = await t.call("agencies", csv, true);
    expect(applied).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(applied.issues?.[0]?.path).toBe("csv");
    expect(applied.message).toContain(
      "8 problem(s), so nothing was imported: row 3 nama_instansi is required",
    );
    expect(await t.agencyRows()).toEqual([]);
    expect(await auditRows(owner, "audit_log", "imports.agencies", t.tenant.id)).toEqual([]);
  });

  it("refuses a file whose header is not the template's, naming the csv field", async () => {
    const t = await arrangeTenant();
    const reply = await t.call(
      "agencies",
      csvOf("nama,jenis,kontak", ["Damkar,damkar,0812-3456-7890"]),
    );
    expect(reply).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(reply.issues).toMatchObject([
      {
        path: "csv",
        message: expect.stringContaining("missing nama_instansi") as unknown,
        reason: "unsupported_file",
        params: {
          problem: "csv_header",
          missing: expect.stringContaining("nama_instansi") as unknown,
          unknown: "nama, jenis",
        },
      },
    ]);
    expect((await t.call("agencies", "")).issues?.[0]?.message).toContain("csv is empty");
  });

  it("is refused to a role that may not edit agencies, and in another tenant", async () => {
    const t = await arrangeTenant();
    const other = await arrangeTenant();
    const csv = csvOf(agencyHeader, ["Damkar Contoh,damkar,,telepon,0812-3456-7890,"]);
    expect(await t.call("agencies", csv, true, t.operator.client)).toMatchObject({
      status: 403,
      code: "FORBIDDEN",
    });
    const foreign = await t.admin.client.call("mutation", "imports.agencies", {
      tenantSlug: other.tenant.slug,
      csv,
      apply: true,
    });
    expect(foreign).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect(await other.agencyRows()).toEqual([]);
    expect(await t.agencyRows()).toEqual([]);
  });

  it("offers templates whose header the import reads, with one example row", async () => {
    const t = await arrangeTenant();
    for (const kind of ["agencies", "staff"] as const) {
      const reply = await t.admin.client.call("query", "imports.template", {
        tenantSlug: t.tenant.slug,
        kind,
      });
      const template = reply.data as { filename: string; csv: string };
      expect(template.filename).toBe(`sigap112-${kind}.csv`);
      expect(template.csv.trim().split("\r\n")).toHaveLength(2);
      const preview = await t.call(kind, template.csv);
      expect(preview.status, preview.message).toBe(200);
      expect((preview.data as { problems: Problem[] }).problems).toEqual([]);
    }
  });
});

describe("inviting staff from CSV", () => {
  it("sends every invitation as a single invite does (mail, audit), and counts them as pending in the checklist", async () => {
    const t = await arrangeTenant();
    const [agency] = await owner.sql<{ id: string }[]>`
      insert into agencies (tenant_id, agency_type, name) values (${t.tenant.id}, 'psc119', 'PSC 119 Contoh') returning id`;
    const emails = [
      uniqueEmail("op-a"),
      uniqueEmail("op-b"),
      uniqueEmail("spv"),
      uniqueEmail("psc"),
    ];
    const csv = csvOf("email,peran,instansi", [
      `${emails[0] ?? ""},operator,`,
      `${(emails[1] ?? "").toUpperCase()},Operator,`,
      `${emails[2] ?? ""},supervisor,`,
      `${emails[3] ?? ""},Petugas Instansi,psc 119 contoh`,
    ]);
    const preview = await t.call("staff", csv);
    expect(preview.status, preview.message).toBe(200);
    expect(
      (preview.data as StaffPreview).invitations.map((invitation) => [
        invitation.email,
        invitation.role,
        invitation.agencyName,
      ]),
    ).toEqual([
      [emails[0], "operator", null],
      [emails[1], "operator", null],
      [emails[2], "supervisor", null],
      [emails[3], "agency_responder", "PSC 119 Contoh"],
    ]);
    expect(
      await owner.sql`select 1 from invitations where tenant_id = ${t.tenant.id}`,
    ).toHaveLength(0);

    const applied = await t.call("staff", csv, true);
    expect(applied.status, applied.message).toBe(200);
    const invitations = await owner.sql<
      { id: string; email: string; role: string; agency_id: string | null }[]
    >`
      select id, email, role, agency_id from invitations where tenant_id = ${t.tenant.id} order by email`;
    expect(invitations.map((row) => [row.email, row.role, row.agency_id])).toEqual(
      [
        [emails[0], "operator", null],
        [emails[1], "operator", null],
        [emails[2], "supervisor", null],
        [emails[3], "agency_responder", agency?.id],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    for (const email of emails)
      expect((await latestMail(owner, email, "/invite/")).token).toBeTruthy();
    for (const invitation of invitations)
      expect(await auditRows(owner, "audit_log", "users.invite", invitation.id)).toHaveLength(1);
    const [summary] = await auditRows(owner, "audit_log", "imports.staff", t.tenant.id);
    expect(summary?.diff).toMatchObject({ after: { invited: 4 } });

    const checklist = await t.admin.client.call("query", "onboarding.checklist", {
      tenantSlug: t.tenant.slug,
    });
    const items = (
      checklist.data as { items: { key: string; active?: number; invited?: number }[] }
    ).items;
    expect(items.find((item) => item.key === "operators")).toMatchObject({ active: 1, invited: 2 });
    expect(items.find((item) => item.key === "supervisor")).toMatchObject({
      active: 0,
      invited: 1,
    });
  });

  it("names each problem's row and column, and invites nobody while any row has one", async () => {
    const t = await arrangeTenant();
    const fine = uniqueEmail("fine");
    const csv = csvOf("email,peran,instansi", [
      `${fine},operator,`,
      "bukan-email,operator,",
      `${fine},supervisor,`,
      `${uniqueEmail("role")},kepala dinas,`,
      `${uniqueEmail("platform")},platform_admin,`,
      `${uniqueEmail("responder")},agency_responder,`,
      `${uniqueEmail("agency")},agency_responder,Instansi Lain`,
      `${uniqueEmail("operator")},operator,Damkar`,
      `${t.operator.email},operator,`,
      ",supervisor,",
    ]);
    const preview = await t.call("staff", csv);
    expect(preview.status, preview.message).toBe(200);
    expect(
      (preview.data as StaffPreview).problems.map(({ row, column, problem }) => [
        row,
        column,
        problem,
      ]),
    ).toEqual([
      [3, "email", "invalid"],
      [4, "email", "duplicate"],
      [5, "peran", "unknown"],
      [6, "peran", "unknown"],
      [7, "instansi", "required"],
      [8, "instansi", "unknown"],
      [9, "instansi", "invalid"],
      [10, "email", "duplicate"],
      [11, "email", "required"],
    ]);
    const applied = await t.call("staff", csv, true);
    expect(applied).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(
      await owner.sql`select 1 from invitations where tenant_id = ${t.tenant.id}`,
    ).toHaveLength(0);
    expect(await owner.sql`select 1 from mail_outbox where "to" = ${fine}`).toHaveLength(0);
  });

  it("is refused to a role that may not invite, and in another tenant", async () => {
    const t = await arrangeTenant();
    const other = await arrangeTenant();
    const csv = csvOf("email,peran,instansi", [`${uniqueEmail("refused")},operator,`]);
    expect(await t.call("staff", csv, true, t.operator.client)).toMatchObject({
      status: 403,
      code: "FORBIDDEN",
    });
    const foreign = await t.admin.client.call("mutation", "imports.staff", {
      tenantSlug: other.tenant.slug,
      csv,
      apply: true,
    });
    expect(foreign).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect(
      await owner.sql`select 1 from invitations where tenant_id in (${t.tenant.id}, ${other.tenant.id})`,
    ).toHaveLength(0);
  });
});
