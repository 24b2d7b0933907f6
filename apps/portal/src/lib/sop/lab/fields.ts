import type { ApiFailure } from "#lib/api/error.ts";
import type { PlainKey, Translator } from "#lib/i18n/index.ts";
import type { Finding } from "./types.ts";

// The API and the engine speak of fields by path, in English for developers; the forms show the
// portal's own sentence under the field the path names.

const scenarioKeys: Record<string, PlainKey> = {
  "incident.type": "sopLab.error.type",
  "incident.subtype": "sopLab.error.subtype",
  "incident.severity": "sopLab.error.severity",
  "incident.casualties": "sopLab.error.casualties",
  "incident.flags": "sopLab.error.flags",
  "incident.kecamatan": "sopLab.error.kecamatan",
  "incident.description": "sopLab.error.description",
  at: "sopLab.error.at",
};

/**
 * The form field of a path relative to a scenario or test case (`incident.flags.2`, `at`,
 * `expect.notify.0.ackWithinMinutes.atMost`); undefined when no field shows it.
 */
export function fieldOfPath(path: string): string | undefined {
  const parts = path.split(".");
  const [head, second, third, fourth] = parts;
  if (head === "name" || head === "at") return head;
  if (head === "incident") return second === undefined ? "incident.type" : `incident.${second}`;
  if (head !== "expect") return undefined;
  if (second === "priority") return "expect.priority";
  if ((second === "notify" || second === "notNotify") && third !== undefined) {
    return fourth === "ackWithinMinutes"
      ? `expect.${second}.${third}.minutes`
      : `expect.${second}.${third}`;
  }
  return "expect";
}

function messageKey(field: string, code: string): PlainKey {
  const scenario = scenarioKeys[field];
  if (scenario) return scenario;
  if (field === "name") return code === "CONFLICT" ? "sopLab.error.nameTaken" : "sopLab.error.name";
  if (field === "expect") return "sopLab.error.expect";
  if (field === "expect.priority") return "sopLab.error.priority";
  if (field.endsWith(".minutes")) return "sopLab.error.minutes";
  if (field.startsWith("expect.notNotify")) return "sopLab.error.notNotify";
  if (field.startsWith("expect.notify")) return "sopLab.error.notify";
  return "auth.field.invalid";
}

/**
 * Field → message for what the API refused. `inputKey` is where the form's value sits in the input
 * (`testCase` for `sop.testCases.create`, whose paths read `testCase.incident.casualties`).
 */
export function apiFieldMessages(
  i18n: Translator,
  failure: ApiFailure,
  inputKey?: string,
): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const path of Object.keys(failure.fields)) {
    const relative =
      inputKey === undefined
        ? path
        : path.startsWith(`${inputKey}.`)
          ? path.slice(inputKey.length + 1)
          : "";
    const field = fieldOfPath(relative);
    if (field) messages[field] ??= i18n.t(messageKey(field, failure.code));
  }
  return messages;
}

/** Field → message for the engine's findings about the simulated incident (`$.flags[1]`). */
export function incidentFieldMessages(
  i18n: Translator,
  findings: readonly Finding[],
): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const finding of findings) {
    if (finding.document !== "incident" || finding.level !== "error") continue;
    const path = finding.path.replace(/^\$\.?/, "").replace(/\[(\d+)\]/g, ".$1");
    const field = fieldOfPath(path === "" ? "incident" : `incident.${path}`);
    if (field) messages[field] ??= i18n.t(messageKey(field, "BAD_REQUEST"));
  }
  return messages;
}
