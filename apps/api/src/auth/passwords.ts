import { hash, verify } from "@node-rs/argon2";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import * as indonesian from "@zxcvbn-ts/language-id";

// Argon2id with at least the parameters Lucia's author and OWASP recommend (19 MiB, 2 passes, 1 lane).
const argon2Options = { memoryCost: 19_456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/**
 * A PHC string to verify against when the account does not exist, so a sign-in for an unknown
 * email takes as long as one for a known email (no enumeration through timing).
 */
export const decoyPasswordHash = await hashPassword(crypto.randomUUID());

export const minimumPasswordLength = 10;
export const maximumPasswordLength = 256;

// Common words, Indonesian and English, keyboard patterns: what an attacker's list starts with.
const checkers = {
  id: new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...indonesian.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: indonesian.translations,
  }),
  en: new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...indonesian.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  }),
};

export type PasswordVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Judges a new password: long enough, not too long for hashing, and hard to guess (zxcvbn score 3
 * or more, with the person's own email and name counted as known words). The reason is written for
 * the person choosing, in their language.
 */
export function judgePassword(
  password: string,
  knownWords: string[],
  locale: "id" | "en",
): PasswordVerdict {
  if (password.length < minimumPasswordLength) {
    return {
      ok: false,
      reason:
        locale === "id"
          ? `Kata sandi minimal ${minimumPasswordLength} karakter.`
          : `The password must have at least ${minimumPasswordLength} characters.`,
    };
  }
  if (password.length > maximumPasswordLength) {
    return {
      ok: false,
      reason:
        locale === "id"
          ? `Kata sandi maksimal ${maximumPasswordLength} karakter.`
          : `The password must have at most ${maximumPasswordLength} characters.`,
    };
  }
  const result = checkers[locale].check(password, knownWords);
  if (result.score >= 3) return { ok: true };
  const advice = [result.feedback.warning, ...result.feedback.suggestions]
    .filter(Boolean)
    .join(" ");
  const lead =
    locale === "id"
      ? "Kata sandi ini terlalu mudah ditebak."
      : "This password is too easy to guess.";
  return { ok: false, reason: advice ? `${lead} ${advice}` : lead };
}
