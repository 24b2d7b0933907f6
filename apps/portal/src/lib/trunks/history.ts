import { formatPhone } from "#lib/agencies/phone.ts";
import { historyLabels, plainValue, type FieldChange } from "#lib/audit/change-history.ts";
import type { PlainKey, Translator } from "#lib/i18n/index.ts";
import { carriers, codecNames, codecs, statuses, type Codec } from "./types.ts";

const actions: Record<string, PlainKey> = {
  "trunks.create": "trunks.action.create",
  "trunks.update": "trunks.action.update",
  "trunks.setDids": "trunks.action.setDids",
  "trunks.remove": "trunks.action.remove",
  "trunks.rotateEventSecret": "trunks.action.rotateEventSecret",
  "trunks.retirePreviousEventSecret": "trunks.action.retirePreviousEventSecret",
};

const fields: Record<string, PlainKey> = {
  name: "trunks.form.name",
  carrier: "trunks.form.carrier",
  sipHost: "trunks.form.sipHost",
  sipPort: "trunks.form.sipPort",
  transport: "trunks.form.transport",
  maxChannels: "trunks.form.maxChannels",
  codecs: "trunks.form.codecs",
  status: "trunks.form.status",
  "auth.kind": "trunks.form.auth",
  "auth.username": "trunks.form.username",
  "auth.addresses": "trunks.form.addresses",
  "auth.replaced": "trunks.history.passwordReplaced",
  dids: "trunks.dids.title",
  previousStillValid: "trunks.history.previousStillValid",
};

function oneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return (list as readonly unknown[]).includes(value);
}

/** Every digest update records whether the password was replaced; only a replacement is news. */
export const trunkHistoryShown = (change: FieldChange) =>
  change.path !== "auth.replaced" || change.after === true;

/** How a trunk's history names actions and fields and shows values, in the page's language. */
export function trunkHistoryView(i18n: Translator) {
  return {
    ...historyLabels(i18n, actions, fields),
    formatValue: (path: string, value: unknown): string => {
      if (path === "carrier" && oneOf(carriers, value)) return i18n.t(`trunks.carrier.${value}`);
      if (path === "status" && oneOf(statuses, value)) return i18n.t(`trunks.status.${value}`);
      if (path === "auth.kind") {
        if (value === "digest") return i18n.t("trunks.auth.digest");
        if (value === "ip_allow_list") return i18n.t("trunks.auth.ipAllowList");
      }
      if (path === "transport" && typeof value === "string") return value.toUpperCase();
      if (path === "codecs" && Array.isArray(value)) {
        return value
          .map((codec) => (oneOf<Codec>(codecs, codec) ? codecNames[codec] : String(codec)))
          .join(", ");
      }
      if (path === "dids" && Array.isArray(value)) {
        return value.length === 0
          ? i18n.t("trunks.dids.none")
          : value
              .map((did) => (typeof did === "string" ? formatPhone(did) : String(did)))
              .join(", ");
      }
      return plainValue(i18n, value);
    },
  };
}
