import type { CompiledRuleset } from "../compile.ts";
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

export function rulesetFinding(
  level: FindingLevel,
  code: FindingCode,
  path: readonly PathSegment[],
  message: string,
  ruleId?: string,
): Finding {
  return {
    level,
    code,
    document: "ruleset",
    path: formatPath(path),
    message,
    ...(ruleId === undefined ? {} : { ruleId }),
  };
}
