import type { SecretBox } from "../security/secret-box.ts";

/** Binds a sealed digest password to its trunk: copied onto another row, it will not open. */
const passwordContext = (trunkId: string) => `phone_trunks.digest_password:${trunkId}`;

export function sealDigestPassword(box: SecretBox, trunkId: string, password: string): string {
  return box.encrypt(new TextEncoder().encode(password), passwordContext(trunkId));
}

export function openDigestPassword(box: SecretBox, trunkId: string, sealed: string): string {
  return new TextDecoder().decode(box.decrypt(sealed, passwordContext(trunkId)));
}
