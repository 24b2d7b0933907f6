import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { TenantTx } from "../client.ts";
import { agencies, agencyContacts } from "../schema/agencies.ts";
import { districts, regencies } from "../schema/regions.ts";
import { tenants } from "../schema/tenants.ts";

// Everything here runs inside `withTenant`: row-level security confines it to that tenant, so an
// id of another tenant's agency or contact simply finds nothing.

export type AgencyRow = typeof agencies.$inferSelect;
export type ContactKind = (typeof agencyContacts.$inferSelect)["kind"];

/** The kabupaten/kota a tenant serves, for coverage checks and the standard set's names. */
export async function findTenantRegion(tx: TenantTx, tenantId: string) {
  const [row] = await tx
    .select({ code: regencies.code, name: regencies.name, kind: regencies.kind })
    .from(tenants)
    .innerJoin(regencies, eq(regencies.code, tenants.regionCode))
    .where(eq(tenants.id, tenantId));
  if (!row) throw new Error("the transaction's tenant has no region");
  return row;
}

/** Of `codes`, those that are kecamatan of the region. */
export async function districtCodesInRegion(
  tx: TenantTx,
  regionCode: string,
  codes: string[],
): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await tx
    .select({ code: districts.code })
    .from(districts)
    .where(and(eq(districts.regencyCode, regionCode), inArray(districts.code, codes)));
  return new Set(rows.map((row) => row.code));
}

/**
 * A contact as it may leave the server: the sealed signing secret is never selected, only whether
 * there is one.
 */
const contactColumns = {
  id: agencyContacts.id,
  agencyId: agencyContacts.agencyId,
  kind: agencyContacts.kind,
  value: agencyContacts.value,
  label: agencyContacts.label,
  hasSigningSecret: sql<boolean>`${agencyContacts.signingSecretEncrypted} is not null`,
  createdAt: agencyContacts.createdAt,
  updatedAt: agencyContacts.updatedAt,
};

export type AgencyContactView = NonNullable<Awaited<ReturnType<typeof findContact>>>;

export async function listAgencies(tx: TenantTx) {
  const [rows, contacts] = await Promise.all([
    tx.select().from(agencies).orderBy(asc(agencies.name), asc(agencies.id)),
    tx
      .select(contactColumns)
      .from(agencyContacts)
      .orderBy(asc(agencyContacts.createdAt), asc(agencyContacts.id)),
  ]);
  return rows.map((agency) => ({
    ...agency,
    contacts: contacts.filter((contact) => contact.agencyId === agency.id),
  }));
}

/** The tenant's agencies as SOP rules name them (id, type, name), with their state and kecamatan coverage; no contacts. */
export function listAgencyTargets(tx: TenantTx) {
  return tx
    .select({
      id: agencies.id,
      type: agencies.agencyType,
      name: agencies.name,
      active: agencies.active,
      kecamatan: agencies.coverageDistrictCodes,
    })
    .from(agencies)
    .orderBy(asc(agencies.name), asc(agencies.id));
}

export async function findAgency(tx: TenantTx, agencyId: string): Promise<AgencyRow | undefined> {
  const [row] = await tx.select().from(agencies).where(eq(agencies.id, agencyId));
  return row;
}

export async function findAgencyWithContacts(tx: TenantTx, agencyId: string) {
  const agency = await findAgency(tx, agencyId);
  if (!agency) return undefined;
  const contacts = await tx
    .select(contactColumns)
    .from(agencyContacts)
    .where(eq(agencyContacts.agencyId, agencyId))
    .orderBy(asc(agencyContacts.createdAt), asc(agencyContacts.id));
  return { ...agency, contacts };
}

export async function insertAgencies(
  tx: TenantTx,
  rows: (typeof agencies.$inferInsert)[],
): Promise<AgencyRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(agencies).values(rows).returning();
}

export async function updateAgency(
  tx: TenantTx,
  agencyId: string,
  patch: Partial<
    Pick<AgencyRow, "agencyType" | "name" | "active" | "coverageDistrictCodes" | "operatingHours">
  >,
): Promise<AgencyRow | undefined> {
  const [row] = await tx.update(agencies).set(patch).where(eq(agencies.id, agencyId)).returning();
  return row;
}

/** The catalogue types the tenant already has an agency of. */
export async function agencyTypesInUse(tx: TenantTx): Promise<Set<string>> {
  const rows = await tx.selectDistinct({ agencyType: agencies.agencyType }).from(agencies);
  return new Set(rows.map((row) => row.agencyType));
}

/**
 * Serialises changes to the tenant's agency list (the standard set), so two concurrent runs
 * cannot both find a type missing and both add it.
 */
export async function lockAgencyList(tx: TenantTx, tenantId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`agencies:${tenantId}`}, 0))`,
  );
}

export async function insertContact(tx: TenantTx, contact: typeof agencyContacts.$inferInsert) {
  const [row] = await tx.insert(agencyContacts).values(contact).returning(contactColumns);
  if (!row) throw new Error("contact insert returned nothing");
  return row;
}

export async function findContact(tx: TenantTx, agencyId: string, contactId: string) {
  const [row] = await tx
    .select(contactColumns)
    .from(agencyContacts)
    .where(and(eq(agencyContacts.agencyId, agencyId), eq(agencyContacts.id, contactId)));
  return row;
}

export async function updateContact(
  tx: TenantTx,
  agencyId: string,
  contactId: string,
  patch: { value?: string; label?: string | null; signingSecretEncrypted?: string },
) {
  const [row] = await tx
    .update(agencyContacts)
    .set(patch)
    .where(and(eq(agencyContacts.agencyId, agencyId), eq(agencyContacts.id, contactId)))
    .returning(contactColumns);
  return row;
}

export async function deleteContact(tx: TenantTx, agencyId: string, contactId: string) {
  const [row] = await tx
    .delete(agencyContacts)
    .where(and(eq(agencyContacts.agencyId, agencyId), eq(agencyContacts.id, contactId)))
    .returning(contactColumns);
  return row;
}

/** Audit target types for an agency and its contacts; contact rows carry the agency id in their diff. */
export const agencyAuditTarget = "agency";
export const agencyContactAuditTarget = "agency_contact";
