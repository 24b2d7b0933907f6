import { isTRPCClientError } from "@trpc/client";

/** What a page needs to know about a failed call, independent of the transport's error class. */
export interface ApiFailure {
  /** The API's closed error code, or SERVICE_UNAVAILABLE when it could not be reached at all. */
  code: string;
  /** Field path (`password`, `displayName`) → the API's message for it. */
  fields: Record<string, string>;
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
    return { code: "SERVICE_UNAVAILABLE", fields: {}, retryAfterSeconds: undefined };
  const data = (error.data ?? {}) as ErrorData;
  const fields: Record<string, string> = {};
  if (Array.isArray(data.issues)) {
    for (const issue of data.issues as { path?: unknown; message?: unknown }[]) {
      // The first problem per field is the one worth fixing first.
      if (typeof issue.path === "string" && typeof issue.message === "string")
        fields[issue.path] ??= issue.message;
    }
  }
  return {
    // A proxy 502 or a non-JSON answer has no tRPC code: from the person's side the service is down.
    code: typeof data.code === "string" ? data.code : "SERVICE_UNAVAILABLE",
    fields,
    retryAfterSeconds:
      typeof data.retryAfterSeconds === "number" ? data.retryAfterSeconds : undefined,
  };
}
