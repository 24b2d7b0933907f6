import type { RouterOutputs } from "#lib/api/client.ts";

/** A kabupaten/kota from the registry, with the tenant that already holds it, if any. */
export type RegionChoice = RouterOutputs["tenants"]["regions"][number];
export type CreatedTenant = RouterOutputs["tenants"]["create"];
