import type { ApiFailure } from "#lib/api/error.ts";
import type { Shown } from "#lib/forms/submission.svelte.ts";
import type { Translator } from "#lib/i18n/index.ts";
import { failureMessage } from "#lib/api/failure.ts";

/**
 * How the create-tenant form reads a refusal. The API names the field; CONFLICT on regionCode or
 * slug means "already taken", any other issue on them means "not valid".
 */
export function createFailure(i18n: Translator, failure: ApiFailure): Shown {
  const conflict = failure.code === "CONFLICT";
  const fields: Record<string, string> = {};
  for (const path of Object.keys(failure.fields)) {
    if (path === "regionCode")
      fields.regionCode = i18n.t(
        conflict ? "platform.create.regionConflict" : "platform.create.regionInvalid",
      );
    else if (path === "slug")
      fields.slug = i18n.t(
        conflict ? "platform.create.slugConflict" : "platform.create.slugInvalid",
      );
    else if (path === "adminEmail") fields.adminEmail = i18n.t("auth.field.emailInvalid");
    else if (path === "adminName") fields.adminName = i18n.t("platform.create.adminNameInvalid");
  }
  const hasFields = Object.keys(fields).length > 0;
  return { fields, form: hasFields ? undefined : failureMessage(i18n, failure) };
}
