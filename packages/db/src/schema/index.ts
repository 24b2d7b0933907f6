export * from "./regions.ts";
export * from "./tenants.ts";
export { appRoleName, ownerRoleName } from "./roles.ts";
export { currentTenantExpression, currentTenantSql } from "./columns.ts";
