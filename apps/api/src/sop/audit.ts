import { createHash } from "node:crypto";

/** A ruleset as the audit log keeps it: its name, size and fingerprint, never the whole document. */
export function rulesetSummary(ruleset: unknown) {
  const record = isRecord(ruleset) ? ruleset : {};
  return {
    name: typeof record.name === "string" ? record.name : null,
    rules: Array.isArray(record.rules) ? record.rules.length : 0,
    sha256: createHash("sha256").update(JSON.stringify(ruleset)).digest("hex"),
  };
}

/** Which rules an edit added, removed or changed, by rule id: what a reviewer of the audit log asks. */
export function ruleChanges(before: unknown, after: unknown) {
  const rulesBefore = rulesById(before);
  const rulesAfter = rulesById(after);
  const ids = [...new Set([...rulesBefore.keys(), ...rulesAfter.keys()])].sort();
  return {
    added: ids.filter((id) => !rulesBefore.has(id)),
    removed: ids.filter((id) => !rulesAfter.has(id)),
    changed: ids.filter(
      (id) =>
        rulesBefore.has(id) && rulesAfter.has(id) && rulesBefore.get(id) !== rulesAfter.get(id),
    ),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Each rule's JSON text by its id; rules without a usable id are keyed by position. */
function rulesById(ruleset: unknown): Map<string, string> {
  const rules = isRecord(ruleset) && Array.isArray(ruleset.rules) ? ruleset.rules : [];
  return new Map(
    rules.map((rule: unknown, index) => [
      isRecord(rule) && typeof rule.id === "string" ? rule.id : `#${String(index)}`,
      JSON.stringify(rule),
    ]),
  );
}
