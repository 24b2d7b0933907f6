import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adviceFits } from "./advice.ts";
import { adviceUrgencies, adviceUrgencyRank } from "./catalogue/advice.ts";
import { priorityRank } from "./catalogue/priority.ts";
import { compileRuleset } from "./compile.ts";
import { typePatternsOf } from "./conditions.ts";
import { evaluate, type DispatchPlan } from "./evaluate.ts";
import { fragmentOfRule, mergeFragments } from "./merge.ts";
import { ruleSchema, type RulesetInput } from "./schema/ruleset.ts";
import { ruleset } from "./testing.ts";
import { validateRuleset } from "./validate/index.ts";

// Small value pools make rules and incidents meet often, so properties are exercised, not skipped.
const runs = { numRuns: 150 };
type RuleInput = RulesetInput["rules"][number];

const subtypePatterns = [
  "fire.*",
  "fire.building",
  "fire.vehicle",
  "medical.*",
  "medical.cardiac",
  "brawl.*",
] as const;
const flagPool = ["people_trapped", "spreading", "children_involved", "ongoing"] as const;
const kecamatanPool = ["35.15.01", "35.15.02", "35.15.03"] as const;
const wordPool = ["api", "asap", "gas", "pingsan", "rumah", "terbakar*", "tidak sadar"] as const;
const agencyTypePool = ["damkar", "bpbd", "psc119", "polres", "pmi"] as const;
const keyPool = ["where", "who", "trapped", "calm"] as const;

