import { en } from "./messages/en.ts";
import { id } from "./messages/id.ts";
import type { Message, MessageKey, MessageParams, Placeholders } from "./types.ts";

export type { MessageKey } from "./types.ts";

/** Bahasa Indonesia first (the product's audience), English second. */
export const locales = ["id", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "id";

/** The cookie the language switch sets; read once per request in hooks.server.ts. */
export const localeCookie = "locale";

const catalogues: Record<Locale, Record<MessageKey, Message>> = { id, en };

/** BCP 47 tags for Intl formatting, so numbers read naturally ("33,3%" in Indonesian). */
const intlTags: Record<Locale, string> = { id: "id-ID", en: "en-GB" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** Anything unknown (no cookie, a tampered one) falls back to Indonesian rather than failing. */
export function resolveLocale(value: string | null | undefined): Locale {
  return isLocale(value) ? value : defaultLocale;
}

/** Keys whose message has no placeholders, so `t(key)` needs no second argument. */
export type PlainKey = {
  [K in MessageKey]: [Placeholders<(typeof id)[K]>] extends [never] ? K : never;
}[MessageKey];
type ParamKey = Exclude<MessageKey, PlainKey>;

export type MessagePart =
  { kind: "text"; text: string } | { kind: "param"; name: string; text: string };

/** The wording of `message` for `params.count`: "1 error", "2 errors". */
function wording(
  message: Message,
  plurals: Intl.PluralRules,
  params: Record<string, string | number>,
): string {
  if (typeof message === "string") return message;
  return message[plurals.select(Number(params.count))] ?? message.other;
}

/** Splits a message at its placeholders, so a component can wrap one value in its own element. */
function split(message: string, params: Record<string, string | number>): MessagePart[] {
  const parts: MessagePart[] = [];
  const pattern = /\{(\w+)\}/g;
  let last = 0;
  for (const match of message.matchAll(pattern)) {
    const name = match[1] ?? "";
    if (match.index > last) parts.push({ kind: "text", text: message.slice(last, match.index) });
    parts.push({ kind: "param", name, text: String(params[name] ?? match[0]) });
    last = match.index + match[0].length;
  }
  if (last < message.length) parts.push({ kind: "text", text: message.slice(last) });
  return parts;
}

export interface Translator {
  readonly locale: Locale;
  /** The message for `key` in this locale, placeholders filled; its plural form, if any, chosen by `count`. */
  t(key: PlainKey): string;
  t<K extends ParamKey>(key: K, params: MessageParams<K>): string;
  /** Like `t`, but as parts, for markup around a value (e.g. a headline number). */
  parts<K extends ParamKey>(key: K, params: MessageParams<K>): MessagePart[];
  /** Numbers in this locale's convention. */
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

export function translator(locale: Locale): Translator {
  const tag = intlTags[locale];
  const plurals = new Intl.PluralRules(tag);
  const parts = (key: MessageKey, params: Record<string, string | number>) =>
    split(wording(catalogues[locale][key], plurals, params), params);
  function t(key: MessageKey, params: Record<string, string | number> = {}): string {
    return parts(key, params)
      .map((part) => part.text)
      .join("");
  }
  return {
    locale,
    t,
    parts,
    number: (value, options) => new Intl.NumberFormat(tag, options).format(value),
  };
}
