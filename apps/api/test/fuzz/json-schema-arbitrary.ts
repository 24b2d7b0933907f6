import fc from "fast-check";
import type { HostileKind } from "./hostile-kinds.ts";

// Inputs for the fuzzer, from JSON Schema: what zod 4 gives for a procedure's input
// (`z.toJSONSchema`) and what the OpenAPI document gives for a REST route, so one generator serves
// both. The maintained zod→fast-check bridge (zod-fast-check) supports zod 3 and fast-check 3 only.

/** The part of JSON Schema (2020-12) that zod 4 and @hono/zod-openapi emit for inputs. */
export interface JsonSchema {
  type?: JsonType | JsonType[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

type JsonType = "string" | "number" | "integer" | "boolean" | "null" | "object" | "array";

/**
 * Values known to exist in the fuzzed tenant, so valid inputs name real rows and reach the
 * handlers instead of stopping at NOT_FOUND, and strings that pass checks JSON Schema cannot
 * express (a refinement or transform: phone numbers, hosts, addresses).
 */
export interface KnownValues {
  /** Per property name, e.g. `tenantSlug` → the fuzzed tenant's slug. */
  byName: Record<string, readonly unknown[]>;
  /** Ids of the tenant's rows, offered to every uuid field. */
  ids: readonly string[];
  plausibleStrings: readonly string[];
}

/** How big a generated valid value grows; valid values only need to reach the handler. */
const freeStringLength = 40;
const arrayLength = 4;

/** An arbitrary of values that the schema accepts (as far as JSON Schema can say). */
export function validArbitrary(
  schema: JsonSchema,
  known: KnownValues,
  name?: string,
): fc.Arbitrary<unknown> {
  const generated = bySchema(schema, known);
  const named = name === undefined ? undefined : known.byName[name];
  if (!named || named.length === 0) return generated;
  return fc.oneof(
    { arbitrary: fc.constantFrom(...named), weight: 3 },
    { arbitrary: generated, weight: 1 },
  );
}

function bySchema(schema: JsonSchema, known: KnownValues): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives)
    return fc.oneof(...alternatives.map((alternative) => bySchema(alternative, known)));
  if (schema.allOf) return bySchema(mergeObjects(schema.allOf), known);
  if (Array.isArray(schema.type))
    return fc.oneof(...schema.type.map((type) => bySchema({ ...schema, type }, known)));
  switch (schema.type) {
    case "string":
      return stringArbitrary(schema, known);
    case "integer":
      return fc.integer(integerBounds(schema));
    case "number":
      return fc.double({ ...numberBounds(schema), noNaN: true, noDefaultInfinity: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(bySchema(schema.items ?? {}, known), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? arrayLength, (schema.minItems ?? 0) + arrayLength),
      });
    case "object":
      return objectArbitrary(schema, known);
    case undefined:
      // Any JSON value: zod's `unknown`, `custom` and dates coerced from anything.
      return fc.jsonValue({ maxDepth: 3 });
  }
}

function objectArbitrary(schema: JsonSchema, known: KnownValues): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(
    Object.entries(properties).map(([key, inner]) => [key, validArbitrary(inner, known, key)]),
  );
  return fc.record(model, {
    requiredKeys: (schema.required ?? []).filter((key) => key in properties),
  });
}

function mergeObjects(schemas: JsonSchema[]): JsonSchema {
  return {
    type: "object",
    properties: Object.assign({}, ...schemas.map((schema) => schema.properties ?? {})) as Record<
      string,
      JsonSchema
    >,
    required: schemas.flatMap((schema) => schema.required ?? []),
  };
}

const safeBound = 2 ** 31 - 1;
const defaultBound = 1e6;

function integerBounds(schema: JsonSchema): { min: number; max: number } {
  const min =
    schema.minimum ??
    (schema.exclusiveMinimum === undefined
      ? -defaultBound
      : Math.floor(schema.exclusiveMinimum) + 1);
  const max =
    schema.maximum ??
    (schema.exclusiveMaximum === undefined ? defaultBound : Math.ceil(schema.exclusiveMaximum) - 1);
  return { min: Math.max(Math.ceil(min), -safeBound), max: Math.min(Math.floor(max), safeBound) };
}

function numberBounds(schema: JsonSchema): {
  min: number;
  max: number;
  minExcluded: boolean;
  maxExcluded: boolean;
} {
  return {
    min: schema.minimum ?? schema.exclusiveMinimum ?? -defaultBound,
    max: schema.maximum ?? schema.exclusiveMaximum ?? defaultBound,
    minExcluded: schema.minimum === undefined && schema.exclusiveMinimum !== undefined,
    maxExcluded: schema.maximum === undefined && schema.exclusiveMaximum !== undefined,
  };
}

const instant = fc.date({
  min: new Date("2020-01-01T00:00:00Z"),
  max: new Date("2030-12-31T23:59:59Z"),
  noInvalidDate: true,
});

