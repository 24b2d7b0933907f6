import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";

/** Every error the API can answer with. Clients branch on `code`, never on message text. */
export const errorCodes = [
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "TOO_MANY_REQUESTS",
  "INTERNAL_SERVER_ERROR",
  "SERVICE_UNAVAILABLE",
  // Telephony events refused (and kept for platform admins): see rest/v1/telephony-events.ts.
  "BAD_SIGNATURE",
  "STALE_TIMESTAMP",
  "TRUNK_DISABLED",
  "UNKNOWN_DID",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export function statusOf(code: ErrorCode): ContentfulStatusCode {
  switch (code) {
    case "BAD_REQUEST":
      return 400;
    case "UNAUTHORIZED":
      return 401;
    case "FORBIDDEN":
      return 403;
    case "NOT_FOUND":
      return 404;
    case "CONFLICT":
      return 409;
    case "PAYLOAD_TOO_LARGE":
      return 413;
    case "TOO_MANY_REQUESTS":
      return 429;
    case "INTERNAL_SERVER_ERROR":
      return 500;
    case "SERVICE_UNAVAILABLE":
      return 503;
    case "BAD_SIGNATURE":
    case "STALE_TIMESTAMP":
      return 401;
    case "TRUNK_DISABLED":
      return 403;
    case "UNKNOWN_DID":
      return 404;
  }
}

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `contacts.0.phone`. */
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; requestId: string; issues?: FieldIssue[] };
}

/** What a caller hears while Postgres is out of reach (see `isDatabaseUnavailable`). */
export const databaseUnavailableMessage =
  "The database cannot be reached for a moment; try again shortly";

/** A failure the API reports on purpose; anything else thrown becomes INTERNAL_SERVER_ERROR. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;

  constructor(code: ErrorCode, message: string, issues?: FieldIssue[]) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.issues = issues;
  }
}

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}
