import { z } from "zod";
import { addressList } from "./validation/network.ts";
import { allowedNetworkProblem } from "./validation/webhook-target.ts";

/** The API's and worker's whole configuration, parsed once at start; a bad value stops the process. */
const envSchema = z.object({
  DATABASE_APP_URL: z.url({
    error: "DATABASE_APP_URL must be a postgres:// URL for the sigap_app role",
  }),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  API_HOST: z.string().default("127.0.0.1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Where people reach the portal; links in emails start with it. */
  PUBLIC_URL: z
    .url({ error: "PUBLIC_URL must be the portal's URL, e.g. https://sigap112.id" })
    .default("http://localhost:3000"),
  /** smtp(s)://user:pass@host:port; without it mail is kept in Postgres for the outbox page. */
  SMTP_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// URL" })
      .optional(),
  ),
  MAIL_FROM: z.string().default("Sigap 112 <no-reply@sigap112.id>"),
  /**
   * Map tiles under the call panel's kecamatan map, e.g. `https://tile.example.id/{z}/{x}/{y}.png`.
   * Unset, the map draws the region's kecamatan from the registry alone (it works offline).
   */
  MAP_TILE_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .url({
        protocol: /^https?$/,
        error: "MAP_TILE_URL must be an http(s) URL with {z}, {x} and {y} in it",
      })
      .refine((url) => ["{z}", "{x}", "{y}"].every((part) => url.includes(part)), {
        error: "MAP_TILE_URL must contain {z}, {x} and {y}",
      })
      .optional(),
  ),
  /**
   * Addresses or CIDR ranges of our own proxies (the portal, a load balancer): only requests from
   * them may say, in X-Forwarded-For/-Host/-Proto, who the client is and what it called. The default
   * is loopback, where the portal runs beside the API under npm start.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("127.0.0.1,::1")
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(addressList("TRUSTED_PROXIES", { min: 0, max: 100 })),
  /**
   * Non-public networks webhooks may still reach (on-premises agency systems), comma-separated
   * addresses or CIDR networks, e.g. `10.20.0.0/16,192.168.5.10`. Empty: public addresses only.
   */
  SIGAP_WEBHOOK_ALLOWED_NETWORKS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .superRefine((entries, check) => {
      for (const entry of entries) {
        const problem = allowedNetworkProblem(entry);
        if (problem)
          check.addIssue({ code: "custom", message: `SIGAP_WEBHOOK_ALLOWED_NETWORKS: ${problem}` });
      }
    }),
  /**
   * A PEM file of certificate authorities webhooks are also trusted under, beside the public ones:
   * an agency's system behind its own CA. Unset: public CAs only.
   */
  SIGAP_WEBHOOK_CA_FILE: z.string().min(1).optional(),
  /**
   * Who invoices the regions and where they pay, as printed on every invoice. The defaults are
   * placeholders for development; a production platform sets its own.
   */
  BILLING_SELLER_NAME: z.string().min(1).default("Sigap 112 (contoh)"),
  BILLING_SELLER_ADDRESS: z
    .string()
    .min(1)
    .default("Jl. Medan Merdeka Barat No. 9, Jakarta Pusat 10110"),
  BILLING_SELLER_NPWP: z.string().min(1).optional(),
  BILLING_BANK_NAME: z.string().min(1).default("Bank contoh"),
  BILLING_BANK_ACCOUNT: z.string().min(1).default("000-000-0000"),
  BILLING_BANK_ACCOUNT_NAME: z.string().min(1).default("Sigap 112"),
  /** Shows stored mail at /dev/outbox to platform admins. Development only: npm start and npm test set it. */
  SIGAP_DEV_OUTBOX: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  /**
   * Keys for secrets at rest (TOTP keys, trunk credentials): `id:base64key[,id:base64key…]`, each
   * 32 bytes. The first encrypts; all decrypt, so a key can be rotated in without a migration.
   */
  SIGAP_SECRET_KEYS: z
    .string({
      error:
        "SIGAP_SECRET_KEYS is required: id:base64 32-byte key, e.g. k1:$(openssl rand -base64 32)",
    })
    .regex(
      /^[a-z0-9]+:[A-Za-z0-9+/]{43}=(,[a-z0-9]+:[A-Za-z0-9+/]{43}=)*$/,
      "SIGAP_SECRET_KEYS must be id:base64key pairs of 32-byte keys, comma-separated",
    ),
});

export type Env = z.infer<typeof envSchema>;

// eslint-disable-next-line no-restricted-properties -- this file is where configuration is read
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join(".")}: ${issue.message}`,
    );
    console.error(`Invalid configuration:\n${problems.join("\n")}`);
    process.exit(2);
  }
  return parsed.data;
}
