import { z } from "zod";

/**
 * Why a webhook address is refused, or undefined when it is fine. Only https: the payload carries
 * incident details. Credentials in the address would be stored and shown in clear; the signing
 * secret is how the receiver knows the sender.
 */
export function webhookUrlProblem(input: string): string | undefined {
  if (!URL.canParse(input)) return "must be a full address such as https://contoh.go.id/112";
  const url = new URL(input);
  if (url.protocol !== "https:") return "must start with https://";
  if (url.username !== "" || url.password !== "") return "must not contain a user name or password";
  if (url.hostname === "" || url.hostname === "localhost" || url.hostname.endsWith(".localhost")) {
    return "must name a host reachable from the internet";
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
