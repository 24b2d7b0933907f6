import type { inferRouterInputs } from "@trpc/server";
import type { AppRouter, RouterOutputs } from "#lib/api/client.ts";

export type Workspace = RouterOutputs["sop"]["workspace"];
export type District = Workspace["districts"][number];
export type TenantAgency = NonNullable<Workspace["context"]["agencies"]>[number];

export type Simulation = RouterOutputs["sop"]["simulate"];
/** One side's evaluation: a plan with its trace, or the findings that stopped it. */
export type Evaluation = NonNullable<Simulation["draft"]>;
export type PlannedEvaluation = Extract<Evaluation, { ok: true }>;
export type Plan = PlannedEvaluation["plan"];
export type Trace = PlannedEvaluation["trace"];
export type Finding = Evaluation["findings"][number];
export type PlanDiff = Simulation["diff"];

export type StoredTestCase = RouterOutputs["sop"]["testCases"]["list"][number];
export type TestCaseResult = NonNullable<StoredTestCase["result"]>;
/** A test case as `create` and `update` take it. */
export type TestCaseInput = inferRouterInputs<AppRouter>["sop"]["testCases"]["create"]["testCase"];
export type IncidentInput = TestCaseInput["incident"];
export type Expectations = TestCaseInput["expect"];
