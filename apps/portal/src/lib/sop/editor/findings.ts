import type { Finding } from "@sigap/sop-engine";
import type { Translator } from "#lib/i18n/index.ts";

/**
 * Findings carry JSONPaths into the ruleset (`$.rules[3].then.agencies[0].agencyType`); the editor
 * gives each field the id its path maps to, so a finding can point at — and jump to — its field.
 */
export function fieldId(path: string): string {
  return `sop${path
    .slice(1)
    .replace(/\[(\d+)\]/g, "-$1")
    .replace(/\["([^"]*)"\]/g, "-$1")
    .replace(/\./g, "-")}`;
}

/** The id of the field at `segments` below the ruleset root. */
export function idAt(...segments: (string | number)[]): string {
  return ["sop", ...segments].join("-");
}

/** "2 errors" and "1 warning": what a validation summary counts, each in its plural form. */
export function findingCounts(
  i18n: Translator,
  findings: readonly Finding[],
): { errors: string; warnings: string } {
  const errors = findings.filter((finding) => finding.level === "error").length;
  return {
    errors: i18n.t("sop.editor.errorCount", { count: errors }),
    warnings: i18n.t("sop.editor.warningCount", { count: findings.length - errors }),
  };
}

/** Ruleset findings by exact path, for the messages under each field. */
export function findingsByPath(findings: readonly Finding[]): Map<string, Finding[]> {
  const byPath = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.document !== "ruleset") continue;
    byPath.set(finding.path, [...(byPath.get(finding.path) ?? []), finding]);
  }
  return byPath;
}

/** The rule a finding lies in, by position, so its card can be opened before jumping. */
export function ruleIndexOf(path: string): number | undefined {
  const match = /^\$\.rules\[(\d+)\]/.exec(path);
  return match ? Number(match[1]) : undefined;
}

/** Errors first, then by position in the document. */
export function sortedFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) =>
    a.level === b.level
      ? a.path.localeCompare(b.path, "en", { numeric: true })
      : a.level === "error"
        ? -1
        : 1,
  );
}

/** The element for `path`, or for the nearest enclosing part of the document that has one. */
export function elementFor(path: string): HTMLElement | null {
  let current = path;
  for (;;) {
    const element = document.getElementById(fieldId(current));
    if (element) return element;
    const shorter = current.replace(/(\[\d+\]|\["[^"]*"\]|\.[^.[]+)$/, "");
    if (shorter === current || shorter === "$") return null;
    current = shorter;
  }
}
