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
  /** For developers reading a response; clients word the problem from `reason` and `params`. */
  message: string;
  reason: IssueReason;
  /** What the reason needs to be worded: `minimum`/`maximum` (and `origin`: string, number, array…), `format`; see each own reason. */
  params?: Record<string, string | number>;
}

/**
 * Why the API refused a field, closed so that a client can word each one in its own language and
 * never reads `message`. Schema failures carry zod's issue code; a refusal only the server can
 * judge carries one of the API's own reasons (see `fieldError`).
 */
export const schemaReasons = [
  "invalid_type",
  "too_small",
  "too_big",
  "invalid_format",
  "invalid_value",
  "not_multiple_of",
  "unrecognized_keys",
  "invalid_union",
  "invalid_key",
  "invalid_element",
] as const;
export const ownReasons = [
  /** Missing where the rest of the input makes it necessary (a password for digest auth). */
  "required",
  /** The same value twice in one list. */
  "repeated",
  /** Already used in this region (a trunk's name, a number on another of its trunks). */
  "taken",
  /** Not available, without saying why (a number another region may hold). */
  "unavailable",
  /** White text on a colour is too faint; `params`: `ratio` (rounded down) and `minimum`. */
  "low_contrast",
  /** A file over the size limit; `params`: `kib` and `maximumKib`. */
  "file_too_large",
  /** An image over the pixel limit; `params`: `width`, `height` and `maximum` (per side). */
  "image_too_large",
  /**
   * A file whose content is not accepted; `params.problem` says why. A logo: `empty`,
   * `not_an_image`, `unreadable`, `svg_dtd`, `svg_empty`. A CSV import: `csv_unreadable`,
   * `csv_empty`, `csv_header` (`expected`, `missing`, `unknown` columns), `csv_no_rows`,
   * `csv_too_many_rows` (`rows`, `maximum`), `csv_rows` (`rows`: how many rows have problems).
   */
  "unsupported_file",
  /** Anything else the field's message explains. */
  "invalid",
] as const;
export type IssueReason = (typeof schemaReasons)[number] | (typeof ownReasons)[number];
export type OwnReason = (typeof ownReasons)[number];

const isOwnReason = (value: unknown): value is OwnReason =>
  (ownReasons as readonly unknown[]).includes(value);

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
  return error.issues.map((issue) => ({
    path: issue.path.join("."),
    message: issue.message,
    ...reasonOf(issue),
  }));
}

function reasonOf(issue: z.core.$ZodIssue): Pick<FieldIssue, "reason" | "params"> {
  switch (issue.code) {
    case "too_small":
      return {
        reason: issue.code,
        params: { minimum: Number(issue.minimum), origin: issue.origin },
      };
    case "too_big":
      return {
        reason: issue.code,
        params: { maximum: Number(issue.maximum), origin: issue.origin },
      };
    case "invalid_format":
      return { reason: issue.code, params: { format: issue.format } };
    case "custom": {
      // Our own refusals say why in `params.reason`, and what wording needs beside it (fieldError);
      // a bare refine is "invalid".
      const { reason, ...params } = (issue.params ?? {}) as Record<string, string | number>;
      if (!isOwnReason(reason)) return { reason: "invalid" };
      return Object.keys(params).length > 0 ? { reason, params } : { reason };
    }
    default:
      return { reason: issue.code };
  }
}
