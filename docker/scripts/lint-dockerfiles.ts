// Lints the Dockerfiles beside compose.yaml. CI has no Docker engine, so nothing here builds an
// image. Two layers:
//  - dockerfile-utils (the validator behind the VS Code Dockerfile support) reports what
//    `docker build` would reject while parsing: bad flags, instructions, durations, JSON forms;
//  - the project's own rules below, which no offline linter knows: the images must run as a
//    non-root user, on the Node major and pnpm version the repository pins, with signals reaching
//    Node, and the build context must not carry node_modules or .env files.
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { DockerfileParser, type Dockerfile, type Instruction } from "dockerfile-ast";
import { validate } from "dockerfile-utils";

interface Problem {
  file: string;
  line: number;
  message: string;
}

const dockerDir = join(import.meta.dirname, "..");
const repoRoot = join(dockerDir, "..");

interface RootPackage {
  packageManager: string;
  engines: { node: string };
}
const rootPackage = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as RootPackage;
const pnpmVersion = rootPackage.packageManager.replace(/^pnpm@/, "");
const nodeMajor = /\d+/.exec(rootPackage.engines.node)?.[0] ?? "";

/** The default value of a global ARG (declared before the first FROM), if any. */
function initialArg(dockerfile: Dockerfile, name: string): string | undefined {
  for (const arg of dockerfile.getInitialARGs()) {
    const property = arg.getProperty();
    if (property?.getName() === name) return property.getValue() ?? undefined;
  }
  return undefined;
}

function argDefault(dockerfile: Dockerfile, name: string): string | undefined {
  for (const arg of dockerfile.getARGs()) {
    const property = arg.getProperty();
    if (property?.getName() === name) return property.getValue() ?? undefined;
  }
  return undefined;
}

function checkProjectRules(dockerfile: Dockerfile, file: string): Problem[] {
  const problems: Problem[] = [];
  const at = (instruction: Instruction | undefined, message: string) => {
    problems.push({ file, line: (instruction?.getRange().start.line ?? 0) + 1, message });
  };

  // Pins the Dockerfile frontend to its stable 1.x line, so every builder reads these files alike.
  const syntax = dockerfile.getDirectives().find((directive) => directive.getName() === "syntax");
  if (!syntax?.getValue().startsWith("docker/dockerfile:1")) {
    problems.push({ file, line: 1, message: "first line must be `# syntax=docker/dockerfile:1`" });
  }

  const froms = dockerfile.getFROMs();
  const stages = new Set<string>();
  for (const from of froms) {
    const image = from.getImage() ?? "";
    const variable = /^\$\{?(\w+)\}?$/.exec(image)?.[1];
    const resolved = variable === undefined ? image : initialArg(dockerfile, variable);
    if (!stages.has(image)) {
      if (resolved === undefined) {
        at(from, `base image ${image} has no default; declare it with ARG before the first FROM`);
      } else {
        const tag = /:([^/@]+)$/.exec(resolved)?.[1];
        if (!tag || tag === "latest")
          at(from, `base image ${resolved} needs an explicit version tag`);
        if (
          resolved.startsWith("node:") &&
          !tag?.startsWith(`${nodeMajor}-`) &&
          tag !== nodeMajor
        ) {
          at(
            from,
            `base image ${resolved} must be Node ${nodeMajor}, as engines.node in package.json`,
          );
        }
      }
    }
    const stage = from.getBuildStage();
    if (stage) stages.add(stage);
  }

  const declaredPnpm = argDefault(dockerfile, "PNPM_VERSION");
  if (declaredPnpm !== undefined && declaredPnpm !== pnpmVersion) {
    problems.push({
      file,
      line: 1,
      message: `PNPM_VERSION ${declaredPnpm} differs from packageManager pnpm@${pnpmVersion}`,
    });
  }

  // The image that runs is the last stage; only its instructions matter for the runtime rules.
  const lastFrom = froms.at(-1);
  const finalStart = lastFrom?.getRange().start.line ?? 0;
  const finalStage = dockerfile
    .getInstructions()
    .filter((instruction) => instruction.getRange().start.line >= finalStart);
  const users = finalStage.filter((instruction) => instruction.getKeyword() === "USER");
  const user = users.at(-1)?.getArgumentsContent()?.trim().split(":")[0];
  if (user === undefined || user === "root" || user === "0") {
    at(users.at(-1) ?? lastFrom, "the final stage must switch to a non-root USER");
  }
  const cmd = finalStage.filter((instruction) => instruction.getKeyword() === "CMD").at(-1);
  if (!cmd) {
    at(lastFrom, "the final stage needs a CMD");
  } else if (!cmd.getArgumentsContent()?.trim().startsWith("[")) {
    // Shell form puts /bin/sh in front of Node, and sh does not pass SIGTERM on.
    at(cmd, "CMD must use the JSON (exec) form so that Node receives SIGTERM");
  }
  return problems;
}

