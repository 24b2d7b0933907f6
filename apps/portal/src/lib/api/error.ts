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
  /** Field path → what its reason's wording needs (a ratio, a limit), where the API gave any. */
  params: Record<string, IssueParams>;
  /** Set with TOO_MANY_REQUESTS. */
  retryAfterSeconds: number | undefined;
}

/** What the API says a reason's wording needs: named figures and words. */
export type IssueParams = Record<string, string | number>;

interface RawIssue {
  path?: unknown;
  message?: unknown;
  reason?: unknown;
  params?: unknown;
}

const isParams = (value: unknown): value is IssueParams =>
  typeof value === "object" &&
  value !== null &&
  Object.values(value).every((entry) => typeof entry === "string" || typeof entry === "number");

interface ErrorData {
  code?: unknown;
  issues?: unknown;
  retryAfterSeconds?: unknown;
}

export function apiFailure(error: unknown): ApiFailure {
  if (!isTRPCClientError(error))
    return {
      code: "SERVICE_UNAVAILABLE",
      fields: {},
      reasons: {},
      params: {},
      retryAfterSeconds: undefined,
    };
  const data = (error.data ?? {}) as ErrorData;
  const fields: Record<string, string> = {};
  const reasons: Record<string, IssueReason> = {};
  const params: Record<string, IssueParams> = {};
  if (Array.isArray(data.issues)) {
    for (const issue of data.issues as RawIssue[]) {
      // The first problem per field is the one worth fixing first.
      if (typeof issue.path !== "string" || typeof issue.message !== "string") continue;
      if (issue.path in fields) continue;
      fields[issue.path] = issue.message;
      reasons[issue.path] =
        typeof issue.reason === "string" ? (issue.reason as IssueReason) : "invalid";
      if (isParams(issue.params)) params[issue.path] = issue.params;
    }
  }
  return {
    // A proxy 502, a non-JSON answer or a code the API does not list (tRPC's own PARSE_ERROR, say)
    // means nothing the person can act on: from their side the service is down.
    code: isErrorCode(data.code) ? data.code : "SERVICE_UNAVAILABLE",
    fields,
    reasons,
    params,
    retryAfterSeconds:
      typeof data.retryAfterSeconds === "number" ? data.retryAfterSeconds : undefined,
  };
}

const isErrorCode = (value: unknown): value is ErrorCode =>
  (errorCodes as readonly unknown[]).includes(value);
