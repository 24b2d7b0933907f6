import { z } from "zod";
import type { TenantDirectoryRow } from "@sigap/db/queries";
import { tenantStatus } from "@sigap/db/schema";

// A tenant's chosen name is no personal data, but `displayName` is on the guard's list of
// personal field names (it is one for users), so it goes out as `tenantName`.
export const tenantRow = z.object({
  slug: z.string(),
  tenantName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  status: z.enum(tenantStatus.enumValues),
  launchedAt: z.date().nullable(),
});

/**
 * A row of the national tenant directory as the national view and the platform's tenant list
 * show it: named as above, and without the internal id.
 */
export function toTenantRow(tenant: TenantDirectoryRow): z.infer<typeof tenantRow> {
  return {
    slug: tenant.slug,
    tenantName: tenant.displayName,
    regionCode: tenant.regionCode,
    regionName: tenant.regionName,
    provinceCode: tenant.provinceCode,
    provinceName: tenant.provinceName,
    status: tenant.status,
    launchedAt: tenant.launchedAt,
  };
}
