import type { AgencyContactView, AgencyRow } from "@sigap/db/queries";
import type { OperatingHours } from "./inputs.ts";

/** What an agency looks like to the portal and in the audit log (no tenant id; hours typed). */
export function agencyFacts(agency: AgencyRow) {
  return {
    agencyType: agency.agencyType,
    name: agency.name,
    active: agency.active,
    coverageDistrictCodes: agency.coverageDistrictCodes,
    operatingHours: agency.operatingHours as OperatingHours,
  };
}

/** A contact in the audit log: the agency id lets an agency's history find its contacts' rows. */
export function contactFacts(contact: AgencyContactView) {
  return {
    agencyId: contact.agencyId,
    kind: contact.kind,
    value: contact.value,
    label: contact.label,
  };
}
