import type { FieldIssue } from "../http/errors.ts";
import { findInJson } from "./json-walk.ts";

/**
 * Whether a string is text every part of the platform can store and show. Postgres refuses NUL in
 * text and jsonb, and a lone UTF-16 surrogate has no UTF-8 form (encodeURIComponent throws, the
 * driver writes U+FFFD): both would fail deep inside a handler, or be stored mangled.
 */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && value.isWellFormed();
}

/**
 * The first string in a request's input that is not storable text, as a field issue, checked once
 * for every procedure and route instead of field by field; the root of the input has the path "".
 */
export function unstorableTextIssue(input: unknown): FieldIssue | undefined {
  const found = findInJson(input, ({ value }) => typeof value === "string" && !isStorableText(value));
  if (!found) return undefined;
  const path = found.path.join(".");
  const field = path === "" ? "input" : path;
  return { path, message: `${field} must not contain a NUL character or an unpaired UTF-16 surrogate` };
}
