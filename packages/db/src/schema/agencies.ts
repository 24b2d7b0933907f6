import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { id, tenantId, tenantIsolationPolicy, timestamps } from "./columns.ts";
import { tenants } from "./tenants.ts";

/**
 * A tenant's responding agencies (OPD/instansi). `agencyType` is a code of the national catalogue
 * in @sigap/sop-engine (damkar, bpbd, psc119…), checked by the API, so SOP rules that dispatch by
 * type find the region's own office.
 */
export const agencies = pgTable(
  "agencies",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    id: id(),
    agencyType: text().notNull(),
    name: text().notNull(),
    active: boolean().notNull().default(true),
    /** Kecamatan codes the agency covers; null means the whole region. */
    coverageDistrictCodes: text().array(),
    /**
     * When it takes dispatches: `{ "always": true }` or weekly windows in the tenant's time zone,
     * `{ "weekly": [{ "day": 1..7, "from": "07:00", "to": "16:00" }] }`.
     */
    operatingHours: jsonb()
      .notNull()
      .default(sql`'{"always": true}'::jsonb`),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index().on(t.tenantId, t.agencyType),
    tenantIsolationPolicy(),
  ],
).enableRLS();

export const contactKind = pgEnum("agency_contact_kind", ["phone", "email", "whatsapp", "webhook"]);

/** How an agency is reached. Phone and WhatsApp numbers are stored in E.164 (+62…). */
export const agencyContacts = pgTable(
  "agency_contacts",
  {
    tenantId: tenantId(),
    id: id(),
    agencyId: uuid().notNull(),
    kind: contactKind().notNull(),
    value: text().notNull(),
    label: text(),
    /** For webhooks: the HMAC signing secret, encrypted with SIGAP_SECRET_KEYS; never sent back. */
    signingSecretEncrypted: text(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.agencyId],
      foreignColumns: [agencies.tenantId, agencies.id],
    }).onDelete("cascade"),
    index().on(t.tenantId, t.agencyId),
    check(
      "agency_contacts_webhook_secret",
      sql`(${t.kind} = 'webhook') = (${t.signingSecretEncrypted} is not null)`,
    ),
    tenantIsolationPolicy(),
  ],
).enableRLS();
