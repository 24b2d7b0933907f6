import type { SopTestCaseRow } from "@sigap/db/queries";
import {
  coverageMatrix,
  hasErrors,
  runTestCases,
  validateRuleset,
  type CoverageMatrix,
  type Finding,
  type TestCaseResult,
  type ValidationContext,
} from "@sigap/sop-engine";

export interface TestCaseOutcome {
  id: string;
  name: string;
  result: TestCaseResult;
}

export interface PublishCheck {
  /** True when validation found no error and every test case passed. */
  publishable: boolean;
  findings: readonly Finding[];
  /** What each P1/P2 incident type gets in the region; `null` while the ruleset does not parse. */
  coverage: CoverageMatrix | null;
  tests: TestCaseOutcome[];
}

/** A stored test case as the engine reads it: its name plus `{ incident, at, expect }`. */
export function engineTestCase(row: Pick<SopTestCaseRow, "name" | "definition">): unknown {
  return { ...(row.definition as object), name: row.name };
}

/** The coverage matrix beside the findings, computed against the same context as validation. */
export function coverageOf(ruleset: unknown, context: ValidationContext): CoverageMatrix | null {
  const coverage = coverageMatrix(ruleset, context);
  return coverage.ok ? coverage.matrix : null;
}

/**
 * What publishing demands of a ruleset: validation against the tenant without errors (warnings do
 * not block) and every test case passing. The same check runs before the dialog and at publishing.
 */
export function checkForPublishing(
  ruleset: unknown,
  context: ValidationContext,
  testCases: readonly SopTestCaseRow[],
): PublishCheck {
  const validation = validateRuleset(ruleset, context);
  // Each case's plan is resolved to the region's agencies, as its dispatch would be.
  const run = runTestCases(
    ruleset,
    testCases.map(engineTestCase),
    context.agencies ? { agencies: context.agencies } : {},
  );
  const tests = testCases.map((row, index) => {
    const result = run.results[index];
    if (!result) throw new Error("runTestCases returned fewer results than cases");
    return { id: row.id, name: row.name, result };
  });
  return {
    publishable:
      !hasErrors(validation.findings) && tests.every((test) => test.result.status === "passed"),
    findings: validation.findings,
    coverage: coverageOf(ruleset, context),
    tests,
  };
}
