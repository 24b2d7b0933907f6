import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRuleset } from "./compile.ts";
import { evaluate } from "./evaluate.ts";
import { runTestCase, runTestCases, type TestCaseInput } from "./test-cases.ts";
import { rule, ruleset } from "./testing.ts";

const rules = ruleset([
  rule(
    "fire",
    { types: ["fire.*"] },
    {
      priority: "P2",
      agencies: [{ agencyType: "damkar", role: "primary", ackWithinMinutes: 5 }],
    },
  ),
  rule(
    "fire.casualties",
    { types: ["fire.*"], casualties: { atLeast: 1 } },
    {
      priority: "P1",
      agencies: [
        { agencyType: "psc119", role: "primary", ackWithinMinutes: 3 },
        { agencyType: "pmi", role: "support" },
      ],
    },
  ),
  rule(
    "fire.night",
    { types: ["fire.*"], time: { hours: [{ from: "18:00", to: "06:00" }] } },
    { agencies: [{ agencyId: "damkar-pos-kota", role: "support", ackWithinMinutes: 8 }] },
  ),
]);

/** A Monday morning in Jakarta: the night rule does not match. */
const morning = "2025-06-02T10:00:00+07:00";

function testCase(expectations: TestCaseInput["expect"], overrides: Partial<TestCaseInput> = {}) {
  return {
    name: "fire with one casualty",
    incident: { type: "fire", casualties: 1 },
    at: morning,
    expect: expectations,
    ...overrides,
  } satisfies TestCaseInput;
}

function failuresOf(expectations: TestCaseInput["expect"], overrides?: Partial<TestCaseInput>) {
  const result = runTestCase(rules, testCase(expectations, overrides));
  if (result.status !== "failed") throw new Error(`expected a failure, got ${result.status}`);
  return result.failures;
}

