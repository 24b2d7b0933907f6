import { isTRPCClientError } from "@trpc/client";
import { errorCodes, type ErrorCode, type IssueReason } from "@sigap/api/errors";

/** What a page needs to know about a failed call, independent of the transport's error class. */
export interface ApiFailure {
  /** The API's closed error code, or SERVICE_UNAVAILABLE when it could not be reached at all. */
  code: ErrorCode;
  /** Field path (`password`, `displayName`) → the API's message for it (English, for logs). */
  fields: Record<string, string>;
  /** Field path → why the API refused it: what the portal words the problem from. */
  reasons: Record<string, IssueReason>;
  /** Set with TOO_MANY_REQUESTS. */
  retryAfterSeconds: number | undefined;
}

interface ErrorData {
  code?: unknown;
  issues?: unknown;
  retryAfterSeconds?: unknown;
}

export function apiFailure(error: unknown): ApiFailure {
  if (!isTRPCClientError(error))
    return { code: "SERVICE_UNAVAILABLE", fields: {}, reasons: {}, retryAfterSeconds: undefined };
  const data = (error.data ?? {}) as ErrorData;
  const fields: Record<string, string> = {};
  const reasons: Record<string, IssueReason> = {};
  if (Array.isArray(data.issues)) {
    for (const issue of data.issues as { path?: unknown; message?: unknown; reason?: unknown }[]) {
      // The first problem per field is the one worth fixing first.
      if (typeof issue.path !== "string" || typeof issue.message !== "string") continue;
      fields[issue.path] ??= issue.message;
      reasons[issue.path] ??=
        typeof issue.reason === "string" ? (issue.reason as IssueReason) : "invalid";
    }
  }
  return {
    // A proxy 502, a non-JSON answer or a code the API does not list (tRPC's own PARSE_ERROR, say)
    // means nothing the person can act on: from their side the service is down.
    code: isErrorCode(data.code) ? data.code : "SERVICE_UNAVAILABLE",
    fields,
    reasons,
    retryAfterSeconds:
      typeof data.retryAfterSeconds === "number" ? data.retryAfterSeconds : undefined,
  };
}

const isErrorCode = (value: unknown): value is ErrorCode =>
  (errorCodes as readonly unknown[]).includes(value);
