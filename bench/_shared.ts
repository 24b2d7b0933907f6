// What the benchmarks share: pacing load on schedule, reading percentiles, fixed-seed data, posting signed telephony events.
import { performance } from "node:perf_hooks";
import { randomUUID } from "node:crypto";
import type { createDatabase } from "@sigap/db/client";
import { testSecretKeys } from "@sigap/dev/secret-keys";
// The API's own session, sealing and signing code, so the arrangement is what production does.
import { createSession } from "../apps/api/src/auth/sessions.ts";
import { parseSecretKeys } from "../apps/api/src/config.ts";
import { createSecretBox } from "../apps/api/src/security/secret-box.ts";
import { newEventSecret } from "../apps/api/src/telephony/event-secret.ts";
import { signTelephonyRequest } from "../apps/api/src/telephony/signature.ts";

type Owner = ReturnType<typeof createDatabase>;

/** A live region as the benchmarks load it: one trunk with a DID and its event secret, one signed-in operator. */
export interface CallRegion {
  tenantId: string;
  slug: string;
  did: string;
  secret: string;
  cookie: string;
}

/** Starts `task` `perSecond` times a second for `duration` seconds, on schedule whatever each takes. */
export async function paced(
  perSecond: number,
  duration: number,
  task: () => Promise<void>,
): Promise<void> {
  const started = performance.now();
  const running: Promise<void>[] = [];
  for (let index = 0; index < perSecond * duration; index++) {
    const due = started + (index * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    running.push(task());
  }
  await Promise.all(running);
}

export function summary(values: number[]): { p50: number; p99: number } {
  const sorted = values.toSorted((a, b) => a - b);
  const at = (share: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p99: at(0.99) };
}

export function ms(value: number): string {
  return `${value.toFixed(1).padStart(6)} ms`;
}

/** A fixed-seed generator, so every run measures the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Posts one telephony event to the API's event route, signed with the trunk's event secret, as a PBX does. */
export async function postSigned(
  apiUrl: string,
  secret: string,
  event: Record<string, unknown>,
): Promise<void> {
  const body = JSON.stringify(event);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetch(`${apiUrl}/v1/telephony/events`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-sigap-timestamp": timestamp,
      "x-sigap-signature": signTelephonyRequest(secret, timestamp, body),
    },
    body,
  });
  if (!response.ok)
    throw new Error(`event refused: ${String(response.status)} ${await response.text()}`);
}

/** Tenants with a trunk, one DID, a sealed event secret, and a signed-in operator. */
export async function arrangeCallRegions(owner: Owner, tenantCount: number): Promise<CallRegion[]> {
  const box = createSecretBox(parseSecretKeys(testSecretKeys));
  const tenants = await owner.sql<{ id: string; slug: string }[]>`
    insert into tenants (region_code, slug, display_name, status, launched_at, time_zone)
    select r.code, 'bench-' || replace(r.code, '.', '-'), 'Bench ' || r.name, 'live', now(), p.time_zone
      from regencies r join provinces p on p.code = r.province_code
     where r.code not in (select region_code from tenants)
     order by r.code limit ${tenantCount}
    returning id, slug`;
  return Promise.all(
    tenants.map(async (tenant, index) => {
      const trunkId = randomUUID();
      const secret = newEventSecret(box, trunkId);
      const did = `+62219911${String(index).padStart(4, "0")}`;
      await owner.sql`
        insert into phone_trunks (tenant_id, id, name, carrier, sip_host, max_channels, auth, allowed_addresses, status, event_secret_encrypted)
        values (${tenant.id}, ${trunkId}, 'Bench', 'telkom', '127.0.0.1', 30, 'ip_allow_list', array['127.0.0.1'], 'active', ${secret.sealed})`;
      await owner.sql`insert into did_routes (did, owner_tenant_id, trunk_id) values (${did}, ${tenant.id}, ${trunkId})`;
      const [user] = await owner.sql<{ id: string }[]>`
        insert into users (email, display_name, password_hash) values (${`operator-${tenant.slug}@bench.test`}, 'Bench Operator', 'not-used') returning id`;
      if (!user) throw new Error("no user");
      await owner.sql`insert into memberships (tenant_id, user_id, role) values (${tenant.id}, ${user.id}, 'operator')`;
      const { token } = await createSession(owner.db, user.id, { ip: null, userAgent: "bench" });
      return {
        tenantId: tenant.id,
        slug: tenant.slug,
        did,
        secret: secret.plaintext,
        cookie: `sigap_session=${token}`,
      };
    }),
  );
}
