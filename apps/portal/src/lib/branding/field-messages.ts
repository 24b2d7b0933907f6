import type { ApiFailure, IssueParams } from "#lib/api/error.ts";
import type { PlainKey, Translator } from "#lib/i18n/index.ts";

const byField: Record<string, PlainKey> = {
  displayName: "branding.error.displayName",
  primaryColor: "branding.error.primaryContrast",
  accentColor: "branding.error.accentContrast",
};

const logoProblems: Record<string, PlainKey> = {
  empty: "branding.error.logoUnsupported",
  not_an_image: "branding.error.logoUnsupported",
  unreadable: "branding.logo.unreadable",
  svg_dtd: "branding.error.logoSvgDtd",
  svg_empty: "branding.error.logoSvgEmpty",
};

const figure = (params: IssueParams | undefined, name: string) => Number(params?.[name] ?? 0);

/** Why the API refused a logo, worded from its reason and figures (the limits, the file's). */
function logoMessage(i18n: Translator, failure: ApiFailure): string {
  const params = failure.params.logoBase64;
  switch (failure.reasons.logoBase64) {
    case "file_too_large":
      return i18n.t("branding.logo.tooLarge", {
        size: i18n.number(figure(params, "kib")),
        limit: i18n.number(figure(params, "maximumKib")),
      });
    case "image_too_large":
      return i18n.t("branding.error.logoDimensions", {
        width: i18n.number(figure(params, "width")),
        height: i18n.number(figure(params, "height")),
        side: i18n.number(figure(params, "maximum")),
      });
    default:
      return i18n.t(logoProblems[String(params?.problem)] ?? "branding.error.logo");
  }
}

/**
 * The portal's sentence under each field the API refused. Colours reach the API only once their
 * format is right (checked first in the browser), so a refused colour is a contrast refusal, whose
 * measured ratio the field already shows as it is typed.
 */
export function brandingFieldMessages(
  i18n: Translator,
  failure: ApiFailure,
): Record<string, string> {
  return Object.fromEntries(
    Object.keys(failure.fields).map((path) => [
      path,
      path === "logoBase64"
        ? logoMessage(i18n, failure)
        : i18n.t(byField[path] ?? "auth.field.invalid"),
    ]),
  );
}
