import type { AnyProcedure } from "@trpc/server";
import { z } from "zod";
import { appRouter } from "../../src/trpc/router.ts";
import type { ProcedureMeta } from "../../src/trpc/init.ts";

export interface ProcedureInfo {
  path: string;
  type: "query" | "mutation" | "subscription";
  meta: ProcedureMeta;
  /** The input parsers in the order the procedure chains them (the tenant's slug first, for tenant procedures). */
  inputs: z.ZodType[];
}

/** Every procedure of the app router, read from the router itself: nothing to keep in sync. */
export function allProcedures(): ProcedureInfo[] {
  // At run time tRPC keeps every procedure in one flat record keyed by dotted path; its type
  // describes the nested router instead, hence the cast.
  const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
  return Object.entries(procedures).map(([path, procedure]) => {
    const meta = procedure._def.meta as ProcedureMeta | undefined;
    if (!meta)
      throw new Error(
        `${path} has no access metadata: build it from a procedure type in trpc/init.ts`,
      );
    const type = procedure._def.type;
    const inputs = procedure._def.inputs.map((input, index) => {
      if (!(input instanceof z.ZodType))
        throw new Error(`${path}: input ${String(index)} is not a zod schema`);
      return input;
    });
    return { path, type, meta, inputs };
  });
}
