import type { TenantTx } from "@sigap/db/client";
import { findCurrentSopVersion, findSopDraft, type ChecklistFacts } from "@sigap/db/queries";
import { agencyTypes, nationalTemplate } from "@sigap/sop-engine";
import { primaryAgencyTypes } from "../sop/required-agencies.ts";

const agencyTypeNames = new Map<string, string>(agencyTypes.map((type) => [type.code, type.name]));

/**
 * One go-live condition: whether it holds, the API's reading in English (`detail`), and the facts
 * behind it, from which the portal says the same in the reader's language.
 */
export type ChecklistItem = { ok: boolean; detail: string } & (
  | { key: "branding"; missing: ("name" | "colours" | "logo")[] }
  | { key: "trunk"; active: number; needed: number }
  | { key: "agencies"; required: number; missing: { code: string; name: string }[] }
  | { key: "operators" | "supervisor"; active: number; invited: number; needed: number }
  | { key: "sop"; publishedNumber: number | null; templateChosen: boolean }
);

/** People in a role: those active, and those invited who have not accepted yet (they do not count). */
function staffItem(
  key: "operators" | "supervisor",
  noun: string,
  active: number,
  invited: number,
  needed: number,
): ChecklistItem {
  const pending = invited > 0 ? `, ${String(invited)} invited and not yet accepted` : "";
  return {
    key,
    ok: active >= needed,
    active,
    invited,
    needed,
    detail: `${String(active)} active ${noun}(s)${pending}; at least ${String(needed)} active needed`,
  };
}

/** The SOP a region would go live with: the published version in force, else the draft being prepared. */
export interface SopFacts {
  publishedNumber: number | null;
  ruleset: unknown;
}

export async function getSopFacts(tx: TenantTx): Promise<SopFacts> {
  const [current, draft] = await Promise.all([findCurrentSopVersion(tx), findSopDraft(tx)]);
  return {
    publishedNumber: current?.number ?? null,
    ruleset: current?.ruleset ?? draft?.ruleset ?? nationalTemplate,
  };
}

/**
 * The go-live checklist, computed from the tenant's data; each item says what is missing. The
 * agencies needed are those the region's own SOP dispatches as primary.
 */
export function checklist(facts: ChecklistFacts, sop: SopFacts): ChecklistItem[] {
  const required = primaryAgencyTypes(sop.ruleset);
  const missingTypes = required.filter((type) => !facts.reachableAgencyTypes.includes(type));
  const brandingMissing = [
    ...(facts.displayName.trim().length > 0 ? [] : ["name" as const]),
    ...(facts.brandingSaved ? [] : ["colours" as const]),
    ...(facts.hasLogo ? [] : ["logo" as const]),
  ];
  return [
    {
      key: "branding",
      ok: brandingMissing.length === 0,
      missing: brandingMissing,
      detail:
        brandingMissing.length === 0
          ? `Name, colours and logo set (${facts.displayName})`
          : `Missing: ${brandingMissing.join(", ")}`,
    },
    {
      key: "trunk",
      ok: facts.activeTrunks >= 1,
      active: facts.activeTrunks,
      needed: 1,
      detail: `${String(facts.activeTrunks)} active phone trunk(s); at least 1 needed`,
    },
    {
      key: "agencies",
      ok: missingTypes.length === 0,
      required: required.length,
      missing: missingTypes.map((code) => ({ code, name: agencyTypeNames.get(code) ?? code })),
      detail:
        missingTypes.length === 0
          ? `An active agency with a contact for each of the ${String(required.length)} types the SOP dispatches`
          : `No active agency with a contact for: ${missingTypes.map((type) => `${type} (${agencyTypeNames.get(type) ?? type})`).join(", ")}`,
    },
    staffItem("operators", "operator", facts.activeOperators, facts.invitedOperators, 2),
    staffItem("supervisor", "supervisor", facts.activeSupervisors, facts.invitedSupervisors, 1),
    {
      key: "sop",
      ok: sop.publishedNumber !== null,
      publishedNumber: sop.publishedNumber,
      templateChosen: facts.sopTemplate !== null,
      detail:
        sop.publishedNumber !== null
          ? `SOP version ${String(sop.publishedNumber)} published`
          : facts.sopTemplate === null
            ? "No SOP template chosen"
            : `SOP template ${facts.sopTemplate} chosen; publish a first version`,
    },
  ];
}
