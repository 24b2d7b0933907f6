import type { ApiFailure } from "#lib/api/error.ts";
import type { Shown } from "#lib/forms/submission.svelte.ts";
import type { PlainKey, Translator } from "#lib/i18n/index.ts";
import { refusalMessage } from "#lib/api/failure.ts";

/** How one billing form words what the API refused. The API's own messages are English, for developers. */
export interface BillingWording {
  /** Field path → the sentence under that field. */
  fields: Partial<Record<string, PlainKey>>;
  /** Field path → the sentence when the API refused the value as a CONFLICT (a code in use, a reference recorded). */
  conflicts?: Partial<Record<string, PlainKey>>;
  /** The form's sentence when the API refused something it has no field for (an invoice voided meanwhile). */
  otherwise?: PlainKey | undefined;
}

/**
 * What a billing form shows for a failed call: each refused field in the portal's words under it,
 * and a sentence for the form when a refusal has no field of its own here, or no field at all.
 */
export async function billingRefusal(
  i18n: Translator,
  failure: ApiFailure,
  wording: BillingWording,
): Promise<Shown> {
  const fields: Record<string, string> = {};
  let unplaced = false;
  for (const path of Object.keys(failure.fields)) {
    const key =
      (failure.code === "CONFLICT" ? wording.conflicts?.[path] : undefined) ?? wording.fields[path];
    if (key) fields[path] = i18n.t(key);
    else unplaced = true;
  }
  if (!unplaced && Object.keys(fields).length > 0) return { fields };
  return {
    fields,
    form:
      unplaced && wording.otherwise
        ? i18n.t(wording.otherwise)
        : await refusalMessage(i18n, failure),
  };
}