describe("runTestCase", () => {
  it("passes when every expectation holds, and returns the plan evaluated at `at`", () => {
    const result = runTestCase(
      rules,
      testCase({
        priority: "P1",
        notify: [
          { agencyType: "damkar", role: "primary", ackWithinMinutes: { atMost: 5 } },
          { agencyType: "psc119", role: "primary", ackWithinMinutes: { atLeast: 3, atMost: 3 } },
          { agencyType: "pmi" },
        ],
        notNotify: [{ agencyId: "damkar-pos-kota" }, { agencyType: "polres" }],
      }),
    );
    const evaluation = evaluate(rules, { type: "fire", casualties: 1 }, { now: new Date(morning) });
    if (!evaluation.ok) throw new Error("expected a plan");
    expect(result).toEqual({ status: "passed", plan: evaluation.plan });
  });

  it("evaluates at the moment given, in the ruleset's time zone", () => {
    const night = { at: "2025-06-02T21:30:00+07:00" };
    const expectations = { notify: [{ agencyId: "damkar-pos-kota", role: "support" as const }] };
    expect(runTestCase(rules, testCase(expectations, night)).status).toBe("passed");
    // 21:30 UTC is 04:30 the next morning in Jakarta: still night.
    expect(runTestCase(rules, testCase(expectations, { at: "2025-06-02T21:30:00Z" })).status).toBe(
      "passed",
    );
    expect(failuresOf(expectations).map((failure) => failure.path)).toEqual(["$.expect.notify[0]"]);
  });

  it("fails when an expected agency is not notified, and says what the plan notifies", () => {
    expect(failuresOf({ notify: [{ agencyType: "polres", role: "primary" }] })).toEqual([
      {
        code: "not_notified",
        path: "$.expect.notify[0]",
        message:
          "Expected type:polres to be notified; the plan does not notify it (it notifies type:psc119, type:damkar, type:pmi).",
        params: { agency: "type:polres", notified: ["type:psc119", "type:damkar", "type:pmi"] },
        expected: { agencyType: "polres", role: "primary" },
        actual: null,
      },
    ]);
    const noAgency = runTestCase(
      rules,
      testCase({ notify: [{ agencyType: "damkar" }] }, { incident: { type: "medical" } }),
    );
    expect(noAgency.status === "failed" && noAgency.failures[0]?.message).toBe(
      "Expected type:damkar to be notified; the plan does not notify it (it notifies no agency).",
    );
  });

  it("fails when the role differs", () => {
    expect(failuresOf({ notify: [{ agencyType: "pmi", role: "primary" }] })).toEqual([
      {
        code: "wrong_role",
        path: "$.expect.notify[0].role",
        message: "Expected type:pmi to be notified as primary; the plan notifies it as support.",
        params: { agency: "type:pmi", expected: "primary", actual: "support" },
        expected: "primary",
        actual: "support",
      },
    ]);
  });

  it("fails when the acknowledgement deadline is outside the bounds, which are inclusive", () => {
    const pmi = (bounds: { atLeast?: number; atMost?: number }) => ({
      notify: [{ agencyType: "pmi", ackWithinMinutes: bounds }],
    });
    // PMI gets the ruleset default of 10 minutes.
    expect(runTestCase(rules, testCase(pmi({ atLeast: 10, atMost: 10 }))).status).toBe("passed");
    expect(failuresOf(pmi({ atMost: 9 }))).toEqual([
      {
        code: "ack_above_maximum",
        path: "$.expect.notify[0].ackWithinMinutes.atMost",
        message:
          "Expected type:pmi to acknowledge within at most 9 minutes; the plan gives it 10 minutes.",
        params: { agency: "type:pmi", atMost: 9, given: 10 },
        expected: 9,
        actual: 10,
      },
    ]);
    expect(failuresOf(pmi({ atLeast: 15, atMost: 30 }))).toEqual([
      {
        code: "ack_below_minimum",
        path: "$.expect.notify[0].ackWithinMinutes.atLeast",
        message:
          "Expected type:pmi to get at least 15 minutes to acknowledge; the plan gives it 10 minutes.",
        params: { agency: "type:pmi", atLeast: 15, given: 10 },
        expected: 15,
        actual: 10,
      },
    ]);
  });

  it("fails when an agency that must not be notified is", () => {
    expect(failuresOf({ notNotify: [{ agencyType: "polres" }, { agencyType: "psc119" }] })).toEqual(
      [
        {
          code: "notified",
          path: "$.expect.notNotify[1]",
          message: "Expected type:psc119 not to be notified; the plan notifies it as primary.",
          params: { agency: "type:psc119", role: "primary" },
          expected: null,
          actual: { role: "primary", ackWithinMinutes: 3 },
        },
      ],
    );
  });

  it("fails when the priority differs", () => {
    expect(failuresOf({ priority: "P2" })).toEqual([
      {
        code: "wrong_priority",
        path: "$.expect.priority",
        message: "Expected priority P2; the plan gives P1.",
        params: { expected: "P2", actual: "P1" },
        expected: "P2",
        actual: "P1",
      },
    ]);
  });

  it("reports every failure, in the order the test case lists its expectations", () => {
    const failures = failuresOf(
      {
        priority: "P3",
        notify: [
          { agencyType: "pmi", role: "primary", ackWithinMinutes: { atMost: 5 } },
          { agencyType: "damkar" },
          { agencyId: "damkar-pos-kota" },
        ],
        notNotify: [{ agencyType: "psc119" }],
      },
      { incident: { type: "fire", casualties: 2 } },
    );
    expect(failures.map((failure) => failure.path)).toEqual([
      "$.expect.notify[0].role",
      "$.expect.notify[0].ackWithinMinutes.atMost",
      "$.expect.notify[2]",
      "$.expect.notNotify[0]",
      "$.expect.priority",
    ]);
  });

  it("accepts a compiled ruleset and gives the same result as raw JSON", () => {
    const compiled = compileRuleset(rules);
    if (!compiled.ok) throw new Error("expected a valid ruleset");
    const input = testCase({ priority: "P2", notify: [{ agencyType: "damkar" }] });
    expect(runTestCase(compiled.compiled, input)).toEqual(runTestCase(rules, input));
  });

  it("returns test_case findings with JSON paths for an invalid test case", () => {
    const result = runTestCase(rules, {
      name: "  ",
      incident: { type: "fire", casualties: -1 },
      at: "2025-06-02T10:00:00",
      expect: {
        notify: [
          { agencyType: "damkar", role: "lead", ackWithinMinutes: { atLeast: 5, atMost: 3 } },
        ],
        priority: "P0",
        notNotfy: [],
      },
    });
    expect(result.status).toBe("error");
    if (result.status !== "error") return;
    expect(
      result.findings.map((finding) => [finding.document, finding.code, finding.path]),
    ).toEqual([
      ["test_case", "schema", "$.name"],
      ["test_case", "schema", "$.incident.casualties"],
      ["test_case", "schema", "$.at"],
      ["test_case", "schema", "$.expect.notify[0].role"],
      ["test_case", "schema", "$.expect.notify[0].ackWithinMinutes.atMost"],
      ["test_case", "schema", "$.expect.priority"],
      ["test_case", "schema", "$.expect.notNotfy"],
    ]);
    expect(result.findings.map((finding) => finding.message)).toContain(
      "`at` must be an ISO-8601 date and time with an offset, e.g. 2025-08-17T21:30:00+07:00; there is no offset (Z for UTC, or the zone's offset).",
    );
  });

  it("rejects a test case that expects nothing or contradicts itself, since it could never fail or pass", () => {
    const empty = runTestCase(rules, testCase({ notify: [] }));
    expect(empty).toEqual({
      status: "error",
      findings: [
        expect.objectContaining({
          document: "test_case",
          path: "$.expect",
          message: "`expect` needs at least one of `notify`, `notNotify` or `priority`.",
        }),
      ],
    });
    const contradiction = runTestCase(
      rules,
      testCase({ notify: [{ agencyType: "pmi" }], notNotify: [{ agencyType: "pmi" }] }),
    );
    expect(contradiction.status === "error" && contradiction.findings).toEqual([
      expect.objectContaining({ path: "$.expect.notNotify[0]" }),
    ]);
  });

  it("returns ruleset findings for an invalid ruleset, together with the test case's", () => {
    const broken = { ...rules, defaults: { priority: "P9", ackWithinMinutes: 10 } };
    const valid = runTestCase(broken, testCase({ priority: "P1" }));
    expect(valid).toEqual({
      status: "error",
      findings: [expect.objectContaining({ document: "ruleset", path: "$.defaults.priority" })],
    });
    const both = runTestCase(broken, { name: "x" });
    expect(both.status === "error" && new Set(both.findings.map((f) => f.document))).toEqual(
      new Set(["ruleset", "test_case"]),
    );
  });

  it("never throws on arbitrary values", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (anyRuleset, anyTestCase) => {
        const result = runTestCase(anyRuleset, anyTestCase);
        expect(result.status).toBe("error");
        expect(runTestCase(rules, anyTestCase).status).toBe("error");
      }),
      { numRuns: 200 },
    );
  });
});

