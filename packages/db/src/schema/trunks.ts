import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { id, tenantId, tenantIsolationPolicy, timestamps } from "./columns.ts";
import { tenants } from "./tenants.ts";

export const carrier = pgEnum("carrier", [
  "telkomsel",
  "indosat_ooredoo_hutchison",
  "xlsmart",
  "telkom",
  "other",
]);
export const sipTransport = pgEnum("sip_transport", ["udp", "tcp", "tls"]);
export const trunkAuth = pgEnum("trunk_auth", ["digest", "ip_allow_list"]);
export const trunkStatus = pgEnum("trunk_status", [
  "provisioning",
  "testing",
  "active",
  "disabled",
]);

/** A SIP trunk from a telco into the region's PBX/SBC. */
export const phoneTrunks = pgTable(
  "phone_trunks",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    id: id(),
    name: text().notNull(),
    carrier: carrier().notNull(),
    /** Host name or IP address of the carrier's SIP signalling endpoint. */
    sipHost: text().notNull(),
    sipPort: integer().notNull().default(5060),
    transport: sipTransport().notNull().default("udp"),
    maxChannels: integer().notNull(),
    codecs: text()
      .array()
      .notNull()
      .default(sql`array['alaw', 'ulaw']`),
    auth: trunkAuth().notNull(),
    digestUsername: text(),
    /** Encrypted with SIGAP_SECRET_KEYS; never sent back to a browser once saved. */
    digestPasswordEncrypted: text(),
    /** Addresses or CIDR ranges the carrier sends from, for `ip_allow_list`. */
    allowedAddresses: text().array(),
    status: trunkStatus().notNull().default("provisioning"),
    /**
     * The secret the trunk's PBX/SBC signs telephony events with (HMAC-SHA256), sealed like the
     * digest password. During a rotation the previous one stays valid until it is retired.
     */
    eventSecretEncrypted: text(),
    previousEventSecretEncrypted: text(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    check("phone_trunks_port", sql`${t.sipPort} between 1 and 65535`),
    check("phone_trunks_channels", sql`${t.maxChannels} between 1 and 10000`),
    check(
      "phone_trunks_auth_fields",
      sql`(${t.auth} = 'digest' and ${t.digestUsername} is not null and ${t.digestPasswordEncrypted} is not null)
          or (${t.auth} = 'ip_allow_list' and cardinality(${t.allowedAddresses}) > 0)`,
    ),
    tenantIsolationPolicy(),
  ],
).enableRLS();

/**
 * Inbound numbers (DIDs, E.164) and the tenant each rings. A DID belongs to one tenant platform-wide,
 * so this is a platform table keyed by the number: a unique key across tenants cannot lead with
 * tenant_id. The runtime role has no direct access; claims, releases and call routing go through the
 * security-definer functions in the migration, which act only for the transaction's tenant.
 */
export const didRoutes = pgTable(
  "did_routes",
  {
    did: text().primaryKey(),
    ownerTenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    trunkId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.ownerTenantId, t.trunkId),
    // The trunk must be the owner's own: claim_did() runs as the owner, so RLS cannot say it.
    foreignKey({
      name: "did_routes_owner_trunk_fk",
      columns: [t.ownerTenantId, t.trunkId],
      foreignColumns: [phoneTrunks.tenantId, phoneTrunks.id],
    }).onDelete("cascade"),
    check("did_routes_e164", sql`${t.did} ~ '^\\+[1-9][0-9]{6,14}$'`),
  ],
);
