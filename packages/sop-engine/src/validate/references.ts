import { agencyTypes, isKnownAgencyType } from "../catalogue/agency-types.ts";
import { isKnownOfficialRole } from "../catalogue/officials.ts";
import { isNationalSubtype, typeOfSubtype } from "../catalogue/taxonomy.ts";
import { formatPath, type Finding, type PathSegment } from "../findings.ts";
import type { Rule } from "../schema/ruleset.ts";
import { closestCode } from "../suggest.ts";
import { rulesetFinding, type Check } from "./check.ts";
import { edgesOnCycles } from "./graph.ts";
import { targetsOf } from "./targets.ts";

export const checkRuleIds: Check = ({ compiled }) => {
  const findings: Finding[] = [];
  const firstIndex = new Map<string, number>();
  compiled.ruleset.rules.forEach((rule, index) => {
    const first = firstIndex.get(rule.id);
    if (first === undefined) firstIndex.set(rule.id, index);
    else {
      findings.push(
        rulesetFinding(
          "error",
          "duplicate_rule_id",
          ["rules", index, "id"],
          `Rule id "${rule.id}" is already used by rule ${first}.`,
          { ruleId: rule.id, firstIndex: first },
          rule.id,
        ),
      );
    }
  });
  return findings;
};

export const checkLocalSubtypes: Check = ({ compiled }) => {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  compiled.ruleset.localSubtypes?.forEach((local, index) => {
    const path = ["localSubtypes", index, "code"];
    const type = typeOfSubtype(local.code);
    if (!compiled.taxonomy.hasType(type)) {
      findings.push(
        rulesetFinding(
          "error",
          "invalid_local_subtype",
          path,
          `"${type}" is not a national incident type.`,
          { reason: "not_a_type", type },
        ),
      );
    } else if (isNationalSubtype(local.code)) {
      findings.push(
        rulesetFinding(
          "error",
          "invalid_local_subtype",
          path,
          `"${local.code}" is already a national subtype.`,
          { reason: "national_subtype", subtype: local.code },
        ),
      );
    } else if (seen.has(local.code)) {
      findings.push(
        rulesetFinding(
          "error",
          "invalid_local_subtype",
          path,
          `"${local.code}" is declared twice.`,
          { reason: "declared_twice", subtype: local.code },
        ),
      );
    }
    seen.add(local.code);
  });
  return findings;
};

/** Type patterns in `when.types` and in advice `forTypes`, with the path of each. */
function typePatternsOf(rule: Rule): { pattern: string; path: PathSegment[] }[] {
  const patterns: { pattern: string; path: PathSegment[] }[] = [];
  rule.when.types?.forEach((pattern, patternIndex) =>
    patterns.push({ pattern, path: ["when", "types", patternIndex] }),
  );
  rule.then.advice?.forEach((item, itemIndex) =>
    item.forTypes?.forEach((pattern, patternIndex) =>
      patterns.push({ pattern, path: ["then", "advice", itemIndex, "forTypes", patternIndex] }),
    ),
  );
  return patterns;
}

export const checkIncidentPatterns: Check = ({ compiled }) => {
  const { taxonomy } = compiled;
  const findings: Finding[] = [];
  compiled.ruleset.rules.forEach((rule, index) => {
    typePatternsOf(rule).forEach(({ pattern, path: fromRule }) => {
      const type = typeOfSubtype(pattern);
      const path = ["rules", index, ...fromRule];
      if (!taxonomy.hasType(type)) {
        findings.push(
          rulesetFinding(
            "error",
            "unknown_incident_type",
            path,
            `"${type}" is not a national incident type.`,
            { reason: "not_a_type", type },
            rule.id,
          ),
        );
      } else if (!pattern.endsWith(".*") && !taxonomy.hasSubtype(pattern)) {
        findings.push(
          rulesetFinding(
            "error",
            "unknown_incident_type",
            path,
            `"${pattern}" is neither a national nor a local subtype.`,
            { reason: "not_a_subtype", pattern },
            rule.id,
          ),
        );
      }
    });
  });
  return findings;
};

const agencyTypeCodes = agencyTypes.map((type) => type.code);

/** Why a code is not an agency type, with the one it most likely meant (`damkr`: `damkar`). */
function notAnAgencyType(code: string): {
  message: string;
  params: { agencyType: string; suggestion?: string };
} {
  const meant = closestCode(code, agencyTypeCodes);
  return meant === undefined
    ? { message: `"${code}" is not a national agency type.`, params: { agencyType: code } }
    : {
        message: `"${code}" is not a national agency type; did you mean "${meant}"?`,
        params: { agencyType: code, suggestion: meant },
      };
}

/**
 * Agency types and ids the rules name must exist. Whether the region has an agency of each type is
 * the coverage check's question (coverage.ts), answered once per agency rather than per rule.
 */
