import type { ApiFailure } from "#lib/api/error.ts";
import type { PlainKey, Translator } from "#lib/i18n/index.ts";
import type { FactProblem } from "./facts.svelte.ts";

// The API names refused fields by path, in English for developers; the forms show the portal's own
// sentence under the field the path names.

const factKeys: Record<string, PlainKey> = {
  origin: "incidents.error.origin",
  types: "incidents.error.types",
  severity: "incidents.error.severity",
  casualties: "incidents.error.casualties",
  flags: "incidents.error.flags",
  description: "incidents.error.description",
  "location.kecamatanCode": "incidents.error.kecamatan",
  villageCode: "incidents.error.village",
  "location.address": "incidents.error.address",
  "location.latitude": "incidents.error.latitude",
  "location.longitude": "incidents.error.longitude",
};

/** The facts form's field for an API path: `types.2` is the kinds, the location as a whole is the address's. */
function factField(path: string): string {
  if (path.startsWith("types")) return "types";
  if (path.startsWith("flags")) return "flags";
  return path === "location" ? "location.address" : path;
}

/** Field → message for the facts the API refused (`incidents.create`, `incidents.updateFacts`). */
export function factFieldMessages(
  i18n: Translator,
  fields: ApiFailure["fields"],
): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const path of Object.keys(fields)) {
    const field = factField(path);
    messages[field] ??= i18n.t(factKeys[field] ?? "auth.field.invalid");
  }
  return messages;
}

/** The messages for what the facts form found itself before sending. */
export function factProblemMessages(
  i18n: Translator,
  problems: readonly FactProblem[],
): Record<string, string> {
  return Object.fromEntries(
    problems.map((field) => [field, i18n.t(factKeys[field] ?? "auth.field.invalid")]),
  );
}
