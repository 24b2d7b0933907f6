import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSecretBox, SecretBoxError, type SecretKey } from "../src/security/secret-box.ts";

const key = (id: string): SecretKey => ({ id, key: new Uint8Array(randomBytes(32)) });
const plaintext = new TextEncoder().encode("JBSWY3DPEHPK3PXP totp key bytes");

describe("secret box", () => {
  it("round-trips and writes the documented format", () => {
    const box = createSecretBox([key("k1")]);
    const sealed = box.encrypt(plaintext, "user:1");
    expect(sealed).toMatch(/^v1:k1:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/=]+$/);
    expect(box.decrypt(sealed, "user:1")).toEqual(plaintext);
    // A fresh IV each time: equal secrets do not look equal at rest.
    expect(box.encrypt(plaintext, "user:1")).not.toBe(sealed);
  });

  it("detects tampering with the ciphertext, the IV, and the bound context", () => {
    const box = createSecretBox([key("k1")]);
    const sealed = box.encrypt(plaintext, "user:1");
    const [v, id, iv = "", body = ""] = sealed.split(":");
    const flipped = Buffer.from(body, "base64");
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => box.decrypt([v, id, iv, flipped.toString("base64")].join(":"), "user:1")).toThrow(
      /failed authentication/,
    );
    const otherIv = Buffer.from(iv, "base64");
    otherIv[0] = (otherIv[0] ?? 0) ^ 1;
    expect(() =>
      box.decrypt([v, id, otherIv.toString("base64"), body].join(":"), "user:1"),
    ).toThrow(SecretBoxError);
    expect(() => box.decrypt(sealed, "user:2")).toThrow(/failed authentication/);
    expect(() => box.decrypt("v2:k1:abc:def")).toThrow(/Not a v1 sealed secret/);
  });

  it("rotates: a new key in front encrypts, the old one still decrypts", () => {
    const old = key("old");
    const sealedBefore = createSecretBox([old]).encrypt(plaintext);
    const rotated = createSecretBox([key("new"), old]);
    expect(rotated.decrypt(sealedBefore)).toEqual(plaintext);
    expect(rotated.encrypt(plaintext)).toMatch(/^v1:new:/);
  });

  it("names an unknown key id instead of failing obscurely", () => {
    const sealed = createSecretBox([key("retired")]).encrypt(plaintext);
    expect(() => createSecretBox([key("k2")]).decrypt(sealed)).toThrow(
      'Secret sealed with key "retired", which is not in SIGAP_SECRET_KEYS',
    );
  });

  it("refuses a bad key ring at start", () => {
    expect(() => createSecretBox([])).toThrow(/empty/);
    expect(() => createSecretBox([{ id: "short", key: new Uint8Array(16) }])).toThrow(/32 bytes/);
    expect(() => createSecretBox([key("a"), key("a")])).toThrow(/twice/);
    expect(() => createSecretBox([key("a:b")])).toThrow(/letters/);
  });
});
