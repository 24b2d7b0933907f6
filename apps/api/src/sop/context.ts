import type { TenantTx } from "@sigap/db/client";
import { findTenantRegion, listAgencyTargets, listRegionDistricts } from "@sigap/db/queries";
import type { ValidationContext } from "@sigap/sop-engine";

/**
 * What SOP validation knows about the tenant: its agencies with their state and kecamatan coverage
 * (so a rule naming one that does not exist is an error), its kecamatan (so a location condition can match) and its time zone.
 */
export async function loadValidationContext(
  tx: TenantTx,
  tenant: { id: string; timeZone: string },
): Promise<ValidationContext> {
  return validationContext(await loadSopReferences(tx, tenant.id), tenant.timeZone);
}

export function validationContext(references: SopReferences, timeZone: string): ValidationContext {
  // tenants.time_zone is an enum of exactly the engine's zones (WIB, WITA, WIT), typed as text upstream.
  // An agency without coverage codes covers the whole region: the engine reads that as no list.
  const agencies = references.agencies.map(({ kecamatan, ...agency }) =>
    kecamatan === null ? agency : { ...agency, kecamatan },
  );
  return {
    agencies,
    kecamatanCodes: references.districts.map((district) => district.code),
    timeZone: timeZone as TimeZone,
  };
}

type TimeZone = NonNullable<ValidationContext["timeZone"]>;

export type SopReferences = Awaited<ReturnType<typeof loadSopReferences>>;

/** The tenant's agencies and kecamatan as SOP editors name them (agency ids and types, Kemendagri codes). */
export async function loadSopReferences(tx: TenantTx, tenantId: string) {
  const region = await findTenantRegion(tx, tenantId);
  const [agencies, districts] = await Promise.all([
    listAgencyTargets(tx),
    listRegionDistricts(tx, region.code),
  ]);
  return { agencies, districts };
}
