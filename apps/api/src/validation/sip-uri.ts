import { isIP } from "node:net";
import { z } from "zod";
import { isHostName } from "./network.ts";

const shape =
  /^sip:(?:([A-Za-z0-9._~+-]{1,64})@)?(\[[0-9A-Fa-f:.]+\]|[^:;@[\]]+)(?::(\d{1,5}))?(?:;transport=(udp|tcp|tls))?$/i;

/**
 * A SIP URI as the platform's SBC forwards calls to it, in canonical form (lower-case scheme, host
 * and transport), or undefined when it is not one. Only the parts a call-taking destination needs
 * (user, host, port, transport) and only characters Kamailio's script carries as they are: the URI
 * is written into the SBC's configuration.
 */
export function normalizeSipUri(input: string): string | undefined {
  const match = shape.exec(input.trim());
  if (!match) return undefined;
  const [, user, rawHost = "", rawPort, transport] = match;
  const host = rawHost.toLowerCase();
  const bare = host.startsWith("[") ? host.slice(1, -1) : host;
  const hostValid = host.startsWith("[") ? isIP(bare) === 6 : isIP(host) === 4 || isHostName(host);
  if (!hostValid) return undefined;
  if (rawPort !== undefined && (Number(rawPort) < 1 || Number(rawPort) > 65535)) return undefined;
  return `sip:${user === undefined ? "" : `${user}@`}${host}${rawPort === undefined ? "" : `:${String(Number(rawPort))}`}${transport === undefined ? "" : `;transport=${transport.toLowerCase()}`}`;
}

/** A string field holding a SIP URI (see `normalizeSipUri`); the message names `field`. */
export function sipUri(field: string) {
  return z
    .string({ error: `${field} must be text` })
    .max(300, { error: `${field} must have at most 300 characters` })
    .transform((value, check) => {
      const normalized = normalizeSipUri(value);
      if (normalized !== undefined) return normalized;
      check.addIssue({
        code: "custom",
        message: `${field} must be a SIP URI such as sip:112@pbx.contoh.go.id, sip:operator@10.20.0.5:5060 or sip:[2001:db8::5];transport=tcp`,
      });
      return z.NEVER;
    });
}
