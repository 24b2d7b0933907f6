import { randomToken } from "../auth/tokens.ts";
import type { SecretBox } from "../security/secret-box.ts";

/** Binds a sealed event secret to its trunk: copied onto another trunk, it will not open. */
const eventSecretContext = (trunkId: string) => `phone_trunks.event_secret:${trunkId}`;

/**
 * A new secret (256 random bits) for the trunk's PBX/SBC to sign telephony events with, and its
 * sealed form for storage. The plaintext goes back to the admin once, to configure the switch.
 */
export function newEventSecret(
  box: SecretBox,
  trunkId: string,
): { plaintext: string; sealed: string } {
  const plaintext = `evsec_${randomToken(32)}`;
  return {
    plaintext,
    sealed: box.encrypt(new TextEncoder().encode(plaintext), eventSecretContext(trunkId)),
  };
}

export function openEventSecret(box: SecretBox, trunkId: string, sealed: string): string {
  return new TextDecoder().decode(box.decrypt(sealed, eventSecretContext(trunkId)));
}
