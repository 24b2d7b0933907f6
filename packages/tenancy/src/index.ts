export { withSavepoint, withTenant, withTenantStatement } from "./with-tenant.ts";
export { asTenantId, type TenantId } from "./types.ts";
export {
  actions,
  can,
  membershipRoles,
  permissions,
  platformRoles,
  roles,
  suspendableActions,
  twoFactorRequiredRoles,
  type Action,
  type MembershipRole,
  type PlatformRole,
  type Role,
} from "./permissions.ts";
