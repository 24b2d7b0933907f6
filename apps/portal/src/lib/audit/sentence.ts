import { auditActions, type AuditAction } from "@sigap/api/audit-actions";
import type { PlainKey, Translator } from "#lib/i18n/index.ts";

const known: ReadonlySet<string> = new Set(auditActions);

function isKnown(action: string): action is AuditAction {
  return known.has(action);
}

/** Every action the API records has its sentence: a new one without wording fails to compile here. */
function sentenceKey(action: AuditAction): PlainKey {
  return `audit.action.${action}`;
}

/**
 * What an audit row's actor did, as a sentence with the actor as its subject ("Mengubah peran
 * pengguna"); the target's name follows it where the row has one. A row written under an action
 * since retired reads as its code.
 */
export function auditSentence(i18n: Translator, action: string): string {
  return isKnown(action) ? i18n.t(sentenceKey(action)) : i18n.t("audit.action.unknown", { action });
}

/**
 * The action filter's choices, by sentence in the reader's language; a value it does not list
 * (an old link's prefix, `users.`) stays choosable, read as its code.
 */
export function actionChoices(
  i18n: Translator,
  current: string | undefined,
): { value: string; label: string }[] {
  const values: string[] =
    current && !isKnown(current) ? [current, ...auditActions] : [...auditActions];
  return values
    .map((value) => ({ value, label: auditSentence(i18n, value) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.locale));
}
