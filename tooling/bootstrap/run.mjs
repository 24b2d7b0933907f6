#!/usr/bin/env node
// Entry point for `npm start`, `npm test`, `npm run bench` and `npm run calls` on any machine with npm.
//
// It must run on whatever Node the machine ships (a fresh machine has Node 20), so it is plain
// JavaScript with no dependencies. When the running Node is older than the project needs, it
// fetches Node 24 LTS and pnpm from the npm registry into the git-ignored `.toolchain/` folder and
// hands over to them; everything after that runs on the project's own toolchain.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const toolchainDir = join(root, ".toolchain");
const rootPackage = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const requiredNodeMajor = Number(rootPackage.engines.node.match(/\d+/)[0]);
const pnpmVersion = rootPackage.packageManager.replace(/^pnpm@/, "");

const commands = {
  start: ["tooling/dev/src/start.ts"],
  test: ["tooling/dev/src/test.ts"],
  bench: ["tooling/dev/src/bench.ts"],
  calls: ["tooling/dev/src/calls.ts"],
};

function log(message) {
  process.stdout.write(`[sigap] ${message}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", cwd: root, ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Installs the exact toolchain versions pinned in package.json unless they are already there. */
function ensureToolchain() {
  const nodePackage = `node-${process.platform}-${process.arch}`;
  const wanted = { [nodePackage]: `^${requiredNodeMajor}`, pnpm: pnpmVersion };
  const stampPath = join(toolchainDir, "stamp.json");
  const stamp = JSON.stringify(wanted);
  const nodeBinary = join(toolchainDir, "node_modules", nodePackage, "bin", "node");
  const pnpmEntry = join(toolchainDir, "node_modules", "pnpm", "bin", "pnpm.mjs");
  const installed =
    existsSync(stampPath) && readFileSync(stampPath, "utf8") === stamp && existsSync(nodeBinary);

  const needsNode = Number(process.versions.node.split(".")[0]) < requiredNodeMajor;
  if (!installed) {
    log(
      `fetching ${needsNode ? `Node ${requiredNodeMajor} and ` : ""}pnpm ${pnpmVersion} into .toolchain/ (once)`,
    );
    mkdirSync(toolchainDir, { recursive: true });
    writeFileSync(join(toolchainDir, "package.json"), '{ "private": true }\n');
    const specs = Object.entries(wanted).map(([name, range]) => `${name}@${range}`);
    run("npm", [
      "install",
      "--no-save",
      "--no-audit",
      "--no-fund",
      "--ignore-scripts",
      "--loglevel=error",
      "--prefix",
      toolchainDir,
      ...specs,
    ]);
    writeFileSync(stampPath, stamp);
  }
  return { node: needsNode ? nodeBinary : process.execPath, pnpmEntry };
}

const [commandName = "start", ...rest] = process.argv.slice(2);
const script = commands[commandName];
if (!script) {
  console.error(
    `Unknown command "${commandName}". Use one of: ${Object.keys(commands).join(", ")}.`,
  );
  process.exit(2);
}

const { node, pnpmEntry } = ensureToolchain();
// Children (pnpm, turbo, vitest, the servers) find the project's node and pnpm first on PATH.
const binDir = join(toolchainDir, "bin");
mkdirSync(binDir, { recursive: true });
writeFileSync(join(binDir, "pnpm"), `#!/bin/sh\nexec "${node}" "${pnpmEntry}" "$@"\n`, {
  mode: 0o755,
});
writeFileSync(join(binDir, "node"), `#!/bin/sh\nexec "${node}" "$@"\n`, { mode: 0o755 });
const env = { ...process.env, PATH: `${binDir}:${process.env.PATH}`, npm_config_loglevel: "error" };

run(
  join(binDir, "pnpm"),
  ["install", "--frozen-lockfile", "--prefer-offline", "--reporter=append-only"],
  { env },
);
// This process only passes signals on and leaves with the task's exit code. `start` runs in its own
// process group: a Ctrl-C in the terminal then reaches only us, and `start` stops the servers
// before Postgres instead of every process getting the signal at once.
const task = spawn(node, [...script, ...rest], {
  stdio: "inherit",
  cwd: root,
  env,
  detached: commandName === "start",
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => task.kill(signal));
task.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
