import { eq, sql } from "drizzle-orm";
import type { TenantTx } from "../client.ts";
import { tenantBranding } from "../schema/onboarding.ts";
import { tenants } from "../schema/tenants.ts";

// Every function here runs inside `withTenant`: row-level security confines it to that tenant
// (which may update its own display name, and nothing else of its row).

export type LogoMimeType = NonNullable<(typeof tenantBranding.$inferSelect)["logoMimeType"]>;

/** The tenant's name, colours (defaults until saved) and a description of its logo, without the bytes. */
export async function getBranding(tx: TenantTx) {
  const [row] = await tx
    .select({
      displayName: tenants.displayName,
      saved: sql<boolean>`${tenantBranding.tenantId} is not null`,
      primaryColor: tenantBranding.primaryColor,
      accentColor: tenantBranding.accentColor,
      logoMimeType: tenantBranding.logoMimeType,
      logoWidth: tenantBranding.logoWidth,
      logoHeight: tenantBranding.logoHeight,
      logoBytes: sql<number | null>`octet_length(${tenantBranding.logo})`,
      updatedAt: tenantBranding.updatedAt,
    })
    .from(tenants)
    .leftJoin(tenantBranding, eq(tenantBranding.tenantId, tenants.id));
  if (!row) throw new Error("the transaction's tenant row is not visible");
  const defaults = { primaryColor: "#b91c1c", accentColor: "#1e3a8a" };
  return {
    displayName: row.displayName,
    saved: row.saved,
    primaryColor: row.primaryColor ?? defaults.primaryColor,
    accentColor: row.accentColor ?? defaults.accentColor,
    logo:
      row.logoMimeType && row.logoBytes !== null
        ? {
            mimeType: row.logoMimeType,
            width: row.logoWidth,
            height: row.logoHeight,
            bytes: row.logoBytes,
          }
        : null,
    updatedAt: row.updatedAt,
  };
}

export async function renameTenant(
  tx: TenantTx,
  tenantId: string,
  displayName: string,
): Promise<void> {
  await tx
    .update(tenants)
    .set({ displayName, updatedAt: new Date() })
    .where(eq(tenants.id, tenantId));
}

export interface BrandingChange {
  primaryColor?: string;
  accentColor?: string;
  logo?: {
    data: Buffer;
    mimeType: LogoMimeType;
    width: number | null;
    height: number | null;
  } | null;
}

/** Saves what changed; the first save creates the row (colours not given keep their defaults). */
export async function saveBranding(
  tx: TenantTx,
  tenantId: string,
  change: BrandingChange,
): Promise<void> {
  const logo =
    change.logo === undefined
      ? {}
      : {
          logo: change.logo?.data ?? null,
          logoMimeType: change.logo?.mimeType ?? null,
          logoWidth: change.logo?.width ?? null,
          logoHeight: change.logo?.height ?? null,
        };
  const colors = {
    ...(change.primaryColor === undefined ? {} : { primaryColor: change.primaryColor }),
    ...(change.accentColor === undefined ? {} : { accentColor: change.accentColor }),
  };
  await tx
    .insert(tenantBranding)
    .values({ tenantId, ...colors, ...logo })
    .onConflictDoUpdate({
      target: tenantBranding.tenantId,
      set: { ...colors, ...logo, updatedAt: new Date() },
    });
}

/** The stored logo of the transaction's tenant, for serving it. */
export function findLogo(tx: TenantTx) {
  return tx
    .select({
      data: tenantBranding.logo,
      mimeType: tenantBranding.logoMimeType,
      updatedAt: tenantBranding.updatedAt,
    })
    .from(tenantBranding)
    .then((rows) => {
      const row = rows[0];
      return row?.data && row.mimeType
        ? { data: row.data, mimeType: row.mimeType, updatedAt: row.updatedAt }
        : undefined;
    });
}
