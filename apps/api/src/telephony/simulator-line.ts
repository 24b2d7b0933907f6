import type { Database } from "@sigap/db/client";
import {
  appendTenantAudit,
  countCalls,
  currentTenantRegionCode,
  findTenantBySlug,
  listTenantDids,
  listTrunks,
  setTrunkEventSecrets,
} from "@sigap/db/queries";
import { asTenantId, withTenant } from "@sigap/tenancy";
import type { SecretBox } from "../security/secret-box.ts";
import { newEventSecret, openEventSecret } from "./event-secret.ts";

/** What the call simulator rings: one active trunk of the tenant, its DIDs and its event secret. */
export interface SimulatorLine {
  tenantId: string;
  regionCode: string;
  trunkId: string;
  dids: string[];
  eventSecret: string;
  /** Calls the tenant already holds (history is only added to a tenant with none). */
  existingCalls: number;
}

/**
 * The tenant's first active trunk that has DIDs, with its event secret opened. A trunk without a
 * secret gets one (audited, as an admin's rotation is); an existing secret is used, never replaced,
 * so a switch configured with it keeps working.
 */
export async function simulatorLine(
  db: Database,
  box: SecretBox,
  slug: string,
): Promise<SimulatorLine> {
  const tenant = await findTenantBySlug(db, slug);
  if (!tenant) throw new Error(`no tenant "${slug}"`);
  const tenantId = asTenantId(tenant.tenantId);
  return withTenant(db, tenantId, async (tx) => {
    const [trunks, dids, regionCode, existingCalls] = await Promise.all([
      listTrunks(tx),
      listTenantDids(tx),
      currentTenantRegionCode(tx),
      countCalls(tx),
    ]);
    const trunk = trunks.find(
      (candidate) =>
        candidate.status === "active" && dids.some((did) => did.trunkId === candidate.id),
    );
    if (!trunk)
      throw new Error(
        `tenant "${slug}" has no active trunk with a DID: add one under Trunk telepon first`,
      );
    let eventSecret: string;
    if (trunk.eventSecretEncrypted) {
      eventSecret = openEventSecret(box, trunk.id, trunk.eventSecretEncrypted);
    } else {
      const secret = newEventSecret(box, trunk.id);
      await setTrunkEventSecrets(tx, trunk.id, { current: secret.sealed, previous: null });
      await appendTenantAudit(tx, tenantId, {
        actorRole: "system",
        action: "trunks.rotateEventSecret",
        targetType: "phone_trunk",
        targetId: trunk.id,
        diff: { before: null, after: { previousStillValid: false, by: "call simulator" } },
      });
      eventSecret = secret.plaintext;
    }
    return {
      tenantId,
      regionCode,
      trunkId: trunk.id,
      dids: dids.filter((did) => did.trunkId === trunk.id).map((did) => did.did),
      eventSecret,
      existingCalls,
    };
  });
}
