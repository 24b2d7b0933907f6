import type { MembershipRole } from "@sigap/tenancy/permissions";

/** What the API takes for a role: an agency only with `agency_responder` (it refuses one otherwise). */
export function roleAssignment(
  role: MembershipRole,
  agencyId: string,
): { role: MembershipRole; agencyId?: string } {
  return role === "agency_responder" ? { role, agencyId: agencyId.trim() } : { role };
}
