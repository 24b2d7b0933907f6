import { isIP } from "node:net";
import { z } from "zod";

const hostLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * A DNS host name (RFC 1123: dot-separated labels of letters, digits and inner hyphens, at most 253
 * characters). The last label must not be all digits, so a mistyped IPv4 address (10.0.0.300) is
 * not taken for a name.
 */
export function isHostName(value: string): boolean {
  if (value.length === 0 || value.length > 253) return false;
  const labels = value.toLowerCase().replace(/\.$/, "").split(".");
  return labels.every((label) => hostLabel.test(label)) && !/^\d+$/.test(labels.at(-1) ?? "");
}

/** An IPv4 or IPv6 address, or such an address with a prefix length (CIDR) that fits its family. */
export function isAddressOrCidr(value: string): boolean {
  const [address = "", prefix, ...rest] = value.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * The widest range an allow-list may admit. A carrier's signalling servers sit in a few small
 * blocks; anything wider (0.0.0.0/0 or ::/0 at worst) lets strangers place calls into a 112 line.
 */
export const widestPrefix = { ipv4: 16, ipv6: 32 } as const;

/** Whether an address or CIDR range (already valid) spans more than `widestPrefix` allows. */
export function isTooWide(value: string): boolean {
  const [address = "", prefix] = value.split("/");
  if (prefix === undefined) return false;
  return Number(prefix) < (isIP(address) === 4 ? widestPrefix.ipv4 : widestPrefix.ipv6);
}

/** A host name or an IP address, trimmed and lower-cased; the message names `field`. */
export function hostOrAddress(field: string) {
  return z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => isIP(value) !== 0 || isHostName(value), {
      error: `${field} must be a host name such as sip.contoh.co.id or an IPv4/IPv6 address`,
    });
}

/** An IPv4 or IPv6 address (no range, no host name), trimmed and lower-cased; the message names `field`. */
export function ipAddress(field: string) {
  return z
    .string({ error: `${field} must be text` })
    .trim()
    .toLowerCase()
    .refine((value) => isIP(value) !== 0, {
      error: `${field} must be an IPv4 or IPv6 address such as 0.0.0.0 or 2001:db8::5`,
    });
}

/** A TCP/UDP port number; the message names `field`. */
export function port(field: string) {
  return z
    .number({ error: `${field} must be a port number from 1 to 65535` })
    .int({ error: `${field} must be a port number from 1 to 65535` })
    .min(1, { error: `${field} must be a port number from 1 to 65535` })
    .max(65535, { error: `${field} must be a port number from 1 to 65535` });
}

/**
 * A list of IP addresses or CIDR ranges (10.20.0.0/16, 2001:db8::/32), each trimmed and
 * lower-cased, none wider than `widestPrefix`; a bad entry is named by its index (`allowedAddresses.2`).
 */
export function addressList(field: string, limits: { min: number; max: number }) {
  return z
    .array(z.string(), { error: `${field} must be a list of IP addresses or CIDR ranges` })
    .min(limits.min, {
      error: `${field} needs at least ${String(limits.min)} IP address or CIDR range`,
    })
    .max(limits.max, { error: `${field} may hold at most ${String(limits.max)} entries` })
    .transform((entries, check) => {
      const cleaned = entries.map((entry) => entry.trim().toLowerCase());
      cleaned.forEach((entry, index) => {
        if (!isAddressOrCidr(entry)) {
          check.addIssue({
            code: "custom",
            path: [index],
            message: `${field}.${String(index)} must be an IP address or CIDR range such as 203.0.113.10 or 203.0.113.0/24`,
          });
        } else if (isTooWide(entry)) {
          check.addIssue({
            code: "custom",
            path: [index],
            message: `${field}.${String(index)} is too wide a range: at most /${String(widestPrefix.ipv4)} for IPv4 and /${String(widestPrefix.ipv6)} for IPv6`,
          });
        }
      });
      return [...new Set(cleaned)];
    });
}
