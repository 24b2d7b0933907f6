import type { RouterOutputs } from "#lib/api/client.ts";

export type ImportKind = "agencies" | "staff";
export type AgencyImport = RouterOutputs["imports"]["agencies"];
export type StaffImport = RouterOutputs["imports"]["staff"];
export type ImportResult = AgencyImport | StaffImport;
export type RowProblem = ImportResult["problems"][number];

export function isAgencyImport(result: ImportResult): result is AgencyImport {
  return "agencies" in result;
}

/** What a valid agencies file adds: its new agencies, and every contact (new agencies' and existing ones'). */
export function agencyImportCounts(result: AgencyImport): { agencies: number; contacts: number } {
  return {
    agencies: result.agencies.filter((agency) => agency.isNew).length,
    contacts: result.agencies.reduce((sum, agency) => sum + agency.contacts.length, 0),
  };
}
