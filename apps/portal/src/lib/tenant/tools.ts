import { can, type Action, type Role } from "@sigap/tenancy/permissions";
import type { PlainKey } from "#lib/i18n/index.ts";

/** A page inside a tenant, shown to the roles the permission matrix lets use it. */
export interface TenantTool {
  /** Below `/t/{slug}`. */
  page:
    | "calls"
    | "incidents"
    | "assignments"
    | "wallboard"
    | "settings/calls"
    | "onboarding"
    | "agencies"
    | "trunks"
    | "sop"
    | "users"
    | "audit"
    | "billing";
  label: PlainKey;
  description: PlainKey;
  action: Action;
}

const tools: readonly TenantTool[] = [
  { page: "calls", label: "calls.nav", description: "calls.navDescription", action: "calls.view" },
  {
    page: "incidents",
    label: "incidents.nav",
    description: "incidents.navDescription",
    action: "incidents.view",
  },
  {
    page: "assignments",
    label: "incidents.mine.nav",
    description: "incidents.mine.navDescription",
    action: "incidents.respond",
  },
  {
    page: "wallboard",
    label: "wallboard.nav",
    description: "wallboard.navDescription",
    action: "calls.supervise",
  },
  {
    page: "settings/calls",
    label: "callSettings.nav",
    description: "callSettings.navDescription",
    action: "calls.configure",
  },
  {
    page: "onboarding",
    label: "onboarding.nav",
    description: "onboarding.navDescription",
    action: "onboarding.view",
  },
  {
    page: "agencies",
    label: "agencies.nav",
    description: "agencies.navDescription",
    action: "agencies.view",
  },
  {
    page: "trunks",
    label: "trunks.nav",
    description: "trunks.navDescription",
    action: "trunks.view",
  },
  { page: "sop", label: "sop.nav", description: "sop.navDescription", action: "sop.view" },
  {
    page: "users",
    label: "tenant.nav.users",
    description: "tenant.overview.usersDescription",
    action: "users.view",
  },
  {
    page: "audit",
    label: "tenant.nav.audit",
    description: "tenant.overview.auditDescription",
    action: "audit.view",
  },
  {
    page: "billing",
    label: "billing.nav",
    description: "billing.navDescription",
    action: "billing.view",
  },
];

/** The tenant pages this role may open, in menu order; the API enforces the same matrix. */
export function toolsFor(role: Role): TenantTool[] {
  return tools.filter((tool) => can(role, tool.action));
}
