import { z } from "zod";
import type { Priority } from "./catalogue/priority.ts";
import { compileRuleset, type CompileResult } from "./compile.ts";
import { evaluate, type DispatchPlan } from "./evaluate.ts";
import type { CustomCheck } from "./finding-params.ts";
import { schemaFindings, type Finding } from "./findings.ts";
import { targetKey } from "./merge.ts";
import { momentSchema } from "./moment.ts";
import { prepareAgencies } from "./resolve.ts";
import type { RegionAgency } from "./schema/context.ts";
import { incidentSchema } from "./schema/incident.ts";
import { agencyIdSchema, agencyTypeCodeSchema, prioritySchema } from "./schema/primitives.ts";
import { agencyTargetSchema } from "./schema/ruleset.ts";

// A tenant's test case pins down what its SOP must plan for one scenario, so an edit that changes
// the plan for that scenario is caught before publishing. Expectations are partial on purpose: a
// case names only what matters to its author, and the rest of the plan may change freely.

const maxExpectations = 50;

const roleSchema = z.enum(["primary", "support"], {
  error: '`role` must be "primary" or "support".',
});

const minutesBound = (field: "atLeast" | "atMost") =>
  z
    .int({ error: `\`${field}\` must be a whole number of minutes.` })
    .min(0, `\`${field}\` cannot be negative.`)
    .max(1440, `\`${field}\` cannot exceed 1440 minutes (a day).`);

const ackBoundsSchema = z
  .strictObject(
    { atLeast: minutesBound("atLeast").optional(), atMost: minutesBound("atMost").optional() },
    { error: "`ackWithinMinutes` must be an object with `atLeast` and/or `atMost` (minutes)." },
  )
  .refine(
    (bounds) =>
      bounds.atLeast === undefined ||
      bounds.atMost === undefined ||
      bounds.atLeast <= bounds.atMost,
    {
      message: "`atMost` must not be less than `atLeast`.",
      path: ["atMost"],
      params: { check: "ack_bounds_reversed" } satisfies CustomCheck,
    },
  );

const notifyTerms = { role: roleSchema.optional(), ackWithinMinutes: ackBoundsSchema.optional() };

// Same shape as a rule's agency action, so a case reads like the rule it checks.
const notifyExpectationSchema = z.xor([
  z.strictObject({ agencyType: agencyTypeCodeSchema, ...notifyTerms }),
  z.strictObject({ agencyId: agencyIdSchema, ...notifyTerms }),
]);

const expectationsSchema = z
  .strictObject(
    {
      notify: z
        .array(notifyExpectationSchema, { error: "`notify` must be a list of agencies." })
        .max(maxExpectations, `\`notify\` may list at most ${maxExpectations} agencies.`)
        .optional(),
      notNotify: z
        .array(agencyTargetSchema, { error: "`notNotify` must be a list of agencies." })
        .max(maxExpectations, `\`notNotify\` may list at most ${maxExpectations} agencies.`)
        .optional(),
      priority: prioritySchema.optional(),
    },
    { error: "`expect` must be an object with `notify`, `notNotify` and/or `priority`." },
  )
  .superRefine((expectations, context) => {
    const { notify = [], notNotify = [], priority } = expectations;
    // A case that expects nothing always passes, which would hide a half-written case.
    if (notify.length === 0 && notNotify.length === 0 && priority === undefined) {
      context.addIssue({
        code: "custom",
        message: "`expect` needs at least one of `notify`, `notNotify` or `priority`.",
        path: [],
        params: { check: "expectation_missing" } satisfies CustomCheck,
      });
    }
    const notified = new Set(notify.map(targetKey));
    notNotify.forEach((target, index) => {
      const key = targetKey(target);
      if (notified.has(key)) {
        context.addIssue({
          code: "custom",
          message: `${key} is also expected in \`notify\`; this test case can never pass.`,
          path: ["notNotify", index],
          params: { check: "expectation_contradicted", agency: key } satisfies CustomCheck,
        });
      }
    });
  });

export const testCaseSchema = z.strictObject(
  {
    name: z
      .string({ error: "`name` must be text." })
      .trim()
      .min(1, "`name` must not be empty.")
      .max(200, "`name` must be at most 200 characters."),
    incident: incidentSchema,
    at: momentSchema("`at`"),
    expect: expectationsSchema,
  },
  { error: "A test case must be an object with `name`, `incident`, `at` and `expect`." },
);

