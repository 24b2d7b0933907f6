import type { id } from "./messages/id.ts";

/** Every message key; id.ts is the source of truth. */
export type MessageKey = keyof typeof id;

/** The `{name}` placeholders of a message, e.g. `"live" | "total"`. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** Values for a message's placeholders; messages without any take none. */
export type MessageParams<K extends MessageKey> = Record<Placeholders<(typeof id)[K]>, string | number>;

/**
 * What a translation must be: the same keys as id.ts (a missing or extra key fails to compile),
 * each message carrying the same placeholders. The placeholder check works by requiring a string
 * that contains each placeholder at least once, which a template literal type can express per name.
 */
export type Translation = { readonly [K in MessageKey]: Containing<Placeholders<(typeof id)[K]>> };

type Containing<Names extends string> = [Names] extends [never]
  ? string
  : UnionToIntersection<Names extends string ? `${string}{${Names}}${string}` : never>;

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void
  ? I
  : never;
