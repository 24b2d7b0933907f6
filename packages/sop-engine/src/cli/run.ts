import { evaluate } from "../evaluate.ts";
import { nationalTemplate } from "../template/national.ts";
import { runTestCases } from "../test-cases.ts";
import type { Finding, FindingDocument } from "../findings.ts";
import { validateRuleset } from "../validate/index.ts";

/** The I/O the CLI needs, passed in so the commands stay testable without files or a clock. */
export interface CliIo {
  /** Returns the file's text; throws when it cannot be read. */
  readonly readFile: (path: string) => string;
  readonly now: () => Date;
}

export interface CliOutcome {
  /** 0: valid; 1: the input is invalid (findings printed); 2: wrong usage or unreadable file. */
  readonly exitCode: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
}

export const usage = `Usage:
  sop validate RULESET.json [--context CONTEXT.json]
  sop evaluate RULESET.json INCIDENT.json [--at ISO-8601] [--explain]
  sop test RULESET.json TESTCASES.json   (TESTCASES.json: a JSON array of test cases)
  sop template            (prints the national default SOP to start a region's ruleset from)

Prints JSON. Exit status: 0 valid, 1 invalid input (see findings) or a failing test case,
2 usage or file error.
`;

// An instant needs an explicit offset; otherwise the plan would depend on the machine's zone.
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

class UsageError extends Error {}

interface ParsedArgs {
  readonly positional: readonly string[];
  readonly options: ReadonlyMap<string, string | true>;
}

function parseArgs(
  args: readonly string[],
  valued: readonly string[],
  flags: readonly string[],
): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? "";
    if (valued.includes(arg)) {
      const value = args[index + 1];
      if (value === undefined) throw new UsageError(`${arg} needs a value.`);
      options.set(arg, value);
      index++;
    } else if (flags.includes(arg)) options.set(arg, true);
    else if (arg.startsWith("--")) throw new UsageError(`Unknown option ${arg}.`);
    else positional.push(arg);
  }
  return { positional, options };
}

function print(value: unknown, exitCode: 0 | 1): CliOutcome {
  return { exitCode, stdout: `${JSON.stringify(value, null, 2)}\n`, stderr: "" };
}

type Loaded =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly finding: Finding };

function loadJson(io: CliIo, path: string, document: FindingDocument): Loaded {
  let text: string;
  try {
    text = io.readFile(path);
  } catch {
    throw new UsageError(`Cannot read ${path}.`);
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : "not JSON";
    return {
      ok: false,
      finding: {
        level: "error",
        code: "invalid_json",
        document,
        path: "$",
        message: `${path}: ${reason}`,
      },
    };
  }
}

function runValidate(args: readonly string[], io: CliIo): CliOutcome {
  const { positional, options } = parseArgs(args, ["--context"], []);
  const [rulesetPath] = positional;
  if (rulesetPath === undefined || positional.length !== 1)
    throw new UsageError("validate takes one ruleset file.");
  const contextPath = options.get("--context");
  const ruleset = loadJson(io, rulesetPath, "ruleset");
  const context =
    typeof contextPath === "string"
      ? loadJson(io, contextPath, "context")
      : ({ ok: true, value: {} } as const);
  const unreadable = [ruleset, context].flatMap((loaded) => (loaded.ok ? [] : [loaded.finding]));
  if (!ruleset.ok || !context.ok) return print({ ok: false, findings: unreadable }, 1);
  const result = validateRuleset(ruleset.value, context.value);
  return print(result, result.ok ? 0 : 1);
}

function runEvaluate(args: readonly string[], io: CliIo): CliOutcome {
  const { positional, options } = parseArgs(args, ["--at"], ["--explain"]);
  const [rulesetPath, incidentPath] = positional;
  if (rulesetPath === undefined || incidentPath === undefined || positional.length !== 2) {
    throw new UsageError("evaluate takes a ruleset file and an incident file.");
  }
  const at = options.get("--at");
  if (typeof at === "string" && (!isoInstant.test(at) || Number.isNaN(Date.parse(at)))) {
    throw new UsageError(
      `--at needs an ISO-8601 instant with an offset, e.g. 2025-08-17T21:30:00+07:00; got "${at}".`,
    );
  }
  const now = typeof at === "string" ? new Date(at) : io.now();
  const ruleset = loadJson(io, rulesetPath, "ruleset");
  const incident = loadJson(io, incidentPath, "incident");
  const unreadable = [ruleset, incident].flatMap((loaded) => (loaded.ok ? [] : [loaded.finding]));
  if (!ruleset.ok || !incident.ok) return print({ ok: false, findings: unreadable }, 1);
  const result = evaluate(ruleset.value, incident.value, {
    now,
    explainNonMatches: options.has("--explain"),
  });
  return print(result, result.ok ? 0 : 1);
}

function runTest(args: readonly string[], io: CliIo): CliOutcome {
  const { positional } = parseArgs(args, [], []);
  const [rulesetPath, testCasesPath] = positional;
  if (rulesetPath === undefined || testCasesPath === undefined || positional.length !== 2) {
    throw new UsageError("test takes a ruleset file and a test case file.");
  }
  const ruleset = loadJson(io, rulesetPath, "ruleset");
  const testCases = loadJson(io, testCasesPath, "test_case");
  const unreadable = [ruleset, testCases].flatMap((loaded) => (loaded.ok ? [] : [loaded.finding]));
  if (!ruleset.ok || !testCases.ok) return print({ ok: false, findings: unreadable }, 1);
  if (!Array.isArray(testCases.value)) {
    const finding: Finding = {
      level: "error",
      code: "schema",
      document: "test_case",
      path: "$",
      message: `${testCasesPath}: expected a JSON array of test cases.`,
    };
    return print({ ok: false, findings: [finding] }, 1);
  }
  const run = runTestCases(ruleset.value, testCases.value);
  return print(run, run.failed === 0 && run.errors === 0 ? 0 : 1);
}

export function runCli(args: readonly string[], io: CliIo): CliOutcome {
  const [command, ...rest] = args;
  try {
    if (command === "validate") return runValidate(rest, io);
    if (command === "evaluate") return runEvaluate(rest, io);
    if (command === "test") return runTest(rest, io);
    if (command === "template" && rest.length === 0) return print(nationalTemplate, 0);
    if (command === "--help" || command === "help")
      return { exitCode: 0, stdout: usage, stderr: "" };
    throw new UsageError(
      command === undefined ? "Missing command." : `Unknown command "${command}".`,
    );
  } catch (error) {
    if (error instanceof UsageError)
      return { exitCode: 2, stdout: "", stderr: `${error.message}\n\n${usage}` };
    throw error;
  }
}