/** What a tenant writes. */
export type TestCaseInput = z.input<typeof testCaseSchema>;
/** A parsed test case (`name` trimmed). */
export type TestCase = z.output<typeof testCaseSchema>;

type Role = z.output<typeof roleSchema>;

/**
 * What each unmet expectation's wording needs; agencies are plan keys (`type:damkar`,
 * `agency:<id>`). As with findings, readers word a failure from its code and these params.
 */
export interface TestFailureParams {
  readonly not_notified: { readonly agency: string; readonly notified: readonly string[] };
  readonly wrong_role: { readonly agency: string; readonly expected: Role; readonly actual: Role };
  readonly ack_below_minimum: {
    readonly agency: string;
    readonly atLeast: number;
    readonly given: number;
  };
  readonly ack_above_maximum: {
    readonly agency: string;
    readonly atMost: number;
    readonly given: number;
  };
  readonly notified: { readonly agency: string; readonly role: Role };
  readonly wrong_priority: { readonly expected: Priority; readonly actual: Priority };
}

export const testFailureCodes = [
  "not_notified",
  "wrong_role",
  "ack_below_minimum",
  "ack_above_maximum",
  "notified",
  "wrong_priority",
] as const satisfies readonly (keyof TestFailureParams)[];

export type TestFailureCode = (typeof testFailureCodes)[number];

interface TestFailureFields {
  /** JSONPath into the test case, e.g. `$.expect.notify[0].role`, so an editor can mark the expectation. */
  readonly path: string;
  /** English, with both the expectation and what the plan does; for developers (the CLI). */
  readonly message: string;
  /** What the test case asks for at `path`; `null` when it asks for an agency's absence. */
  readonly expected: unknown;
  /** What the plan has there; `null` when the plan does not notify the agency. */
  readonly actual: unknown;
}

export type TestFailure = {
  [C in TestFailureCode]: TestFailureFields & {
    readonly code: C;
    readonly params: TestFailureParams[C];
  };
}[TestFailureCode];

export type TestCaseResult =
  | { readonly status: "passed"; readonly plan: DispatchPlan }
  | {
      readonly status: "failed";
      readonly plan: DispatchPlan;
      /** Every unmet expectation, in the order the test case lists them. */
      readonly failures: readonly TestFailure[];
    }
  /** The test case (`document: "test_case"`) or the ruleset is invalid, so nothing was checked. */
  | { readonly status: "error"; readonly findings: readonly Finding[] };

export interface TestRun {
  /** One result per test case, in the order given. */
  readonly results: readonly TestCaseResult[];
  readonly passed: number;
  readonly failed: number;
  readonly errors: number;
}

type PlannedAgencyWithDeadline = DispatchPlan["agencies"][number];
type NotifyExpectation = NonNullable<TestCase["expect"]["notify"]>[number];

function minutes(count: number): string {
  return count === 1 ? "1 minute" : `${count} minutes`;
}

function notifyFailures(
  expectation: NotifyExpectation,
  index: number,
  agencies: ReadonlyMap<string, PlannedAgencyWithDeadline>,
): TestFailure[] {
  const path = `$.expect.notify[${index}]`;
  const key = targetKey(expectation);
  const planned = agencies.get(key);
  if (planned === undefined) {
    const notified = [...agencies.keys()];
    const instead =
      notified.length === 0 ? "it notifies no agency" : `it notifies ${notified.join(", ")}`;
    return [
      {
        code: "not_notified",
        path,
        message: `Expected ${key} to be notified; the plan does not notify it (${instead}).`,
        params: { agency: key, notified },
        expected: expectation,
        actual: null,
      },
    ];
  }
  const failures: TestFailure[] = [];
  if (expectation.role !== undefined && expectation.role !== planned.role) {
    failures.push({
      code: "wrong_role",
      path: `${path}.role`,
      message: `Expected ${key} to be notified as ${expectation.role}; the plan notifies it as ${planned.role}.`,
      params: { agency: key, expected: expectation.role, actual: planned.role },
      expected: expectation.role,
      actual: planned.role,
    });
  }
  const bounds = expectation.ackWithinMinutes;
  const given = planned.ackWithinMinutes;
  if (bounds?.atLeast !== undefined && given < bounds.atLeast) {
    failures.push({
      code: "ack_below_minimum",
      path: `${path}.ackWithinMinutes.atLeast`,
      message: `Expected ${key} to get at least ${minutes(bounds.atLeast)} to acknowledge; the plan gives it ${minutes(given)}.`,
      params: { agency: key, atLeast: bounds.atLeast, given },
      expected: bounds.atLeast,
      actual: given,
    });
  }
  if (bounds?.atMost !== undefined && given > bounds.atMost) {
    failures.push({
      code: "ack_above_maximum",
      path: `${path}.ackWithinMinutes.atMost`,
      message: `Expected ${key} to acknowledge within at most ${minutes(bounds.atMost)}; the plan gives it ${minutes(given)}.`,
      params: { agency: key, atMost: bounds.atMost, given },
      expected: bounds.atMost,
      actual: given,
    });
  }
  return failures;
}

