import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/** One key of the ring: `id` is written into every ciphertext so decryption knows which key to use. */
export interface SecretKey {
  id: string;
  key: Uint8Array;
}

/** A secret could not be sealed or opened: bad key ring, unknown key id, or tampered ciphertext. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretBoxError";
  }
}

const version = "v1";
const algorithm = "aes-256-gcm";
const ivBytes = 12;
const tagBytes = 16;

export interface SecretBox {
  /** `v1:<keyId>:<base64 iv>:<base64 ciphertext+tag>`, sealed with the ring's first key. */
  encrypt: (plaintext: Uint8Array, context?: string) => string;
  /** The plaintext of a sealed secret, with whichever ring key sealed it. */
  decrypt: (sealed: string, context?: string) => Uint8Array;
}

/**
 * Secrets at rest (TOTP keys, later trunk credentials) are AES-256-GCM encrypted with a key ring:
 * the first key encrypts, every key decrypts, so a new key can be put in front without touching
 * stored rows. `context` is bound as associated data: a ciphertext copied onto another row (e.g.
 * another user's TOTP key) fails to open there.
 */
export function createSecretBox(keys: readonly SecretKey[]): SecretBox {
  const [current] = keys;
  if (!current) throw new SecretBoxError("The secret key ring is empty");
  const byId = new Map<string, Uint8Array>();
  for (const { id, key } of keys) {
    if (!/^[A-Za-z0-9_-]+$/.test(id))
      throw new SecretBoxError(`Secret key id "${id}" must be letters, digits, - or _`);
    if (key.length !== 32)
      throw new SecretBoxError(`Secret key "${id}" must be 32 bytes, not ${String(key.length)}`);
    if (byId.has(id)) throw new SecretBoxError(`Secret key id "${id}" appears twice`);
    byId.set(id, key);
  }

  return {
    encrypt(plaintext, context = "") {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv(algorithm, current.key, iv, { authTagLength: tagBytes });
      cipher.setAAD(Buffer.from(context, "utf8"));
      const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
      return [version, current.id, iv.toString("base64"), body.toString("base64")].join(":");
    },

    decrypt(sealed, context = "") {
      const parts = sealed.split(":");
      const [sealedVersion, keyId, ivText, bodyText] = parts;
      if (
        parts.length !== 4 ||
        sealedVersion !== version ||
        keyId === undefined ||
        ivText === undefined ||
        bodyText === undefined
      ) {
        throw new SecretBoxError(`Not a ${version} sealed secret`);
      }
      const key = byId.get(keyId);
      if (!key)
        throw new SecretBoxError(
          `Secret sealed with key "${keyId}", which is not in SIGAP_SECRET_KEYS`,
        );
      const iv = Buffer.from(ivText, "base64");
      const body = Buffer.from(bodyText, "base64");
      if (iv.length !== ivBytes || body.length < tagBytes)
        throw new SecretBoxError("Sealed secret is malformed");
      const decipher = createDecipheriv(algorithm, key, iv, { authTagLength: tagBytes });
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(body.subarray(body.length - tagBytes));
      try {
        return new Uint8Array(
          Buffer.concat([
            decipher.update(body.subarray(0, body.length - tagBytes)),
            decipher.final(),
          ]),
        );
      } catch {
        throw new SecretBoxError(
          "Sealed secret failed authentication (tampered, or the wrong context)",
        );
      }
    },
  };
}
