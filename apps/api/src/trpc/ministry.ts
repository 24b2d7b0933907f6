import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { can, type Action } from "@sigap/tenancy";
import { signedInProcedure } from "./init.ts";

/**
 * Field names that identify or locate a person (UU 27/2022). No ministry procedure may return a
 * field so named, at any depth: `ministryProcedure` refuses such an output schema when the router
 * is built, and tRPC's output parsing strips anything the schema does not declare.
 */
export const personalFieldNames = [
  "email",
  "name",
  "displayName",
  "fullName",
  "phone",
  "phoneNumber",
  "callerNumber",
  "caller",
  "address",
  "nik",
  "userId",
  "ip",
  "userAgent",
  "latitude",
  "longitude",
  "location",
] as const;

const personal = new Set<string>(personalFieldNames);

/** Every object key an output schema can produce, with its path. */
export function schemaKeys(schema: z.ZodType, path = "$"): string[] {
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, inner]) => [
      `${path}.${key}`,
      ...schemaKeys(inner, `${path}.${key}`),
    ]);
  }
  if (schema instanceof z.ZodArray) return schemaKeys(schema.element as z.ZodType, `${path}[]`);
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
    return schemaKeys(schema.unwrap() as z.ZodType, path);
  if (schema instanceof z.ZodRecord) return schemaKeys(schema.valueType as z.ZodType, `${path}.*`);
  return [];
}

export function personalFieldsIn(schema: z.ZodType): string[] {
  return schemaKeys(schema).filter((key) => personal.has(key.slice(key.lastIndexOf(".") + 1)));
}

/**
 * Ministry staff (and platform staff) whose role may perform `action`. The output schema is
 * mandatory and may hold aggregates only: a personal field name in it throws here, at start-up.
 */
export function ministryProcedure<Output extends z.ZodType>(action: Action, output: Output) {
  const offending = personalFieldsIn(output);
  if (offending.length > 0) {
    throw new Error(
      `ministry procedure for ${action} would expose personal data: ${offending.join(", ")}`,
    );
  }
  return signedInProcedure
    .meta({ access: "ministry", action })
    .output(output)
    .use(({ ctx, next }) => {
      const role = ctx.auth.user.platformRole;
      if (!role || !can(role, action))
        throw new TRPCError({ code: "FORBIDDEN", message: `Your role may not ${action}` });
      return next({ ctx: { platformRole: role } });
    });
}
