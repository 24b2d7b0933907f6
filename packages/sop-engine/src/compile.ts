import { taxonomyWith, type Taxonomy } from "./catalogue/taxonomy.ts";
import { schemaFindings, type Finding } from "./findings.ts";
import { keywordMatcher, type KeywordMatcher } from "./keywords.ts";
import { minuteOfDay } from "./local-time.ts";
import { fragmentOfRule, type PlanFragment } from "./merge.ts";
import { rulesetSchema, type Rule, type Ruleset } from "./schema/ruleset.ts";

/** A rule with everything evaluation needs precomputed, so evaluating costs no parsing. */
export interface CompiledRule {
  readonly rule: Rule;
  readonly index: number;
  readonly fragment: PlanFragment;
  readonly hourWindows: readonly { readonly from: number; readonly to: number }[] | undefined;
  readonly keywordsAny: readonly KeywordMatcher[] | undefined;
  readonly keywordsNone: readonly KeywordMatcher[] | undefined;
}

/**
 * A parsed, indexed ruleset. Compile once per published version and evaluate many incidents
 * against it; `evaluate` also accepts raw JSON and compiles it on every call.
 */
export interface CompiledRuleset {
  readonly ruleset: Ruleset;
  readonly taxonomy: Taxonomy;
  readonly rules: readonly CompiledRule[];
  /** Rules that can match an incident of a type, in ruleset order. */
  candidatesFor(incidentType: string): readonly CompiledRule[];
}

export type CompileResult =
  | { readonly ok: true; readonly compiled: CompiledRuleset }
  | { readonly ok: false; readonly findings: readonly Finding[] };

// Only objects made here are trusted as compiled; JSON shaped like one is compiled again.
const compiledRulesets = new WeakSet<object>();

export function isCompiledRuleset(value: unknown): value is CompiledRuleset {
  return typeof value === "object" && value !== null && compiledRulesets.has(value);
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function compileRule(rule: Rule, index: number, defaultAckWithinMinutes: number): CompiledRule {
  const { time, keywords } = rule.when;
  return {
    rule,
    index,
    fragment: fragmentOfRule(rule, index, defaultAckWithinMinutes),
    hourWindows: time?.hours?.map((window) => ({
      from: minuteOfDay(window.from),
      to: minuteOfDay(window.to),
    })),
    keywordsAny: keywords?.any?.map(keywordMatcher),
    keywordsNone: keywords?.none?.map(keywordMatcher),
  };
}

function typesNamedBy(rule: Rule): Set<string> | undefined {
  const patterns = rule.when.types;
  return patterns === undefined
    ? undefined
    : new Set(patterns.map((pattern) => pattern.slice(0, pattern.indexOf("."))));
}

function indexByType(
  rules: readonly CompiledRule[],
): (incidentType: string) => readonly CompiledRule[] {
  const anyType: CompiledRule[] = [];
  const byType = new Map<string, CompiledRule[]>();
  for (const compiled of rules) {
    const types = typesNamedBy(compiled.rule);
    if (types === undefined) {
      anyType.push(compiled);
      for (const list of byType.values()) list.push(compiled);
      continue;
    }
    for (const type of types) {
      let list = byType.get(type);
      if (list === undefined) {
        list = [...anyType];
        byType.set(type, list);
      }
      list.push(compiled);
    }
  }
  return (incidentType) => byType.get(incidentType) ?? anyType;
}

function compileParsedRuleset(ruleset: Ruleset): CompiledRuleset {
  const frozen = deepFreeze(ruleset);
  const rules = frozen.rules.map((rule, index) =>
    compileRule(rule, index, frozen.defaults.ackWithinMinutes),
  );
  // Fragments are built here and typed read-only; freezing the parsed ruleset is what keeps a
  // cached compiled version identical to the one that was validated.
  const compiled: CompiledRuleset = {
    ruleset: frozen,
    taxonomy: taxonomyWith(frozen.localSubtypes ?? []),
    rules: Object.freeze(rules),
    candidatesFor: indexByType(rules),
  };
  compiledRulesets.add(Object.freeze(compiled));
  return compiled;
}

/** Never throws: anything that is not a valid ruleset yields schema findings. */
export function compileRuleset(input: unknown): CompileResult {
  if (isCompiledRuleset(input)) return { ok: true, compiled: input };
  const parsed = rulesetSchema.safeParse(input);
  if (!parsed.success) return { ok: false, findings: schemaFindings(parsed.error, "ruleset") };
  return { ok: true, compiled: compileParsedRuleset(parsed.data) };
}
