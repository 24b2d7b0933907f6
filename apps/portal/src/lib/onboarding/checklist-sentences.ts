import type { PlainKey, Translator } from "#lib/i18n/index.ts";
import type { ChecklistItem, ChecklistKey } from "./types.ts";

/** Each go-live item's name. */
export const checklistTitles: Record<ChecklistKey, PlainKey> = {
  branding: "onboarding.check.branding",
  trunk: "onboarding.check.trunk",
  agencies: "onboarding.check.agencies",
  operators: "onboarding.check.operators",
  supervisor: "onboarding.check.supervisor",
  sop: "onboarding.check.sop",
};

/**
 * What an item says of the region as it stands, met or not, in the reader's language: read from
 * the facts the API counted, so the sentence can never contradict the item's state. People invited
 * to a role are named apart, since they count only once they accept.
 */
export function checklistSentences(i18n: Translator, item: ChecklistItem): string[] {
  switch (item.key) {
    case "branding":
      return [
        item.ok
          ? i18n.t("onboarding.check.brandingDone")
          : i18n.t("onboarding.check.brandingMissing", {
              missing: item.missing
                .map((part) => i18n.t(`onboarding.check.part.${part}`))
                .join(", "),
            }),
      ];
    case "trunk":
      return [
        item.ok
          ? i18n.t("onboarding.check.trunkDone", { count: item.active })
          : i18n.t("onboarding.check.trunkMissing"),
      ];
    case "agencies":
      return [
        item.ok
          ? i18n.t("onboarding.check.agenciesDone", { count: item.required })
          : i18n.t("onboarding.check.agenciesMissing", {
              types: item.missing.map((type) => type.name).join(", "),
            }),
      ];
    case "operators":
    case "supervisor": {
      const role = i18n.t(item.key === "operators" ? "auth.role.operator" : "auth.role.supervisor");
      const counts = { count: item.active, role, needed: item.needed };
      return [
        item.ok
          ? i18n.t("onboarding.check.staffDone", counts)
          : i18n.t("onboarding.check.staffMissing", counts),
        ...(item.invited > 0
          ? [i18n.t("onboarding.check.staffInvited", { count: item.invited, role })]
          : []),
      ];
    }
    case "sop":
      if (item.publishedNumber !== null)
        return [i18n.t("onboarding.check.sopDone", { number: item.publishedNumber })];
      return [
        i18n.t(
          item.templateChosen
            ? "onboarding.check.sopUnpublished"
            : "onboarding.check.sopNoTemplate",
        ),
      ];
  }
}
