import type { Translator } from "#lib/i18n/index.ts";
import { formatDateTime } from "#lib/tenant/format.ts";
import { incidentName, targetKey, targetName, type TypeOption } from "./catalogue.ts";
import type { District, StoredTestCase, TenantAgency } from "./types.ts";

/** A test case's scenario in one line: what, how bad, where and when. */
export function scenarioSummary(
  i18n: Translator,
  testCase: StoredTestCase,
  context: { types: readonly TypeOption[]; districts: readonly District[]; timeZone: string },
): string {
  const { incident } = testCase;
  const district = context.districts.find((entry) => entry.code === incident.kecamatan);
  return [
    incident.types
      .map((kind) => incidentName(context.types, kind.subtype ?? kind.type))
      .join(" + "),
    incident.severity === undefined ? undefined : i18n.t(`sopLab.severity.${incident.severity}`),
    incident.casualties === undefined
      ? undefined
      : i18n.t("sopLab.summary.casualties", { count: incident.casualties }),
    ...(incident.flags ?? []).map((flag) => i18n.t(`sopLab.flag.${flag}`)),
    district?.name ?? incident.kecamatan,
    formatDateTime(i18n.locale, testCase.at, context.timeZone),
  ]
    .filter((part) => part !== undefined)
    .join(" · ");
}

function boundsText(
  i18n: Translator,
  { atLeast, atMost }: { atLeast?: number | undefined; atMost?: number | undefined },
): string | undefined {
  if (atLeast !== undefined && atMost !== undefined)
    return i18n.t("sopLab.summary.between", { min: atLeast, max: atMost });
  if (atLeast !== undefined) return i18n.t("sopLab.summary.atLeast", { minutes: atLeast });
  if (atMost !== undefined) return i18n.t("sopLab.summary.atMost", { minutes: atMost });
  return undefined;
}

/** What a test case expects of the plan, one line per kind of expectation. */
export function expectationSummary(
  i18n: Translator,
  testCase: StoredTestCase,
  agencies: readonly TenantAgency[],
): string[] {
  const { notify = [], notNotify = [], priority } = testCase.expect;
  const lines: string[] = [];
  if (notify.length > 0) {
    const named = notify.map((entry) => {
      const terms = [
        entry.role === undefined ? undefined : i18n.t(`sopLab.role.${entry.role}`),
        entry.ackWithinMinutes === undefined ? undefined : boundsText(i18n, entry.ackWithinMinutes),
      ].filter((term) => term !== undefined);
      const name = targetName(targetKey(entry), agencies);
      return terms.length === 0 ? name : `${name} (${terms.join(", ")})`;
    });
    lines.push(i18n.t("sopLab.summary.notify", { agencies: named.join("; ") }));
  }
  if (notNotify.length > 0) {
    lines.push(
      i18n.t("sopLab.summary.notNotify", {
        agencies: notNotify.map((entry) => targetName(targetKey(entry), agencies)).join("; "),
      }),
    );
  }
  if (priority !== undefined) lines.push(i18n.t("sopLab.summary.priority", { priority }));
  return lines;
}
