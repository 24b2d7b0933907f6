import { initTRPC } from "@trpc/server";
import { ZodError } from "zod";
import type { Database } from "@sigap/db/client";
import { fieldIssues } from "../http/errors.ts";
import type { Logger } from "../logger.ts";

/** Built per request by the `/trpc` handler. */
export interface TrpcContext {
  db: Database;
  log: Logger;
  requestId: string;
}

const t = initTRPC.context<TrpcContext>().create({
  // Never send stack traces; add the request id and, for bad input, the offending fields.
  isDev: false,
  errorFormatter({ shape, error, ctx }) {
    const issues = error.cause instanceof ZodError ? fieldIssues(error.cause) : undefined;
    return {
      // An unexpected failure's own message may hold internals (SQL, hosts); it stays in the log.
      message: shape.data.code === "INTERNAL_SERVER_ERROR" ? "Internal error" : shape.message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        requestId: ctx?.requestId,
        issues,
      },
    };
  },
});

export const createRouter = t.router;

/**
 * Anyone, signed in or not. Only for data that is public by nature, such as the national
 * adoption figures (counts, never personal data).
 */
export const publicProcedure = t.procedure;
