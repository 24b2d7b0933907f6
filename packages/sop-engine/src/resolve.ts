import { z } from "zod";
import { deepFreeze } from "./compile.ts";
import { schemaFindings, type Finding } from "./findings.ts";
import { compareStrings, type PlannedAgency } from "./merge.ts";
import { validationContextSchema, type RegionAgency } from "./schema/context.ts";
import type { Fallback } from "./schema/ruleset.ts";

/** What a plan line comes to in the region, for the incident's kecamatan. */
export type Resolution =
  /** The region's active agencies that serve the line, most specific coverage first. */
  | { readonly kind: "agencies"; readonly agencies: readonly ResolvedAgency[] }
  /** None serves it; the earliest rule that names a fallback says who is called instead. */
  | { readonly kind: "fallback"; readonly fallback: Fallback; readonly ruleId: string }
  /** None serves it and no rule names a fallback: the operator must find help by hand. */
  | { readonly kind: "unserved" };

export interface ResolvedAgency {
  readonly id: string;
  readonly name?: string;
}

/**
 * Turns a plan line (an agency type, or one agency) into the region's agencies. An agency serves
 * it when it is active, is that agency or of that type, and covers the incident's kecamatan. One
 * that lists the kecamatan is preferred to one that covers the whole region (a local post before
 * the regency's central unit). With the kecamatan unknown, every active agency of the line serves.
 */
export function resolveAgency(
  planned: PlannedAgency,
  region: readonly RegionAgency[],
  kecamatan: string | undefined,
): Resolution {
  const { target } = planned;
  const active = region.filter(
    (agency) =>
      agency.active !== false &&
      ("agencyId" in target ? agency.id === target.agencyId : agency.type === target.agencyType),
  );
  const listing = active.filter(
    (agency) => kecamatan !== undefined && agency.kecamatan?.includes(kecamatan),
  );
  const wholeRegion = active.filter(
    (agency) => kecamatan === undefined || agency.kecamatan === undefined,
  );
  const serving = listing.length > 0 ? listing : wholeRegion;
  if (serving.length > 0) {
    return {
      kind: "agencies",
      agencies: serving
        .map(({ id, name }) => (name === undefined ? { id } : { id, name }))
        .sort((a, b) => compareStrings(a.name ?? "", b.name ?? "") || compareStrings(a.id, b.id)),
    };
  }
  // Contributions are in ruleset order: the earliest rule's fallback is the one taken.
  const named = planned.from.find((contribution) => contribution.fallback !== undefined);
  return named?.fallback
    ? { kind: "fallback", fallback: named.fallback, ruleId: named.ruleId }
    : { kind: "unserved" };
}

const agenciesOption = z.object({ agencies: validationContextSchema.shape.agencies.unwrap() });

// Only lists made here are trusted as checked; a list shaped like one is checked again.
const preparedAgencies = new WeakSet<object>();

/**
 * Checks the region's agencies once for many evaluations (a dispatch service, a run of test
 * cases): the frozen list returned is used by `evaluate` as it is, where an unchecked one costs a
 * check on every call. Never throws: a bad list yields findings naming the field (`$.agencies…`).
 */
export function prepareAgencies(
  input: unknown,
):
  | { readonly ok: true; readonly agencies: readonly RegionAgency[] }
  | { readonly ok: false; readonly findings: readonly Finding[] } {
  if (typeof input === "object" && input !== null && preparedAgencies.has(input)) {
    return { ok: true, agencies: input as readonly RegionAgency[] };
  }
  const parsed = agenciesOption.safeParse({ agencies: input });
  if (!parsed.success) return { ok: false, findings: schemaFindings(parsed.error, "options") };
  const agencies = deepFreeze(parsed.data.agencies);
  preparedAgencies.add(agencies);
  return { ok: true, agencies };
}
