export { withTenant } from "./with-tenant.ts";
export { asTenantId, type TenantContext, type TenantId } from "./types.ts";
