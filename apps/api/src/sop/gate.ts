import type { SopTestCaseRow } from "@sigap/db/queries";
import { hasErrors, runTestCases, validateRuleset, type Finding, type TestCaseResult, type ValidationContext } from "@sigap/sop-engine";

export interface TestCaseOutcome {
  id: string;
  name: string;
  result: TestCaseResult;
}

export interface PublishCheck {
  /** True when validation found no error and every test case passed. */
  publishable: boolean;
  findings: readonly Finding[];
  tests: TestCaseOutcome[];
}

/** A stored test case as the engine reads it: its name plus `{ incident, at, expect }`. */
export function engineTestCase(row: Pick<SopTestCaseRow, "name" | "definition">): unknown {
  return { ...(row.definition as object), name: row.name };
}

/**
 * What publishing demands of a ruleset: validation against the tenant without errors (warnings do
 * not block) and every test case passing. The same check runs before the dialog and at publishing.
 */
export function checkForPublishing(ruleset: unknown, context: ValidationContext, testCases: readonly SopTestCaseRow[]): PublishCheck {
  const validation = validateRuleset(ruleset, context);
  const run = runTestCases(ruleset, testCases.map(engineTestCase));
  const tests = testCases.map((row, index) => {
    const result = run.results[index];
    if (!result) throw new Error("runTestCases returned fewer results than cases");
    return { id: row.id, name: row.name, result };
  });
  return {
    publishable: !hasErrors(validation.findings) && tests.every((test) => test.result.status === "passed"),
    findings: validation.findings,
    tests,
  };
}
