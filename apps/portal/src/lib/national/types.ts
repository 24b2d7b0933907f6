import type { RouterOutputs } from "#lib/api/client.ts";

type National = RouterOutputs["national"];

export type NationalSummary = National["summary"];
export type ProvinceRow = National["provinces"][number];
export type TenantRow = National["tenants"][number];
export type AdoptionPoint = National["adoptionOverTime"][number];
export type ProvinceRegion = National["province"]["regions"][number];
/** The tables national.exportCsv produces. */
export type CsvTable = "provinces" | "tenants" | "adoption";

/** Dates and months of the national view are in WIB, as the API reckons them. */
export const nationalTimeZone = "Asia/Jakarta";
