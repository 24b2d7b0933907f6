export * from "./regions.ts";
export * from "./tenants.ts";
export { appRoleName, ownerRoleName } from "./roles.ts";
export { currentTenantExpression, currentTenantSql } from "./columns.ts";
export * from "./users.ts";
export * from "./memberships.ts";
export * from "./audit.ts";
export * from "./mail.ts";
