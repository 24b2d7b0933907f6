import { hashToken } from "./tokens.ts";

// Crockford's base32: no i, l, o or u, so a code read off paper is not misread; 10 characters
// carry 50 random bits, ample for single-use codes that are also throttled.
const alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
const codeLength = 10;
export const recoveryCodeCount = 10;

/** A code as shown once to its owner: `xxxx-xxxx-xx`. */
function newRecoveryCode(): string {
  const chars = Array.from(
    crypto.getRandomValues(new Uint8Array(codeLength)),
    (byte) => alphabet[byte & 31],
  ).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** What is stored and compared: case, spaces and dashes ignored, look-alike letters read as digits. */
export function hashRecoveryCode(input: string): string {
  const normalised = input
    .toLowerCase()
    .replace(/[^0-9a-z]/g, "")
    .replace(/o/g, "0")
    .replace(/[il]/g, "1");
  return hashToken(normalised);
}

/** A fresh set of codes, and the hashes to store in their place. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  return { codes, hashes: codes.map(hashRecoveryCode) };
}
