export * from "./regions.ts";
export * from "./tenants.ts";
export { appRoleName, ownerRoleName } from "./roles.ts";
export { currentTenantSql } from "./columns.ts";
