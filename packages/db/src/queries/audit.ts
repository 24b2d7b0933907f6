import type { Executor, TenantTx } from "../client.ts";
import { auditLog, platformAuditLog } from "../schema/audit.ts";

export type AuditEntry = Omit<typeof platformAuditLog.$inferInsert, "id" | "occurredAt">;

/** Appends to a tenant's audit log; call inside that tenant's `withTenant` transaction. */
export async function appendTenantAudit(
  tx: TenantTx,
  tenantId: string,
  entry: AuditEntry,
): Promise<void> {
  await tx.insert(auditLog).values({ ...entry, tenantId });
}

export async function appendPlatformAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(platformAuditLog).values(entry);
}
