// The agencies import: one CSV row per contact, the agency's columns repeated on each of its rows,
// so a Kominfo admin fills one flat sheet. A row whose agency already exists (same name) adds its
// contact there, which is how the contacts of the standard set's agencies come in.
import { z } from "zod";
import {
  agencyAuditTarget,
  agencyContactAuditTarget,
  findTenantRegion,
  insertAgencies,
  insertContact,
  listAgencies,
  listRegionDistricts,
} from "@sigap/db/queries";
import type { TenantTx } from "@sigap/db/client";
import { agencyTypes, isKnownAgencyType, type AgencyTypeCode } from "@sigap/sop-engine";
import { agencyFacts, contactFacts } from "../agencies/facts.ts";
import { agencyName, contactValue } from "../agencies/inputs.ts";
import type { AuditInput } from "../trpc/init.ts";
import { singleLine } from "../validation/text.ts";
import { readCsv, type CsvRow } from "./csv-file.ts";
import { RowProblems, type RowProblem } from "./problems.ts";

export const agencyColumns = [
  "nama_instansi",
  "jenis_instansi",
  "cakupan_kecamatan",
  "jenis_kontak",
  "kontak",
  "keterangan_kontak",
] as const;
type Column = (typeof agencyColumns)[number];

/** The template's example row; an empty coverage means the whole region. */
export const agencyExample: Record<Column, string> = {
  nama_instansi: "Dinas Pemadam Kebakaran Kabupaten Contoh",
  jenis_instansi: "damkar",
  cakupan_kecamatan: "",
  jenis_kontak: "telepon",
  kontak: "0812-3456-7890",
  keterangan_kontak: "Piket 24 jam",
};

/** Contact kinds as a sheet may name them; webhooks carry a secret shown once, so they are added on the agency's page. */
const contactKinds = {
  telepon: "phone",
  phone: "phone",
  whatsapp: "whatsapp",
  wa: "whatsapp",
  email: "email",
} as const;
type ContactKind = (typeof contactKinds)[keyof typeof contactKinds];

const contactLabel = z
  .string()
  .max(100, { error: "must be at most 100 characters" })
  .refine(...singleLine("keterangan_kontak"))
  .transform((value) => value || null);

export interface PlannedContact {
  row: number;
  kind: ContactKind;
  value: string;
  label: string | null;
}

/** An agency the file names: one the region has (`id`), or one to create. */
export interface PlannedAgency {
  id: string | null;
  row: number;
  name: string;
  agencyType: AgencyTypeCode;
  /** Kecamatan codes; null for the whole region. */
  coverageDistrictCodes: string[] | null;
  contacts: PlannedContact[];
}

export interface AgencyImportPlan {
  agencies: PlannedAgency[];
  problems: RowProblem[];
}

const sameCoverage = (a: string[] | null, b: string[] | null) =>
  (a ?? []).join() === (b ?? []).join();

/**
 * Reads and checks every row against the region's data (its agencies and contacts, its kecamatan);
 * writes nothing. Each problem names its row and column.
 */