const optional = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.option(arbitrary, { nil: undefined, freq: 2 });
/** Conditions are left out three times in four, so that most rules match most incidents. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary, weight: 1 });
const someOf = <T>(values: readonly T[]) =>
  fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: values.length });
const clock = fc.constantFrom("00:00", "06:00", "12:00", "18:00", "22:00");

/** Drops undefined fields so generated JSON looks like what an author writes. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

const conditionsArbitrary: fc.Arbitrary<RuleInput["when"]> = fc
  .record({
    types: rarely(someOf(subtypePatterns)),
    severity: rarely(
      fc
        .record({ atLeast: optional(fc.constantFrom("low", "medium", "high", "critical")) })
        .map(compact),
    ),
    casualties: rarely(
      fc.record({ atLeast: optional(fc.nat(3)), atMost: optional(fc.nat(6)) }).map(compact),
    ),
    flags: rarely(
      fc
        .record({
          all: optional(someOf(flagPool)),
          any: optional(someOf(flagPool)),
          none: optional(someOf(flagPool)),
        })
        .map(compact),
    ),
    kecamatan: rarely(
      fc
        .record({ in: optional(someOf(kecamatanPool)), notIn: optional(someOf(kecamatanPool)) })
        .map(compact),
    ),
    time: rarely(
      fc
        .record({
          hours: optional(
            fc.array(fc.record({ from: clock, to: clock }), { minLength: 1, maxLength: 2 }),
          ),
          weekdays: optional(someOf(["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const)),
        })
        .map(compact),
    ),
    keywords: rarely(
      fc.record({ any: optional(someOf(wordPool)), none: optional(someOf(wordPool)) }).map(compact),
    ),
  })
  .map(compact);

const targetArbitrary = fc.oneof(
  fc.constantFrom(...agencyTypePool).map((agencyType) => ({ agencyType })),
  fc.constantFrom("damkar-pos-1", "rsud-1").map((agencyId) => ({ agencyId })),
);

const stepArbitrary: fc.Arbitrary<NonNullable<RuleInput["then"]["escalation"]>[number]> = fc.oneof(
  fc
    .record({
      action: fc.constant("renotify" as const),
      afterMinutes: fc.integer({ min: 1, max: 30 }),
      for: optional(targetArbitrary),
    })
    .map(compact),
  fc.record({
    action: fc.constant("notify_supervisor" as const),
    afterMinutes: fc.integer({ min: 1, max: 30 }),
  }),
  fc.record({
    action: fc.constant("notify_backup_agency" as const),
    afterMinutes: fc.integer({ min: 1, max: 30 }),
    for: targetArbitrary,
    backup: targetArbitrary,
  }),
  fc.record({
    action: fc.constant("notify_officials" as const),
    afterMinutes: fc.integer({ min: 1, max: 30 }),
    officials: someOf(["sekda", "bupati_walikota"] as const),
  }),
);

const textArbitrary = fc.record({
  key: fc.constantFrom(...keyPool),
  text: fc.constantFrom("Di mana?", "Tetap tenang.", "Siapa?"),
});

const adviceArbitrary = fc
  .record({
    key: fc.constantFrom(...keyPool),
    text: fc.constantFrom("Tekan dada.", "Tetap tenang.", "Keluar."),
    urgency: optional(fc.constantFrom(...adviceUrgencies)),
    forTypes: rarely(someOf(subtypePatterns)),
  })
  .map(compact);

const fallbackArbitrary = fc.constantFrom(
  { name: "Polres (110)", phone: "110" },
  { name: "BPBD Provinsi", agencyId: "bpbd-provinsi" },
);

const actionsArbitrary: fc.Arbitrary<RuleInput["then"]> = fc
  .record({
    priority: optional(fc.constantFrom("P1", "P2", "P3", "P4")),
    agencies: optional(
      fc.array(
        fc
          .tuple(
            targetArbitrary,
            fc.constantFrom("primary", "support"),
            optional(fc.integer({ min: 1, max: 60 })),
            rarely(fc.constant(true)),
            rarely(fallbackArbitrary),
          )
          .map(([target, role, ackWithinMinutes, lead, fallback]) =>
            compact({
              ...target,
              role,
              ackWithinMinutes,
              lead: role === "primary" ? lead : undefined,
              fallback,
            }),
          ),
        { maxLength: 3 },
      ),
    ),
    escalation: optional(fc.array(stepArbitrary, { maxLength: 3 })),
    checklist: optional(fc.array(textArbitrary, { maxLength: 3 })),
    advice: optional(fc.array(adviceArbitrary, { maxLength: 2 })),
  })
  .map(compact);

const ruleArbitrary = (id: string, suppressible: readonly string[]): fc.Arbitrary<RuleInput> =>
  fc
    .record({
      when: conditionsArbitrary,
      then: actionsArbitrary,
      enabled: optional(fc.boolean()),
      suppresses:
        suppressible.length === 0
          ? fc.constant(undefined)
          : fc.option(someOf(suppressible), { nil: undefined, freq: 5 }),
    })
    .map((parts) => compact({ id, name: id, ...parts }));

const rulesetArbitrary: fc.Arbitrary<RulesetInput> = fc
  .integer({ min: 0, max: 8 })
  .chain((count) => {
    const ids = Array.from({ length: count }, (_, index) => `rule-${index}`);
    return fc.tuple(...ids.map((id) => ruleArbitrary(id, ids))).map((rules) => ruleset(rules));
  });

const incidentArbitrary = fc
  .record({
    type: fc.constantFrom("fire", "medical", "brawl"),
    subtypeName: optional(fc.constantFrom("building", "vehicle", "cardiac")),
    severity: optional(fc.constantFrom("low", "medium", "high", "critical")),
    casualties: optional(fc.nat(8)),
    flags: optional(fc.uniqueArray(fc.constantFrom(...flagPool))),
    kecamatan: optional(fc.constantFrom(...kecamatanPool)),
    description: optional(
      fc
        .array(
          fc.constantFrom(
            "api",
            "Asap",
            "gas",
            "pingsan",
            "rumah",
            "terbakarnya",
            "tidak",
            "sadar",
            "tapi",
          ),
          { maxLength: 6 },
        )
        .map((w) => w.join(" ")),
    ),
  })
  .map(({ subtypeName, ...incident }) =>
    compact({
      ...incident,
      subtype: subtypeName === undefined ? undefined : `${incident.type}.${subtypeName}`,
    }),
  );

const nowArbitrary = fc.date({
  min: new Date("2024-01-01T00:00:00Z"),
  max: new Date("2027-12-31T23:59:59Z"),
  noInvalidDate: true,
});

function planOf(input: unknown, incident: unknown, now: Date): DispatchPlan {
  const result = evaluate(input, incident, { now });
  if (!result.ok) throw new Error(JSON.stringify(result.findings));
  return result.plan;
}

describe("properties", () => {
  it("evaluation is deterministic: equal inputs give equal results, compiled or not", () => {
    fc.assert(
      fc.property(
        rulesetArbitrary,
        incidentArbitrary,
        nowArbitrary,
        fc.boolean(),
        (rules, incident, now, explain) => {
          const first = evaluate(rules, incident, { now, explainNonMatches: explain });
          const again = evaluate(structuredClone(rules), structuredClone(incident), {
            now: new Date(now.getTime()),
            explainNonMatches: explain,
          });
          const compiled = compileRuleset(rules);
          expect(first.ok).toBe(true);
          expect(again).toEqual(first);
          if (compiled.ok)
            expect(
              evaluate(compiled.compiled, incident, { now, explainNonMatches: explain }),
            ).toEqual(first);
        },
      ),
      runs,
    );
  });

  it("adding a rule that matches never removes an agency, weakens a role, loosens a deadline or lowers the priority", () => {
    fc.assert(
      fc.property(
        rulesetArbitrary,
        ruleArbitrary("added-rule", []),
        incidentArbitrary,
        nowArbitrary,
        (rules, added, incident, now) => {
          const before = planOf(rules, incident, now);
          const after = planOf({ ...rules, rules: [...rules.rules, added] }, incident, now);
          const afterByKey = new Map(after.agencies.map((agency) => [agency.key, agency]));
          for (const agency of before.agencies) {
            const kept = afterByKey.get(agency.key);
            expect(kept).toBeDefined();
            expect(kept?.ackWithinMinutes).toBeLessThanOrEqual(agency.ackWithinMinutes);
            if (agency.role === "primary") expect(kept?.role).toBe("primary");
          }
          if (before.priorityFrom.length > 0)
            expect(priorityRank(after.priority)).toBeLessThanOrEqual(priorityRank(before.priority));
          const stepsAfter = new Set(after.escalation.map((step) => step.key));
          expect(before.escalation.every((step) => stepsAfter.has(step.key))).toBe(true);
        },
      ),
      runs,
    );
  });

  it("one primary agency leads, whatever order the rules are written in", () => {
    fc.assert(
      fc.property(rulesetArbitrary, incidentArbitrary, nowArbitrary, (rules, incident, now) => {
        const plan = planOf(rules, incident, now);
        const reversed = planOf({ ...rules, rules: rules.rules.toReversed() }, incident, now);
        const leads = plan.agencies.filter((agency) => agency.lead);
        const hasPrimary = plan.agencies.some((agency) => agency.role === "primary");
        expect(leads.map((agency) => agency.key)).toEqual(hasPrimary ? [plan.lead?.key] : []);
        expect(leads.every((agency) => agency.role === "primary")).toBe(true);
        expect(reversed.lead?.key).toEqual(plan.lead?.key);
        expect(reversed.lead?.reason).toEqual(plan.lead?.reason);
        const terms = (of: DispatchPlan) =>
          of.agencies.map(({ key, role, ackWithinMinutes, lead }) => ({
            key,
            role,
            ackWithinMinutes,
            lead,
          }));
        expect(terms(reversed)).toEqual(terms(plan));
      }),
      runs,
    );
  });

  it("advice is said most urgent first, then in rule order, and only where it fits the incident", () => {
    fc.assert(
      fc.property(rulesetArbitrary, incidentArbitrary, nowArbitrary, (rules, incident, now) => {
        const plan = planOf(rules, incident, now);
        const patterns = typePatternsOf([
          {
            type: incident.type,
            ...(incident.subtype === undefined ? {} : { subtype: incident.subtype }),
          },
        ]);
        plan.advice.forEach((item, index) => {
          const next = plan.advice[index + 1];
          const first = item.from[0];
          const nextFirst = next?.from[0];
          if (next !== undefined && first !== undefined && nextFirst !== undefined) {
            const byUrgency = adviceUrgencyRank(item.urgency) - adviceUrgencyRank(next.urgency);
            expect(byUrgency).toBeLessThanOrEqual(0);
            // A rule has at most 100 advice items, so this is (rule, position) order.
            if (byUrgency === 0)
              expect(first.ruleIndex * 100 + first.position).toBeLessThan(
                nextFirst.ruleIndex * 100 + nextFirst.position,
              );
          }
          for (const source of item.from) {
            const written = rules.rules[source.ruleIndex]?.then.advice?.[source.position];
            expect(written !== undefined && adviceFits(written, patterns)).toBe(true);
          }
        });
        // Reversing the rules changes which rule words an item first, never what is said or how urgently.
        const reversed = planOf({ ...rules, rules: rules.rules.toReversed() }, incident, now);
        const said = (of: DispatchPlan) =>
          adviceUrgencies.map((urgency) =>
            of.advice
              .filter((item) => item.urgency === urgency)
              .map((item) => item.key)
              .sort(),
          );
        expect(said(reversed)).toEqual(said(plan));
      }),
      runs,
    );
  });

  it("merging is associative, commutative and idempotent", () => {
    const fragment = (index: number) =>
      ruleArbitrary(`rule-${index}`, []).map((input) =>
        fragmentOfRule(ruleSchema.parse(input), index, 10),
      );
    fc.assert(
      fc.property(fragment(0), fragment(1), fragment(2), (a, b, c) => {
        const left = mergeFragments([mergeFragments([a, b]), c]);
        const right = mergeFragments([a, mergeFragments([b, c])]);
        expect(left).toEqual(right);
        expect(mergeFragments([c, b, a])).toEqual(left);
        expect(mergeFragments([left, left])).toEqual(left);
      }),
      runs,
    );
  });

  it("validation and evaluation never throw on arbitrary JSON", () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.jsonValue(),
        fc.jsonValue(),
        (anyRuleset, anyIncident, anyContext) => {
          const validation = validateRuleset(anyRuleset, anyContext);
          expect(validation.ok).toBe(false);
          expect(Array.isArray(validation.findings)).toBe(true);
          const evaluation = evaluate(anyRuleset, anyIncident, { now: new Date() });
          expect(evaluation.ok).toBe(false);
        },
      ),
      runs,
    );
  });

  it("validation and evaluation never throw on almost valid JSON", () => {
    const damaged = fc
      .tuple(rulesetArbitrary, fc.jsonValue(), fc.nat())
      .map(([rules, garbage, pick]) => {
        const copy = structuredClone(rules) as unknown as {
          rules: Record<string, unknown>[];
        } & Record<string, unknown>;
        const target = copy.rules[pick % Math.max(copy.rules.length, 1)];
        const fields = ["when", "then", "id", "suppresses", "enabled"];
        if (target === undefined) copy.defaults = garbage;
        else target[fields[pick % fields.length] ?? "when"] = garbage;
        return copy;
      });
    fc.assert(
      fc.property(damaged, incidentArbitrary, (rules, incident) => {
        expect(() => validateRuleset(rules)).not.toThrow();
        expect(() => evaluate(rules, incident, { now: new Date(0) })).not.toThrow();
      }),
      runs,
    );
  });

  it("every generated ruleset validates without throwing and evaluates every incident", () => {
    fc.assert(
      fc.property(rulesetArbitrary, incidentArbitrary, nowArbitrary, (rules, incident, now) => {
        const validation = validateRuleset(rules, {
          agencies: [{ id: "damkar-pos-1", type: "damkar" }],
        });
        expect(validation.findings.every((finding) => finding.code !== "schema")).toBe(true);
        expect(evaluate(rules, incident, { now }).ok).toBe(true);
      }),
      runs,
    );
  });
});