describe("runTestCases", () => {
  it("returns one result per case in order, with counts", () => {
    const run = runTestCases(rules, [
      testCase({ priority: "P1" }),
      testCase({ priority: "P4" }),
      { name: "not a test case" },
      testCase({ notNotify: [{ agencyType: "polres" }] }),
    ]);
    expect(run.results.map((result) => result.status)).toEqual([
      "passed",
      "failed",
      "error",
      "passed",
    ]);
    expect([run.passed, run.failed, run.errors]).toEqual([2, 1, 1]);
  });

  it("reports the ruleset's findings for every case when the ruleset is invalid", () => {
    const run = runTestCases({ format: "sigap.sop/0" }, [testCase({ priority: "P1" })]);
    expect(run.errors).toBe(1);
    expect(run.results[0]?.status === "error" && run.results[0].findings[0]?.document).toBe(
      "ruleset",
    );
    expect(runTestCases(rules, [])).toEqual({ results: [], passed: 0, failed: 0, errors: 0 });
  });

  it("never throws on arrays of arbitrary values", () => {
    fc.assert(
      fc.property(fc.anything(), fc.array(fc.anything(), { maxLength: 5 }), (anyRuleset, cases) => {
        const run = runTestCases(anyRuleset, cases);
        expect(run.results).toHaveLength(cases.length);
        expect(run.errors).toBe(cases.length);
      }),
      { numRuns: 100 },
    );
  });
});