/** Every unmet expectation: notify, then notNotify, then priority, each in the case's own order. */
function checkExpectations(expectations: TestCase["expect"], plan: DispatchPlan): TestFailure[] {
  const agencies = new Map(plan.agencies.map((agency) => [agency.key, agency]));
  const failures = (expectations.notify ?? []).flatMap((expectation, index) =>
    notifyFailures(expectation, index, agencies),
  );
  (expectations.notNotify ?? []).forEach((target, index) => {
    const key = targetKey(target);
    const planned = agencies.get(key);
    if (planned !== undefined) {
      failures.push({
        code: "notified",
        path: `$.expect.notNotify[${index}]`,
        message: `Expected ${key} not to be notified; the plan notifies it as ${planned.role}.`,
        params: { agency: key, role: planned.role },
        expected: null,
        actual: { role: planned.role, ackWithinMinutes: planned.ackWithinMinutes },
      });
    }
  });
  if (expectations.priority !== undefined && expectations.priority !== plan.priority) {
    failures.push({
      code: "wrong_priority",
      path: "$.expect.priority",
      message: `Expected priority ${expectations.priority}; the plan gives ${plan.priority}.`,
      params: { expected: expectations.priority, actual: plan.priority },
      expected: expectations.priority,
      actual: plan.priority,
    });
  }
  return failures;
}

/** The region the cases are run for: with its agencies, each plan line is resolved to them. */
export interface TestCaseOptions {
  readonly agencies?: readonly RegionAgency[];
}

function runWithCompiled(
  compiled: CompileResult,
  testCase: unknown,
  options: TestCaseOptions,
): TestCaseResult {
  const parsed = testCaseSchema.safeParse(testCase);
  if (!compiled.ok || !parsed.success) {
    return {
      status: "error",
      findings: [
        ...(compiled.ok ? [] : compiled.findings),
        ...(parsed.success ? [] : schemaFindings(parsed.error, "test_case")),
      ],
    };
  }
  const { incident, at, expect: expectations } = parsed.data;
  const evaluation = evaluate(compiled.compiled, incident, { ...options, now: new Date(at) });
  // Unreachable for a parsed case and a compiled ruleset; kept so a future evaluate() error is
  // reported rather than thrown.
  if (!evaluation.ok) return { status: "error", findings: evaluation.findings };
  const failures = checkExpectations(expectations, evaluation.plan);
  return failures.length === 0
    ? { status: "passed", plan: evaluation.plan }
    : { status: "failed", plan: evaluation.plan, failures };
}

/**
 * Evaluates the case's incident at its moment and checks the plan against its expectations.
 * `ruleset` is raw JSON or a compiled ruleset. Never throws: an invalid ruleset or test case gives
 * `status: "error"` with findings.
 */
export function runTestCase(
  ruleset: unknown,
  testCase: unknown,
  options: TestCaseOptions = {},
): TestCaseResult {
  return runWithCompiled(compileRuleset(ruleset), testCase, options);
}

/** Runs every case against one compilation of the ruleset; results keep the cases' order. */
export function runTestCases(
  ruleset: unknown,
  testCases: readonly unknown[],
  options: TestCaseOptions = {},
): TestRun {
  const compiled = compileRuleset(ruleset);
  // Checked once for every case; a bad list is left for each evaluation to report.
  const region = options.agencies === undefined ? undefined : prepareAgencies(options.agencies);
  const prepared = region?.ok === true ? { agencies: region.agencies } : options;
  const results = testCases.map((testCase) => runWithCompiled(compiled, testCase, prepared));
  const count = (status: TestCaseResult["status"]) =>
    results.filter((result) => result.status === status).length;
  return { results, passed: count("passed"), failed: count("failed"), errors: count("error") };
}
