import { z } from "zod";
import { isPublicAddress, literalAddress } from "./webhook-target.ts";

/**
 * Why a webhook address is refused, or undefined when it is fine. Only https: the payload carries
 * incident details. Credentials in the address would be stored and shown in clear; the signing
 * secret is how the receiver knows the sender. Internal targets are refused (server-side request
 * forgery): see webhook-target.ts.
 */
export function webhookUrlProblem(input: string): string | undefined {
  if (!URL.canParse(input)) return "must be a full address such as https://contoh.go.id/112";
  const url = new URL(input);
  if (url.protocol !== "https:") return "must start with https://";
  if (url.username !== "" || url.password !== "") return "must not contain a user name or password";
  // A trailing dot makes a name absolute (`localhost.`) without changing where it leads.
  const host = url.hostname.replace(/\.$/, "");
  if (host === "" || host === "localhost" || host.endsWith(".localhost"))
    return "must name a host reachable from the internet";
  // Only addresses written out are judged here; what a name resolves to is judged when a delivery
  // connects (resolveWebhookTarget), which also admits the operator's allowed on-premises networks.
  const literal = literalAddress(url.hostname);
  if (literal !== undefined && !isPublicAddress(literal)) {
    return "must not point into a private, loopback or link-local network; name an on-premises system by its host name";
  }
  return undefined;
}

/** A string field holding an https webhook address; the message names `field`. */
export function webhookUrl(field: string) {
  return z
    .string()
    .trim()
    .max(2048, { error: `${field} is too long` })
    .transform((value, check) => {
      const problem = webhookUrlProblem(value);
      if (problem === undefined) return new URL(value).href;
      check.addIssue({ code: "custom", message: `${field} ${problem}` });
      return z.NEVER;
    });
}
