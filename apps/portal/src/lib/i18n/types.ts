import type { id } from "./messages/id.ts";

/** Every message key; id.ts is the source of truth. */
export type MessageKey = keyof typeof id;

/** The `{name}` placeholders of a message, e.g. `"live" | "total"`. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** Values for a message's placeholders; messages without any take none. */
export type MessageParams<K extends MessageKey> = Record<
  Placeholders<(typeof id)[K]>,
  string | number
>;

/**
 * A message whose wording follows its `{count}`: one form per plural category the language uses
 * (`Intl.PluralRules`: English has "one" and "other"), "other" being the fallback for the rest.
 */
export type PluralForms<Form = string> = { readonly other: Form } & {
  readonly [Category in Exclude<Intl.LDMLPluralRule, "other">]?: Form;
};

/** A message as a catalogue holds it: one text, or plural forms when it takes a `{count}`. */
export type Message = string | PluralForms;

/**
 * What a translation must be: the same keys as id.ts (a missing or extra key fails to compile),
 * each message carrying the same placeholders, in each of its plural forms. The placeholder check
 * works by requiring a string that contains each placeholder at least once, which a template
 * literal type can express per name. Indonesian does not inflect for number, so id.ts itself has
 * no plural forms.
 */
export type Translation = { readonly [K in MessageKey]: Translated<Placeholders<(typeof id)[K]>> };

type Translated<Names extends string> = "count" extends Names
  ? Containing<Names> | PluralForms<Containing<Names>>
  : Containing<Names>;

type Containing<Names extends string> = [Names] extends [never]
  ? string
  : UnionToIntersection<Names extends string ? `${string}{${Names}}${string}` : never>;

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (
  value: infer I,
) => void
  ? I
  : never;
