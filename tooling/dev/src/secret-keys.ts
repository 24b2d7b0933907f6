import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * The local stack's SIGAP_SECRET_KEYS: made once and kept beside the embedded database (git-ignored),
 * so secrets encrypted by one `npm start` still decrypt in the next.
 */
export function localSecretKeys(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const keys = `local:${randomBytes(32).toString("base64")}`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${keys}\n`, { mode: 0o600 });
  return keys;
}

/** A fixed key for throwaway test stacks; never used outside tests. */
export const testSecretKeys = "test:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
