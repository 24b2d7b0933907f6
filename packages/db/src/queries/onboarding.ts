import { and, count, eq, sql } from "drizzle-orm";
import type { TenantTx } from "../client.ts";
import { agencies, agencyContacts } from "../schema/agencies.ts";
import { tenantBranding, tenantOnboarding } from "../schema/onboarding.ts";
import { tenants } from "../schema/tenants.ts";
import { phoneTrunks } from "../schema/trunks.ts";
import { countStaffByRole } from "./memberships.ts";

// Every function here runs inside `withTenant`: row-level security confines it to that tenant.

export function getOnboarding(tx: TenantTx) {
  return tx
    .select()
    .from(tenantOnboarding)
    .then((rows) => rows[0]);
}

/** Records the SOP template the region starts from (replacing an earlier choice). */
export async function chooseSopTemplate(
  tx: TenantTx,
  tenantId: string,
  template: string,
  now: Date,
) {
  const [row] = await tx
    .insert(tenantOnboarding)
    .values({ tenantId, sopTemplate: template, sopChosenAt: now })
    .onConflictDoUpdate({
      target: tenantOnboarding.tenantId,
      set: { sopTemplate: template, sopChosenAt: now, updatedAt: now },
    })
    .returning();
  if (!row) throw new Error("tenant_onboarding upsert returned nothing");
  return row;
}

export async function recordGoLiveOverride(
  tx: TenantTx,
  tenantId: string,
  reason: string,
): Promise<void> {
  await tx
    .insert(tenantOnboarding)
    .values({ tenantId, goLiveOverrideReason: reason })
    .onConflictDoUpdate({
      target: tenantOnboarding.tenantId,
      set: { goLiveOverrideReason: reason, updatedAt: new Date() },
    });
}

/** The tenant's own status and launch date; `lock` holds the row until the transaction ends. */
export function getTenantStatus(tx: TenantTx, options: { lock?: boolean } = {}) {
  const query = tx.select({ status: tenants.status, launchedAt: tenants.launchedAt }).from(tenants);
  return (options.lock ? query.for("update") : query).then((rows) => {
    const row = rows[0];
    if (!row) throw new Error("the transaction's tenant row is not visible");
    return row;
  });
}

/** Moves the tenant to `status` through set_tenant_status(); the first move to live sets launched_at. */
export async function setTenantStatus(tx: TenantTx, status: "onboarding" | "live" | "suspended") {
  await tx.execute(sql`select set_tenant_status(${status}::tenant_status)`);
  return getTenantStatus(tx);
}

/** What the go-live checklist is computed from. */
export interface ChecklistFacts {
  displayName: string;
  brandingSaved: boolean;
  hasLogo: boolean;
  activeTrunks: number;
  /** Agency types with at least one active agency that has at least one contact. */
  reachableAgencyTypes: string[];
  activeOperators: number;
  activeSupervisors: number;
  /** Invitations sent and not yet accepted, withdrawn or expired: people on their way. */
  invitedOperators: number;
  invitedSupervisors: number;
  sopTemplate: string | null;
}

export async function getChecklistFacts(tx: TenantTx, now = new Date()): Promise<ChecklistFacts> {
  const [tenant, trunks, reachable, staff, onboarding] = await Promise.all([
    tx
      .select({
        displayName: tenants.displayName,
        brandingSaved: sql<boolean>`${tenantBranding.tenantId} is not null`,
        hasLogo: sql<boolean>`${tenantBranding.logo} is not null`,
      })
      .from(tenants)
      .leftJoin(tenantBranding, eq(tenantBranding.tenantId, tenants.id)),
    tx.select({ active: count() }).from(phoneTrunks).where(eq(phoneTrunks.status, "active")),
    tx
      .selectDistinct({ agencyType: agencies.agencyType })
      .from(agencies)
      .innerJoin(
        agencyContacts,
        and(
          eq(agencyContacts.tenantId, agencies.tenantId),
          eq(agencyContacts.agencyId, agencies.id),
        ),
      )
      .where(eq(agencies.active, true)),
    countStaffByRole(tx, now),
    getOnboarding(tx),
  ]);
  const self = tenant[0];
  if (!self) throw new Error("the transaction's tenant row is not visible");
  const inRole = (role: string) => staff.find((row) => row.role === role)?.active ?? 0;
  const invitedAs = (role: string) => staff.find((row) => row.role === role)?.invited ?? 0;
  return {
    displayName: self.displayName,
    brandingSaved: self.brandingSaved,
    hasLogo: self.hasLogo,
    activeTrunks: trunks[0]?.active ?? 0,
    reachableAgencyTypes: reachable.map((row) => row.agencyType),
    activeOperators: inRole("operator"),
    activeSupervisors: inRole("supervisor"),
    invitedOperators: invitedAs("operator"),
    invitedSupervisors: invitedAs("supervisor"),
    sopTemplate: onboarding?.sopTemplate ?? null,
  };
}
