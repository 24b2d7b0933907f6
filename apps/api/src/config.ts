import { readFileSync } from "node:fs";
import type { Env } from "./env.ts";
import type { AppConfig } from "./trpc/init.ts";

/** Turns validated environment into what the app needs. */
export function appConfig(env: Env): AppConfig {
  return {
    publicUrl: env.PUBLIC_URL.replace(/\/$/, ""),
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, devOutbox: env.SIGAP_DEV_OUTBOX },
    secretKeys: parseSecretKeys(env.SIGAP_SECRET_KEYS),
    trustedProxies: env.TRUSTED_PROXIES,
    webhookAllowedNetworks: env.SIGAP_WEBHOOK_ALLOWED_NETWORKS,
    webhookCa: env.SIGAP_WEBHOOK_CA_FILE === undefined ? null : readFileSync(env.SIGAP_WEBHOOK_CA_FILE, "utf8"),
    liveStreamReadmitMs,
    mapTileUrl: env.MAP_TILE_URL ?? null,
    billingSeller: {
      name: env.BILLING_SELLER_NAME,
      address: env.BILLING_SELLER_ADDRESS,
      npwp: env.BILLING_SELLER_NPWP ?? null,
      bank: { name: env.BILLING_BANK_NAME, accountNumber: env.BILLING_BANK_ACCOUNT, accountName: env.BILLING_BANK_ACCOUNT_NAME },
    },
  };
}

/** How often a live stream asks again whether its session may still follow what it follows. */
export const liveStreamReadmitMs = 60_000;

export function parseSecretKeys(value: string): AppConfig["secretKeys"] {
  return value.split(",").map((entry) => {
    const [id = "", key = ""] = entry.split(":");
    return { id, key: Uint8Array.from(Buffer.from(key, "base64")) };
  });
}
