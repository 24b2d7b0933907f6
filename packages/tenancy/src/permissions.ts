/**
 * Who may do what: the one permission matrix the API enforces and the portal reads to decide what
 * to show. Each action lists the roles allowed; everything not listed is refused. Later issues add
 * their actions here, and the exhaustive test in test/permissions.test.ts must then say, for every
 * role, whether it may.
 */

export const platformRoles = ["platform_admin", "ministry_viewer"] as const;
export const membershipRoles = [
  "tenant_admin",
  "supervisor",
  "operator",
  "agency_responder",
] as const;
export const roles = [...platformRoles, ...membershipRoles] as const;

export type PlatformRole = (typeof platformRoles)[number];
export type MembershipRole = (typeof membershipRoles)[number];
export type Role = (typeof roles)[number];

export const permissions = {
  /** See the people of a tenant and their roles. */
  "users.view": ["platform_admin", "tenant_admin"],
  /** Invite someone to a tenant, in a role. */
  "users.invite": ["platform_admin", "tenant_admin"],
  /** Change someone's role in a tenant. */
  "users.changeRole": ["platform_admin", "tenant_admin"],
  /** Deactivate someone's membership (their sessions end at once). */
  "users.deactivate": ["platform_admin", "tenant_admin"],
  /** Read and export a tenant's audit log. */
  "audit.view": ["platform_admin", "tenant_admin"],
  /** Read the platform audit log and every tenant's. */
  "audit.viewAll": ["platform_admin"],
  /** Read the development outbox (mail with live invitation and reset links; development only). */
  "mail.viewOutbox": ["platform_admin"],
  /** National adoption and KPIs: aggregates only, never personal data. */
  "national.view": ["platform_admin", "ministry_viewer"],
  /** Create a tenant for a region and invite its first admin. */
  "tenants.create": ["platform_admin"],
  /** Find any tenant by name, to look into it and help (support access). */
  "tenants.support": ["platform_admin"],
  /** See the onboarding checklist of a tenant. */
  "onboarding.view": ["platform_admin", "tenant_admin"],
  /** See the tenant's name, logo and colours: every page of the tenant is dressed in them. */
  "branding.view": ["platform_admin", "tenant_admin", "supervisor", "operator", "agency_responder"],
  /** Change the tenant's name, logo and colours. */
  "branding.edit": ["platform_admin", "tenant_admin"],
  /** See the tenant's agencies and how to reach them. */
  "agencies.view": ["platform_admin", "tenant_admin", "supervisor", "operator"],
  /** Add, change and retire agencies and their contacts. */
  "agencies.edit": ["platform_admin", "tenant_admin"],
  /** See phone trunks and DIDs. */
  "trunks.view": ["platform_admin", "tenant_admin"],
  /** Add and change phone trunks, their DIDs and credentials. */
  "trunks.edit": ["platform_admin", "tenant_admin"],
  /** Set where the platform's SBC forwards the region's calls (its PBX or operator seats). */
  "trunks.setDestination": ["platform_admin", "tenant_admin"],
  /** Download the PBX/SBC configuration generated from the trunks. */
  "telephony.export": ["platform_admin", "tenant_admin"],
  /**
   * Generate the platform SBC's Kamailio configuration: it carries the event secrets of every
   * region's trunks, so no tenant's admin may take it.
   */
  "telephony.exportSbc": ["platform_admin"],
  /** Read the telephony events the platform refused, from every trunk (they may name any region). */
  "telephony.viewRefused": ["platform_admin"],
  /**
   * Follow the tenant's live call queue: caller numbers and device locations, personal data the
   * region's call-takers need and nobody else (platform staff included).
   */
  "calls.view": ["tenant_admin", "supervisor", "operator"],
  /** Put a prank caller's number on the tenant's blocklist for a while, or take it off. */
  "calls.block": ["tenant_admin", "supervisor", "operator"],
  /** Sit at an operator seat, take the calls it answers and close each with a classification. */
  "calls.answer": ["tenant_admin", "supervisor", "operator"],
  /** Set the region's rules for its calls: how long they are kept, when to suggest blocking a prankster. */
  "calls.configure": ["platform_admin", "tenant_admin"],
  /** Watch over the call-takers: the supervisor's queue of blocked callers, the wallboard. */
  "calls.supervise": ["tenant_admin", "supervisor"],
  /** Choose the SOP template the region starts from (it becomes the first draft). */
  "sop.choose": ["platform_admin", "tenant_admin"],
  /** Read the SOP, its versions and test cases, and simulate incidents against it. */
  "sop.view": ["platform_admin", "tenant_admin", "supervisor"],
  /** Edit the SOP draft and the test cases. */
  "sop.edit": ["platform_admin", "tenant_admin"],
  /** Publish the draft, or roll back to an earlier version, after validation and every test case pass. */
  "sop.publish": ["platform_admin", "tenant_admin"],
  /**
   * Follow the region's incidents: the board, each incident's plan, agencies and timeline. Callers'
   * numbers and locations are in them, so platform staff do not see them either.
   */
  "incidents.view": ["tenant_admin", "supervisor", "operator"],
  /** Open an incident by hand, dispatch it with the SOP's plan, change its status, add notes and calls. */
  "incidents.dispatch": ["tenant_admin", "supervisor", "operator"],
  /** Export incidents (NENA EIDO, CSV) for another system or a report. */
  "incidents.export": ["tenant_admin", "supervisor"],
  /** See the own agency's assignments, acknowledge them and report progress. */
  "incidents.respond": ["agency_responder"],
  /** See the tenant's plan, usage, invoices (with their PDFs) and payments. */
  "billing.view": ["platform_admin", "tenant_admin"],
  /**
   * Run billing: plans and tax rates, a tenant's plan and billing profile, payments, voids and the
   * suspension of non-critical features. Platform staff only: the region is the customer.
   */
  "billing.manage": ["platform_admin"],
  /** Take the tenant live once its checklist passes. */
  "tenant.goLive": ["platform_admin", "tenant_admin"],
  /** Take a tenant live with its checklist unmet, with a written reason. */
  "tenant.goLiveOverride": ["platform_admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof permissions;

/**
 * What a platform admin's billing suspension stops: exports and changes of configuration that a
 * region can live without for a while. Everything else stays, by design: taking and classifying
 * calls, dispatch, notifications and reports, sign-in and staff (a region must be able to staff its
 * desk), agencies and their contacts (a stale phone number costs lives), trunks and their routing
 * (calls must keep arriving), publishing or rolling back an SOP (a bad plan must be fixable), and
 * billing itself (to see and pay what is owed).
 */
export const suspendableActions: ReadonlySet<Action> = new Set<Action>([
  "incidents.export",
  "telephony.export",
  "branding.edit",
  "sop.choose",
  "sop.edit",
  "calls.configure",
]);
export const actions = Object.keys(permissions) as Action[];

export function can(role: Role, action: Action): boolean {
  return (permissions[action] as readonly Role[]).includes(role);
}

/** Roles that must use a second factor: those that can change a whole tenant or the platform. */
export const twoFactorRequiredRoles: readonly Role[] = ["platform_admin", "tenant_admin"];