export const checkAgencies: Check = ({ compiled, context }) => {
  const tenantAgencies = context.agencies;
  const agencyIds = new Set(tenantAgencies?.map((agency) => agency.id));
  const findings: Finding[] = [];
  const checkId = (agencyId: string, path: PathSegment[], ruleId: string) => {
    if (tenantAgencies === undefined || agencyIds.has(agencyId)) return;
    findings.push(
      rulesetFinding(
        "error",
        "unknown_agency",
        path,
        `No agency "${agencyId}" in this region.`,
        { agencyId },
        ruleId,
      ),
    );
  };
  compiled.ruleset.rules.forEach((rule, index) => {
    for (const { target, path } of targetsOf(rule)) {
      if (!("agencyType" in target)) {
        checkId(target.agencyId, ["rules", index, ...path, "agencyId"], rule.id);
      } else if (!isKnownAgencyType(target.agencyType)) {
        const { message, params } = notAnAgencyType(target.agencyType);
        findings.push(
          rulesetFinding(
            "error",
            "unknown_agency_type",
            ["rules", index, ...path, "agencyType"],
            message,
            { reason: "in_rule", ...params },
            rule.id,
          ),
        );
      }
    }
    rule.then.agencies?.forEach((action, agencyIndex) => {
      const fallbackId = action.fallback?.agencyId;
      if (fallbackId === undefined) return;
      const path = ["rules", index, "then", "agencies", agencyIndex, "fallback", "agencyId"];
      checkId(fallbackId, path, rule.id);
    });
  });
  return findings;
};

/**
 * An agency whose type is not in the national catalogue (a typo such as `damkr`) would never be
 * sent for its type, and the agency type it was meant to be would look missing.
 */
export const checkContextAgencyTypes: Check = ({ context }) =>
  (context.agencies ?? []).flatMap((agency, index): Finding[] => {
    if (isKnownAgencyType(agency.type)) return [];
    const { message, params } = notAnAgencyType(agency.type);
    return [
      {
        level: "error",
        code: "unknown_agency_type",
        document: "context",
        path: formatPath(["agencies", index, "type"]),
        message: `${message} Agency "${agency.id}" is never sent by type.`,
        params: { reason: "of_region_agency", ...params, agencyId: agency.id },
      },
    ];
  });

export const checkOfficials: Check = ({ compiled, context }) => {
  const contacts = context.officials === undefined ? undefined : new Set(context.officials);
  const findings: Finding[] = [];
  compiled.ruleset.rules.forEach((rule, index) => {
    rule.then.escalation?.forEach((step, stepIndex) => {
      if (step.action !== "notify_officials") return;
      step.officials.forEach((official, officialIndex) => {
        const path = ["rules", index, "then", "escalation", stepIndex, "officials", officialIndex];
        if (!isKnownOfficialRole(official)) {
          findings.push(
            rulesetFinding(
              "error",
              "unknown_official",
              path,
              `"${official}" is not a known official role.`,
              { reason: "unknown_role", official },
              rule.id,
            ),
          );
        } else if (contacts !== undefined && !contacts.has(official)) {
          findings.push(
            rulesetFinding(
              "warning",
              "unknown_official",
              path,
              `No contact is registered for "${official}".`,
              { reason: "no_contact", official },
              rule.id,
            ),
          );
        }
      });
    });
  });
  return findings;
};

export const checkKecamatan: Check = ({ compiled, context }) => {
  if (context.kecamatanCodes === undefined) return [];
  const known = new Set(context.kecamatanCodes);
  const findings: Finding[] = [];
  compiled.ruleset.rules.forEach((rule, index) => {
    for (const part of ["in", "notIn"] as const) {
      rule.when.kecamatan?.[part]?.forEach((code, codeIndex) => {
        if (!known.has(code)) {
          findings.push(
            rulesetFinding(
              "warning",
              "unknown_kecamatan",
              ["rules", index, "when", "kecamatan", part, codeIndex],
              `Kecamatan ${code} is not in this region.`,
              { kecamatan: code },
              rule.id,
            ),
          );
        }
      });
    }
  });
  return findings;
};

export const checkTimeZone: Check = ({ compiled, context }) => {
  const { timeZone } = compiled.ruleset;
  if (context.timeZone === undefined || context.timeZone === timeZone) return [];
  return [
    rulesetFinding(
      "error",
      "time_zone_mismatch",
      ["timeZone"],
      `The region is in ${context.timeZone} but the ruleset says ${timeZone}; time windows would be off.`,
      { region: context.timeZone, ruleset: timeZone },
    ),
  ];
};

export const checkSuppressions: Check = ({ compiled }) => {
  const ids = new Set(compiled.ruleset.rules.map((rule) => rule.id));
  const findings: Finding[] = [];
  const edges: { from: string; to: string; payload: Finding }[] = [];
  compiled.ruleset.rules.forEach((rule, index) => {
    rule.suppresses?.forEach((target, targetIndex) => {
      const path = ["rules", index, "suppresses", targetIndex];
      if (target === rule.id) {
        findings.push(
          rulesetFinding(
            "error",
            "invalid_suppression",
            path,
            "A rule cannot suppress itself.",
            { reason: "self" },
            rule.id,
          ),
        );
      } else if (!ids.has(target)) {
        findings.push(
          rulesetFinding(
            "error",
            "invalid_suppression",
            path,
            `No rule "${target}" to suppress.`,
            { reason: "unknown_rule", target },
            rule.id,
          ),
        );
      } else {
        const message = `"${rule.id}" and "${target}" suppress each other through a cycle; when all match, none contributes.`;
        edges.push({
          from: rule.id,
          to: target,
          payload: rulesetFinding(
            "error",
            "suppression_cycle",
            path,
            message,
            { ruleId: rule.id, target },
            rule.id,
          ),
        });
      }
    });
  });
  return [...findings, ...edgesOnCycles(edges)];
};