export async function planAgencyImport(
  tx: TenantTx,
  tenantId: string,
  csv: string,
): Promise<AgencyImportPlan> {
  const rows = readCsv(csv, agencyColumns);
  const region = await findTenantRegion(tx, tenantId);
  const [existing, districts] = await Promise.all([
    listAgencies(tx),
    listRegionDistricts(tx, region.code),
  ]);
  const districtByKey = new Map(
    districts.flatMap((district) => [
      [district.code, district.code] as const,
      [district.name.toLowerCase(), district.code] as const,
    ]),
  );
  const problems = new RowProblems();
  const planned = new Map<string, PlannedAgency>();
  /** Each contact seen, by agency, kind and value → the row that gave it (null: already saved). */
  const seenContacts = new Map<string, number | null>(
    existing.flatMap((agency) =>
      agency.contacts.map((contact) => [`${agency.id}|${contact.kind}|${contact.value}`, null]),
    ),
  );

  function coverageOf({ row, cells }: CsvRow<Column>): string[] | null | undefined {
    const names = cells.cakupan_kecamatan
      .split(/[;,\n]/)
      .map((name) => name.trim())
      .filter(Boolean);
    if (names.length === 0) return null;
    const codes = names.map((name) => districtByKey.get(name.toLowerCase()));
    const unknown = names.filter((_, index) => codes[index] === undefined);
    if (unknown.length > 0) {
      problems.add(
        row,
        "cakupan_kecamatan",
        "unknown",
        `cakupan_kecamatan: ${unknown.join(", ")} is not a kecamatan of ${region.name}`,
        { value: unknown.join(", ") },
      );
      return undefined;
    }
    return [...new Set(codes as string[])].sort();
  }

  function typeOf({ row, cells }: CsvRow<Column>): AgencyTypeCode | undefined {
    const accepted = agencyTypes.map((type) => type.code).join(", ");
    const code = cells.jenis_instansi.toLowerCase();
    if (code === "") return undefined;
    if (isKnownAgencyType(code)) return code;
    problems.add(
      row,
      "jenis_instansi",
      "unknown",
      `jenis_instansi: ${cells.jenis_instansi} is not in the national catalogue (${accepted})`,
      { value: cells.jenis_instansi, accepted },
    );
    return undefined;
  }

  /** The agency a row belongs to: planned by an earlier row, the region's own, or new from this row. */
  function agencyOf(csvRow: CsvRow<Column>): PlannedAgency | undefined {
    const { row, cells } = csvRow;
    if (cells.nama_instansi === "") {
      problems.add(row, "nama_instansi", "required", "nama_instansi is required");
      return undefined;
    }
    const name = problems.parse(row, "nama_instansi", agencyName, cells.nama_instansi);
    if (name === undefined) return undefined;
    const key = name.toLowerCase();
    const agencyType = typeOf(csvRow);
    const coverage = coverageOf(csvRow);
    if (coverage === undefined || (agencyType === undefined && cells.jenis_instansi !== ""))
      return undefined;
    const earlier = planned.get(key);
    const own = existing.find((agency) => agency.name.toLowerCase() === key);
    const known = earlier ?? own;
    if (known) {
      const where = earlier ? `row ${String(earlier.row)}` : "the region's agency";
      const otherRow = earlier ? { otherRow: earlier.row } : {};
      if (agencyType !== undefined && agencyType !== known.agencyType) {
        problems.add(
          row,
          "jenis_instansi",
          "conflict",
          `jenis_instansi: ${agencyType} differs from ${known.agencyType} of ${where} named ${name}`,
          { value: agencyType, ...otherRow },
        );
        return undefined;
      }
      if (cells.cakupan_kecamatan !== "" && !sameCoverage(coverage, known.coverageDistrictCodes)) {
        problems.add(
          row,
          "cakupan_kecamatan",
          "conflict",
          `cakupan_kecamatan differs from that of ${where} named ${name}`,
          { value: cells.cakupan_kecamatan, ...otherRow },
        );
        return undefined;
      }
    }
    if (earlier) return earlier;
    if (own) {
      const plan = {
        id: own.id,
        row,
        name: own.name,
        agencyType: own.agencyType as AgencyTypeCode,
        coverageDistrictCodes: own.coverageDistrictCodes,
        contacts: [],
      };
      planned.set(key, plan);
      return plan;
    }
    if (agencyType === undefined) {
      problems.add(
        row,
        "jenis_instansi",
        "required",
        `jenis_instansi is required for a new agency (${name})`,
      );
      return undefined;
    }
    const plan = { id: null, row, name, agencyType, coverageDistrictCodes: coverage, contacts: [] };
    planned.set(key, plan);
    return plan;
  }

  function contactOf(
    { row, cells }: CsvRow<Column>,
    agency: PlannedAgency | undefined,
  ): PlannedContact | undefined {
    if (cells.jenis_kontak === "" && cells.kontak === "") return undefined;
    if (cells.jenis_kontak === "" || cells.kontak === "") {
      const [missing, given] =
        cells.kontak === "" ? ["kontak", "jenis_kontak"] : ["jenis_kontak", "kontak"];
      problems.add(row, missing, "required", `${missing} is required when ${given} is given`);
      return undefined;
    }
    const kind = (contactKinds as Record<string, ContactKind | undefined>)[
      cells.jenis_kontak.toLowerCase()
    ];
    if (!kind) {
      problems.add(
        row,
        "jenis_kontak",
        "unknown",
        `jenis_kontak: ${cells.jenis_kontak} must be telepon, whatsapp or email`,
        { value: cells.jenis_kontak, accepted: "telepon, whatsapp, email" },
      );
      return undefined;
    }
    const value = problems.parse(row, "kontak", contactValue[kind], cells.kontak);
    const label = problems.parse(row, "keterangan_kontak", contactLabel, cells.keterangan_kontak);
    if (value === undefined || label === undefined || !agency) return undefined;
    const key = `${agency.id ?? agency.name.toLowerCase()}|${kind}|${value}`;
    const seenOn = seenContacts.get(key);
    if (seenOn !== undefined) {
      problems.add(
        row,
        "kontak",
        "duplicate",
        `kontak: ${value} is already a ${kind} contact of ${agency.name}`,
        { value, ...(seenOn === null ? {} : { otherRow: seenOn }) },
      );
      return undefined;
    }
    seenContacts.set(key, row);
    return { row, kind, value, label };
  }

  for (const csvRow of rows) {
    const agency = agencyOf(csvRow);
    const contact = contactOf(csvRow, agency);
    if (agency && contact) agency.contacts.push(contact);
  }
  return { agencies: [...planned.values()], problems: problems.list };
}

/** Writes a plan without problems: the new agencies, then every contact, each audited as if added by hand. */
export async function applyAgencyImport(
  ctx: { tx: TenantTx; tenant: { id: string }; audit: (entry: AuditInput) => Promise<unknown> },
  plan: AgencyImportPlan,
): Promise<{ agenciesCreated: number; contactsAdded: number }> {
  const fresh = plan.agencies.filter((agency) => agency.id === null);
  const created = await insertAgencies(
    ctx.tx,
    fresh.map((agency) => ({
      tenantId: ctx.tenant.id,
      agencyType: agency.agencyType,
      name: agency.name,
      active: true,
      coverageDistrictCodes: agency.coverageDistrictCodes,
      operatingHours: { always: true },
    })),
  );
  for (const agency of created) {
    await ctx.audit({
      action: "agencies.import",
      targetType: agencyAuditTarget,
      targetId: agency.id,
      after: agencyFacts(agency),
    });
  }
  const idOf = (agency: PlannedAgency) => agency.id ?? created[fresh.indexOf(agency)]?.id;
  let contactsAdded = 0;
  for (const agency of plan.agencies) {
    const agencyId = idOf(agency);
    if (!agencyId) throw new Error("an imported agency was not created");
    for (const contact of agency.contacts) {
      const row = await insertContact(ctx.tx, {
        tenantId: ctx.tenant.id,
        agencyId,
        kind: contact.kind,
        value: contact.value,
        label: contact.label,
      });
      await ctx.audit({
        action: "agencies.importContact",
        targetType: agencyContactAuditTarget,
        targetId: row.id,
        after: contactFacts(row),
      });
      contactsAdded += 1;
    }
  }
  return { agenciesCreated: created.length, contactsAdded };
}