function stringArbitrary(schema: JsonSchema, known: KnownValues): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Number.MAX_SAFE_INTEGER;
  const fits = (value: string) => value.length >= min && value.length <= max;
  switch (schema.format) {
    case "uuid":
      return known.ids.length === 0
        ? fc.uuid()
        : fc.oneof({ arbitrary: fc.constantFrom(...known.ids), weight: 3 }, fc.uuid());
    case "date-time":
      return instant.map((date) => date.toISOString());
    case "date":
      return instant.map((date) => date.toISOString().slice(0, 10));
  }
  const pattern = patternOf(schema.pattern);
  if (pattern) {
    const plausible = known.plausibleStrings.filter((value) => fits(value) && pattern.test(value));
    const matching = fc.stringMatching(pattern).filter(fits);
    return plausible.length === 0 ? matching : fc.oneof(fc.constantFrom(...plausible), matching);
  }
  const free = fc
    .string({ unit: "grapheme", minLength: min, maxLength: Math.min(max, min + freeStringLength) })
    .filter(fits);
  const plausible = known.plausibleStrings.filter(fits);
  return plausible.length === 0
    ? free
    : fc.oneof(
        { arbitrary: fc.constantFrom(...plausible), weight: 3 },
        { arbitrary: free, weight: 1 },
      );
}

/** The schema's pattern as a RegExp, or undefined when JavaScript cannot read it (it stays unconstrained). */
function patternOf(source: string | undefined): RegExp | undefined {
  if (source === undefined) return undefined;
  try {
    return new RegExp(source, "u");
  } catch {
    return undefined;
  }
}

/**
 * JSON nested `depth` arrays deep, too deep for JSON.stringify (which recurses) to write: deeper
 * than a server's stack, which is the point. `toJsonText` writes it.
 */
export class DeepJson {
  readonly #depth: number;
  constructor(depth: number) {
    this.#depth = depth;
  }
  get text(): string {
    return `${"[".repeat(this.#depth)}0${"]".repeat(this.#depth)}`;
  }
}

const deepMark = "\u0001deep-json\u0001";

/** `value` as JSON text, DeepJson values written out in place. */
export function toJsonText(value: unknown): string | undefined {
  const deep: DeepJson[] = [];
  const text = JSON.stringify(value, (_key, inner: unknown) => {
    if (!(inner instanceof DeepJson)) return inner;
    deep.push(inner);
    return deepMark;
  }) as string | undefined;
  let index = 0;
  return text?.replaceAll(JSON.stringify(deepMark), () => deep[index++]?.text ?? "null");
}

/** Hostile values of each kind, as a client that does not follow the schema could send them. */
const hostile: Record<HostileKind, readonly unknown[]> = {
  nulByte: ["\u0000", "Sidoarjo\u0000", "a\u0000'; select 1; --"],
  loneSurrogate: ["\ud800", "x\udc00y", "\udfff\ud800"],
  longString: ["x".repeat(100_000), "ꦱ".repeat(20_000), " ".repeat(5_000)],
  deepNesting: [new DeepJson(100_000), new DeepJson(3_000), new DeepJson(200)],
  hugeNumber: [1e308, -1e308, 2 ** 53 + 2, -(2 ** 63), 1e-320, 2 ** 31, -1, 0, 1.5],
  wrongType: [
    null,
    true,
    0,
    "",
    "1",
    [],
    {},
    ["a", 1, null],
    JSON.parse('{"__proto__":{"polluted":true}}'),
    "2026-13-45",
    "null",
  ],
  hugeBody: ["x".repeat(12 * 1024 * 1024)],
};

/** One hostile value, each allowed kind as likely as another (wrong types always: no known finding holds them back). */
export function hostileArbitrary(kinds: readonly HostileKind[]): fc.Arbitrary<unknown> {
  const allowed = new Set<HostileKind>(["wrongType", ...kinds]);
  return fc.oneof(...[...allowed].map((kind) => fc.constantFrom(...hostile[kind])));
}

type Path = (string | number)[];

/** Every position in a JSON value (the root included) where a hostile value can go. */
function positions(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value))
    return [path, ...value.flatMap((item, index) => positions(item, [...path, index]))];
  if (typeof value === "object" && value !== null) {
    return [
      path,
      ...Object.entries(value).flatMap(([key, inner]) => positions(inner, [...path, key])),
    ];
  }
  return [path];
}

type Mutation = "replace" | "remove" | "extraKey";

/** `value` with one change at `path`: a hostile value put in, the field taken out, or an unknown key added. */
export function mutated(
  value: unknown,
  path: Path,
  mutation: Mutation,
  replacement: unknown,
): unknown {
  const [head, ...rest] = path;
  if (head === undefined) {
    if (
      mutation === "extraKey" &&
      typeof value === "object" &&
      value !== null &&
      !Array.isArray(value)
    ) {
      return { ...value, unexpected: replacement };
    }
    return replacement;
  }
  if (Array.isArray(value) && typeof head === "number") {
    if (rest.length === 0 && mutation === "remove")
      return value.filter((_, index) => index !== head);
    return value.map((item: unknown, index) =>
      index === head ? mutated(item, rest, mutation, replacement) : item,
    );
  }
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    if (rest.length === 0 && mutation === "remove")
      return Object.fromEntries(Object.entries(record).filter(([key]) => key !== head));
    return { ...record, [head]: mutated(record[head], rest, mutation, replacement) };
  }
  return value;
}

/** A valid value with exactly one position changed, so the rest still carries the request to the handler. */
export function mutatedArbitrary(
  valid: fc.Arbitrary<unknown>,
  hostileValue: fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown> {
  return valid.chain((value) => {
    const spots = positions(value);
    return fc
      .tuple(
        fc.integer({ min: 0, max: spots.length - 1 }),
        fc.constantFrom<Mutation>("replace", "replace", "replace", "remove", "extraKey"),
        hostileValue,
      )
      .map(([spot, mutation, replacement]) =>
        mutated(value, spots[spot] ?? [], mutation, replacement),
      );
  });
}
