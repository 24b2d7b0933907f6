import { randomToken } from "../auth/tokens.ts";
import type { SecretBox } from "../security/secret-box.ts";

/** Binds a sealed signing secret to its contact row: copied onto another contact, it will not open. */
export function signingSecretContext(contactId: string): string {
  return `agency_contacts.signing_secret:${contactId}`;
}

/**
 * A new webhook signing secret (256 random bits) and its sealed form for storage. The plaintext
 * goes back to the admin once, to configure the receiver; after that only the sealed form exists.
 */
export function newSigningSecret(
  box: SecretBox,
  contactId: string,
): { plaintext: string; sealed: string } {
  const plaintext = `whsec_${randomToken(32)}`;
  return {
    plaintext,
    sealed: box.encrypt(new TextEncoder().encode(plaintext), signingSecretContext(contactId)),
  };
}
