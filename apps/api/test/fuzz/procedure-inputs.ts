import fc from "fast-check";
import { z } from "zod";
import type { ProcedureInfo } from "../security/procedures.ts";
import { validArbitrary, type JsonSchema, type KnownValues } from "./json-schema-arbitrary.ts";

/** A zod schema as the JSON Schema of what a client sends (before transforms and defaults). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Valid inputs for a procedure: one value per chained input parser, merged as tRPC merges them
 * (each parser reads the same object). A procedure without input gets `undefined`.
 */
export function validInput(
  procedure: Pick<ProcedureInfo, "inputs">,
  known: KnownValues,
): fc.Arbitrary<unknown> {
  if (procedure.inputs.length === 0) return fc.constant(undefined);
  const parts = procedure.inputs.map((input) => validArbitrary(jsonSchemaOf(input), known));
  return fc
    .tuple(...parts)
    .map((values) =>
      values.every(isRecord)
        ? (Object.assign({}, ...values) as Record<string, unknown>)
        : values.at(-1),
    );
}
