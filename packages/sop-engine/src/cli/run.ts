import { coverageMatrix } from "../coverage.ts";
import { evaluate } from "../evaluate.ts";
import type { RegionAgency } from "../schema/context.ts";
import { nationalTemplate } from "../template/national.ts";
import { runTestCases } from "../test-cases.ts";
import { hasErrors, type Finding, type FindingDocument } from "../findings.ts";
import { momentMessage, parseMoment } from "../moment.ts";
import { coverageFindingCodes } from "../validate/coverage.ts";
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
  sop evaluate RULESET.json INCIDENT.json [--at ISO-8601] [--explain] [--context CONTEXT.json]
  sop test RULESET.json TESTCASES.json [--context CONTEXT.json]   (a JSON array of test cases)
  sop coverage RULESET.json --context CONTEXT.json
                          (which agencies the P1/P2 incident types get in the region, and the gaps)
  sop template            (prints the national default SOP to start a region's ruleset from)

Prints JSON. Exit status: 0 valid, 1 invalid input (see findings) or a failing test case,
2 usage or file error. coverage exits 1 when an agency sent as primary to a P1 type reaches
nobody (no active agency, no fallback) or an agency is named wrongly.
`;

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
  // Windows editors save UTF-8 with a byte-order mark, which JSON.parse reports as an unexpected
  // character that nobody can see; it says nothing about the content, so it is dropped.
  if (text.startsWith("\uFEFF")) text = text.slice(1);
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
        params: { file: path },
      },
    };
  }
}

/**
 * The context's agencies, which resolve each plan line to the region's own agencies. Passed as
 * read: the engine checks them and names any bad field.
 */
function regionOf(context: unknown): { agencies?: readonly RegionAgency[] } {
  const { agencies } = (typeof context === "object" && context !== null ? context : {}) as {
    agencies?: readonly RegionAgency[];
  };
  return agencies === undefined ? {} : { agencies };
}

/** The `--context` file, or an empty context without one. */
function loadContext(io: CliIo, options: ParsedArgs["options"]): Loaded {
  const contextPath = options.get("--context");
  return typeof contextPath === "string"
    ? loadJson(io, contextPath, "context")
    : { ok: true, value: {} };
}

/** The ruleset and `--context` files, or the outcome naming those that are not JSON. */
function loadRulesetAndContext(
  io: CliIo,
  rulesetPath: string,
  options: ParsedArgs["options"],
): { readonly ruleset: unknown; readonly context: unknown } | CliOutcome {
  const ruleset = loadJson(io, rulesetPath, "ruleset");
  const context = loadContext(io, options);
  if (ruleset.ok && context.ok) return { ruleset: ruleset.value, context: context.value };
  const unreadable = [ruleset, context].flatMap((loaded) => (loaded.ok ? [] : [loaded.finding]));
  return print({ ok: false, findings: unreadable }, 1);
}

function runValidate(args: readonly string[], io: CliIo): CliOutcome {
  const { positional, options } = parseArgs(args, ["--context"], []);
  const [rulesetPath] = positional;
  if (rulesetPath === undefined || positional.length !== 1)
    throw new UsageError("validate takes one ruleset file.");
  const loaded = loadRulesetAndContext(io, rulesetPath, options);
  if ("exitCode" in loaded) return loaded;
  const result = validateRuleset(loaded.ruleset, loaded.context);
  return print(result, result.ok ? 0 : 1);
}

// The moment needs an explicit offset; otherwise the plan would depend on the machine's zone.
function momentOption(at: string | true | undefined, io: CliIo): Date {
  if (typeof at !== "string") return io.now();
  const moment = parseMoment(at);
  if (!moment.ok) throw new UsageError(`${momentMessage("--at", moment)} Got "${at}".`);
  return moment.date;
}

function runEvaluate(args: readonly string[], io: CliIo): CliOutcome {
  const { positional, options } = parseArgs(args, ["--at", "--context"], ["--explain"]);
  const [rulesetPath, incidentPath] = positional;
  if (rulesetPath === undefined || incidentPath === undefined || positional.length !== 2) {
    throw new UsageError("evaluate takes a ruleset file and an incident file.");
  }
  const now = momentOption(options.get("--at"), io);
  const ruleset = loadJson(io, rulesetPath, "ruleset");
  const incident = loadJson(io, incidentPath, "incident");
  const context = loadContext(io, options);
  const loaded = [ruleset, incident, context];
  const unreadable = loaded.flatMap((file) => (file.ok ? [] : [file.finding]));
  if (!ruleset.ok || !incident.ok || !context.ok)
    return print({ ok: false, findings: unreadable }, 1);
  const result = evaluate(ruleset.value, incident.value, {
    now,
    explainNonMatches: options.has("--explain"),
    ...regionOf(context.value),
  });
  return print(result, result.ok ? 0 : 1);
}

function runTest(args: readonly string[], io: CliIo): CliOutcome {
  const { positional, options } = parseArgs(args, ["--context"], []);
  const [rulesetPath, testCasesPath] = positional;
  if (rulesetPath === undefined || testCasesPath === undefined || positional.length !== 2) {
    throw new UsageError("test takes a ruleset file and a test case file.");
  }
  const ruleset = loadJson(io, rulesetPath, "ruleset");
  const testCases = loadJson(io, testCasesPath, "test_case");
  const context = loadContext(io, options);
  const unreadable = [ruleset, testCases, context].flatMap((file) =>
    file.ok ? [] : [file.finding],
  );
  if (!ruleset.ok || !testCases.ok || !context.ok)
    return print({ ok: false, findings: unreadable }, 1);
  if (!Array.isArray(testCases.value)) {
    const finding: Finding = {
      level: "error",
      code: "schema",
      document: "test_case",
      path: "$",
      message: `${testCasesPath}: expected a JSON array of test cases.`,
      params: { issue: "invalid_type", expected: "array" },
    };
    return print({ ok: false, findings: [finding] }, 1);
  }
  const run = runTestCases(ruleset.value, testCases.value, regionOf(context.value));
  return print(run, run.failed === 0 && run.errors === 0 ? 0 : 1);
}

function runCoverage(args: readonly string[], io: CliIo): CliOutcome {
  const { positional, options } = parseArgs(args, ["--context"], []);
  const [rulesetPath] = positional;
  if (rulesetPath === undefined || positional.length !== 1 || !options.has("--context")) {
    throw new UsageError("coverage takes a ruleset file and --context with the region's agencies.");
  }
  const loaded = loadRulesetAndContext(io, rulesetPath, options);
  if ("exitCode" in loaded) return loaded;
  const result = coverageMatrix(loaded.ruleset, loaded.context);
  if (!result.ok) return print(result, 1);
  const findings = validateRuleset(loaded.ruleset, loaded.context).findings.filter(
    (finding) => finding.document === "context" || coverageFindingCodes.has(finding.code),
  );
  const ok = result.matrix.uncoveredP1.length === 0 && !hasErrors(findings);
  return print({ ok, matrix: result.matrix, findings }, ok ? 0 : 1);
}

export function runCli(args: readonly string[], io: CliIo): CliOutcome {
  const [command, ...rest] = args;
  try {
    if (command === "validate") return runValidate(rest, io);
    if (command === "evaluate") return runEvaluate(rest, io);
    if (command === "test") return runTest(rest, io);
    if (command === "coverage") return runCoverage(rest, io);
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
