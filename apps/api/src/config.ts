import { readFileSync } from "node:fs";
import type { InvoiceParties } from "@sigap/db/schema";
import type { Env } from "./env.ts";
import type { AllowedNetworks } from "./validation/webhook-target.ts";

/** Process-wide settings procedures need (from env.ts; tests pass their own). */
export interface AppConfig {
  publicUrl: string;
  mail: { smtpUrl: string | undefined; from: string; devOutbox: boolean };
  /** Parsed SIGAP_SECRET_KEYS: the first entry encrypts, all decrypt. */
  secretKeys: { id: string; key: Uint8Array }[];
  /** Parsed TRUSTED_PROXIES: addresses and CIDR ranges whose forwarding headers are believed. */
  trustedProxies: readonly string[];
  /** Parsed SIGAP_WEBHOOK_ALLOWED_NETWORKS, for resolveWebhookTarget when delivering. */
  webhookAllowedNetworks: AllowedNetworks;
  /** Parsed SIGAP_WEBHOOK_CA_FILE: extra certificate authorities (PEM) webhook receivers are trusted under, or null. */
  webhookCa: string | null;
  /** How often a live stream checks again that its session still admits it (a minute; tests shorten it). */
  liveStreamReadmitMs: number;
  /** Parsed MAP_TILE_URL: a `{z}/{x}/{y}` tile template for the call panel's map, or null (offline). */
  mapTileUrl: string | null;
  /** Parsed BILLING_*: the seller and bank account printed on invoices. */
  billingSeller: InvoiceParties["seller"];
}

/** Turns validated environment into what the app needs. */
export function appConfig(env: Env): AppConfig {
  return {
    publicUrl: env.PUBLIC_URL.replace(/\/$/, ""),
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, devOutbox: env.SIGAP_DEV_OUTBOX },
    secretKeys: parseSecretKeys(env.SIGAP_SECRET_KEYS),
    trustedProxies: env.TRUSTED_PROXIES,
    webhookAllowedNetworks: env.SIGAP_WEBHOOK_ALLOWED_NETWORKS,
    webhookCa:
      env.SIGAP_WEBHOOK_CA_FILE === undefined
        ? null
        : readFileSync(env.SIGAP_WEBHOOK_CA_FILE, "utf8"),
    liveStreamReadmitMs,
    mapTileUrl: env.MAP_TILE_URL ?? null,
    billingSeller: {
      name: env.BILLING_SELLER_NAME,
      address: env.BILLING_SELLER_ADDRESS,
      npwp: env.BILLING_SELLER_NPWP ?? null,
      bank: {
        name: env.BILLING_BANK_NAME,
        accountNumber: env.BILLING_BANK_ACCOUNT,
        accountName: env.BILLING_BANK_ACCOUNT_NAME,
      },
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
