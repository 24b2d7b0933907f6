import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import type { ErrorBody } from "./errors.ts";

/**
 * The largest request body the platform reads, in the API and in the portal's proxy alike, so no
 * request can make a process hold more than this in memory. The largest legitimate bodies are an
 * SOP draft at its own 1 MiB cap (sop.saveDraft) and a 512 KiB logo, about 683 KiB as base64
 * (branding.update); both fit with room for the request's envelope.
 */
export const maxRequestBodyBytes = 2 * 1024 * 1024;

const message = `The request body is larger than the ${String(maxRequestBodyBytes / 1024 / 1024)} MiB the platform accepts`;

/**
 * The 413 answer in the shape the caller reads its other errors in: tRPC's for `/trpc` (its
 * client finds the code in `data.code`, for every call of a batch), the API's own elsewhere.
 */
export function payloadTooLargeBody(pathname: string, requestId: string) {
  if (pathname.startsWith("/trpc/")) {
    const data = { code: "PAYLOAD_TOO_LARGE", httpStatus: 413, path: null, requestId };
    return { error: { message, code: TRPC_ERROR_CODES_BY_KEY.PAYLOAD_TOO_LARGE, data } };
  }
  const body: ErrorBody = { error: { code: "PAYLOAD_TOO_LARGE", message, requestId } };
  return body;
}
