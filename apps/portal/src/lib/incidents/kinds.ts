import type { ChoiceGroup } from "#lib/forms/choices.ts";
import type { Locale } from "#lib/i18n/index.ts";
import { incidentName, typeOptions, type TypeOption } from "#lib/sop/lab/catalogue.ts";

// Incidents carry SOP taxonomy codes (`fire.building`); people read and pick them by name.

const optionsByLocale = new Map<Locale, TypeOption[]>();

function options(locale: Locale): TypeOption[] {
  let found = optionsByLocale.get(locale);
  if (!found) {
    found = typeOptions(locale, []);
    optionsByLocale.set(locale, found);
  }
  return found;
}

/** An incident's kinds in words, the main one first: "Kebakaran bangunan + Kecelakaan lalu lintas". */
export function kindsInWords(locale: Locale, codes: readonly string[]): string {
  return codes.map((code) => incidentName(options(locale), code)).join(" + ");
}

/** Every national kind for a select: each type, then its subtypes, under the type's name. */
export function kindGroups(locale: Locale): ChoiceGroup[] {
  return options(locale).map((type) => ({
    label: type.name,
    choices: [
      { value: type.code, label: type.name },
      ...type.subtypes.map((subtype) => ({ value: subtype.code, label: subtype.name })),
    ],
  }));
}

/** The national main types alone (the board filters by main type). */
export function mainTypeChoices(locale: Locale): { value: string; label: string }[] {
  return options(locale).map((type) => ({ value: type.code, label: type.name }));
}
