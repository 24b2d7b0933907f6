import type { FieldIssue } from "../http/errors.ts";
import { findInJson, maxJsonDepth, tooDeep } from "./json-walk.ts";

/**
 * The refinement for a name: one line, no control characters (CR, LF, tab, NUL…). Names reach mail
 * subjects and headers, CSV exports and SBC configuration, where a line break starts something new.
 * Use as `.refine(...singleLine("name"))`; the message names `field`.
 */
export function singleLine(field: string) {
  return [
    (value: string) => !/\p{Cc}/u.test(value),
    { error: `${field} must be a single line of text` },
  ] as const;
}

/**
 * Whether a string is text every part of the platform can store and show. Postgres refuses NUL in
 * text and jsonb, and a lone UTF-16 surrogate has no UTF-8 form (encodeURIComponent throws, the
 * driver writes U+FFFD): both would fail deep inside a handler, or be stored mangled.
 */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && value.isWellFormed();
}

/**
 * What makes a request's input unacceptable before any schema looks at it, as a field issue: a
 * string that is not storable text, or nesting deeper than any real input. Checked once for every
 * procedure and route instead of field by field; the root of the input has the path "".
 */
export function unacceptableInputIssue(input: unknown): FieldIssue | undefined {
  const deep = tooDeep(input);
  if (deep) {
    // Named by its top-level field: the full path of the 33rd level says nothing more.
    const field = String(deep.path[0] ?? "input");
    return {
      path: deep.path.length > 0 ? field : "",
      message: `${field} is nested more than ${String(maxJsonDepth)} levels deep`,
      reason: "invalid",
    };
  }
  const found = findInJson(
    input,
    ({ value }) => typeof value === "string" && !isStorableText(value),
  );
  if (!found) return undefined;
  const path = found.path.join(".");
  const field = path === "" ? "input" : path;
  return {
    path,
    message: `${field} must not contain a NUL character or an unpaired UTF-16 surrogate`,
    reason: "invalid",
  };
}
