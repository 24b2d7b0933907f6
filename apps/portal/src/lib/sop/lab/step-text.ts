import type { Translator } from "#lib/i18n/index.ts";
import { officialName, targetKey, targetName } from "./catalogue.ts";
import type { Plan, TenantAgency } from "./types.ts";

type Step = Plan["escalation"][number]["step"];

/** An escalation step as the supervisor would say it: when, waiting on whom, and what happens. */
export function stepText(i18n: Translator, step: Step, agencies: readonly TenantAgency[]): string {
  const minutes = step.afterMinutes;
  const target = step.for
    ? targetName(targetKey(step.for), agencies)
    : i18n.t("sopLab.step.anyAgency");
  switch (step.action) {
    case "renotify":
    case "notify_supervisor":
      return i18n.t(`sopLab.step.${step.action}`, { minutes, target });
    case "notify_backup_agency":
      return i18n.t("sopLab.step.notify_backup_agency", {
        minutes,
        target,
        backup: targetName(targetKey(step.backup), agencies),
      });
    case "notify_officials":
      return i18n.t("sopLab.step.notify_officials", {
        minutes,
        target,
        officials: step.officials.map(officialName).join(", "),
      });
  }
}