function checkDockerignore(): Problem[] {
  const file = ".dockerignore";
  const lines = readFileSync(join(repoRoot, file), "utf8")
    .split("\n")
    .map((line) => line.trim());
  // Host node_modules would clash with the install inside the image, and .env files hold secrets
  // that must never land in a layer.
  return ["**/node_modules", "**/.env", ".git"]
    .filter((pattern) => !lines.includes(pattern))
    .map((pattern) => ({
      file,
      line: 1,
      message: `must exclude ${pattern} from the build context`,
    }));
}

/** Instructions before the final FROM, without comments or line continuations. */
function buildStages(content: string): string[] {
  const dockerfile = DockerfileParser.parse(content);
  const finalStart = dockerfile.getFROMs().at(-1)?.getRange().start.line ?? 0;
  return dockerfile
    .getInstructions()
    .filter((instruction) => instruction.getRange().start.line < finalStart)
    .map((instruction) => `${instruction.getKeyword()} ${instruction.getArgumentsContent() ?? ""}`);
}

/** The worker image promises to share every build stage with the API image (and so its cache). */
function checkSharedStages(): Problem[] {
  const read = (name: string) => readFileSync(join(dockerDir, name), "utf8");
  const api = buildStages(read("api.Dockerfile"));
  const worker = buildStages(read("worker.Dockerfile"));
  if (JSON.stringify(api) === JSON.stringify(worker)) return [];
  return [
    {
      file: "docker/worker.Dockerfile",
      line: 1,
      message: "the stages before `runtime` must match api.Dockerfile instruction for instruction",
    },
  ];
}

const dockerfiles = readdirSync(dockerDir)
  .filter((name) => name.endsWith(".Dockerfile"))
  .sort();
const problems: Problem[] = [...checkDockerignore(), ...checkSharedStages()];
for (const name of dockerfiles) {
  const path = join(dockerDir, name);
  const file = relative(repoRoot, path);
  const content = readFileSync(path, "utf8");
  // Every finding fails the lint, warnings included: there are few and each is cheap to fix.
  for (const diagnostic of validate(content)) {
    const message =
      typeof diagnostic.message === "string" ? diagnostic.message : diagnostic.message.value;
    problems.push({ file, line: diagnostic.range.start.line + 1, message });
  }
  problems.push(...checkProjectRules(DockerfileParser.parse(content), file));
}

for (const problem of problems)
  console.error(`${problem.file}:${problem.line}  ${problem.message}`);
if (dockerfiles.length === 0) {
  console.error("no *.Dockerfile found in docker/");
  process.exitCode = 1;
} else if (problems.length > 0) {
  console.error(`${problems.length} problem(s) in ${dockerfiles.length} Dockerfile(s)`);
  process.exitCode = 1;
} else {
  console.log(`${dockerfiles.length} Dockerfiles checked (${dockerfiles.join(", ")}): no problems`);
}
