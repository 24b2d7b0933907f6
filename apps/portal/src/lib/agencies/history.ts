import { historyLabels, plainValue, type FieldChange } from "#lib/audit/change-history.ts";
import type { PlainKey, Translator } from "#lib/i18n/index.ts";
import { coverageSummary } from "./coverage.ts";
import { asHours, hoursSummary } from "./hours.ts";
import { formatPhone } from "./phone.ts";
import { contactKinds, typeName, type AgencyType, type ContactKind } from "./types.ts";

/** Operating hours read as one value, not window by window. */
export const agencyHistoryLeaves: ReadonlySet<string> = new Set(["operatingHours"]);

const actions: Record<string, PlainKey> = {
  "agencies.create": "agencies.action.create",
  "agencies.update": "agencies.action.update",
  "agencies.applyStandardSet": "agencies.action.applyStandardSet",
  "agencies.import": "agencies.action.import",
  "agencies.addContact": "agencies.action.addContact",
  "agencies.importContact": "agencies.action.importContact",
  "agencies.updateContact": "agencies.action.updateContact",
  "agencies.removeContact": "agencies.action.removeContact",
  "agencies.rotateSigningSecret": "agencies.action.rotateSigningSecret",
};

const fields: Record<string, PlainKey> = {
  agencyType: "agencies.form.type",
  name: "agencies.form.name",
  active: "agencies.form.active",
  coverageDistrictCodes: "agencies.form.coverage",
  operatingHours: "agencies.form.hours",
  kind: "agencies.contacts.kind",
  value: "agencies.contacts.valueColumn",
  label: "agencies.contacts.label",
};

function isKind(value: unknown): value is ContactKind {
  return (contactKinds as readonly unknown[]).includes(value);
}

/** A contact's row names its agency for the audit log's sake; on the agency's own page that is noise. */
export const agencyHistoryShown = (change: FieldChange) => change.path !== "agencyId";

/** How an agency's history names actions and fields and shows values, in the page's language. */
export function agencyHistoryView(i18n: Translator, catalogue: readonly AgencyType[]) {
  return {
    ...historyLabels(i18n, actions, fields),
    formatValue: (path: string, value: unknown): string => {
      if (path === "agencyType" && typeof value === "string") return typeName(catalogue, value);
      if (path === "coverageDistrictCodes" && (value === null || Array.isArray(value))) {
        return value && value.length > 0
          ? `${coverageSummary(i18n, value as string[])} (${(value as string[]).join(", ")})`
          : coverageSummary(i18n, null);
      }
      if (path === "operatingHours") {
        const hours = asHours(value);
        return hours ? hoursSummary(i18n, hours) : plainValue(i18n, value);
      }
      if (path === "kind" && isKind(value)) return i18n.t(`agencies.contactKind.${value}`);
      // Audit rows of contacts keep numbers in E.164; only those get grouped.
      if (path === "value" && typeof value === "string" && value.startsWith("+62"))
        return formatPhone(value);
      return plainValue(i18n, value);
    },
  };
}
