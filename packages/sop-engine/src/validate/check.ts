import type { CompiledRuleset } from "../compile.ts";
import type { FindingParams } from "../finding-params.ts";
import {
  formatPath,
  type Finding,
  type FindingCode,
  type FindingLevel,
  type PathSegment,
} from "../findings.ts";
import type { ParsedValidationContext } from "../schema/context.ts";

/** What every validation check reads: the compiled ruleset and what is known about the tenant. */
export interface CheckInput {
  readonly compiled: CompiledRuleset;
  readonly context: ParsedValidationContext;
}

export type Check = (input: CheckInput) => Finding[];

export function rulesetFinding<C extends FindingCode>(
  level: FindingLevel,
  code: C,
  path: readonly PathSegment[],
  message: string,
  params: FindingParams[C],
  ruleId?: string,
): Finding<C> {
  return {
    level,
    code,
    document: "ruleset",
    path: formatPath(path),
    message,
    params,
    ...(ruleId === undefined ? {} : { ruleId }),
  };
}
