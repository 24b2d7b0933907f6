import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { nationalTemplate } from "../template/national.ts";
import { runCli, type CliIo } from "./run.ts";

const files: Record<string, string> = {
  "template.json": JSON.stringify(nationalTemplate),
  "fire.json": JSON.stringify({ type: "fire", casualties: 1 }),
  "broken.json": "{ not json",
  "bad-incident.json": JSON.stringify({ type: "fire", casualties: "many" }),
  "context.json": JSON.stringify({ timeZone: "Asia/Jayapura" }),
  "cases.json": JSON.stringify([
    {
      name: "fire with a casualty",
      incident: { type: "fire", casualties: 1 },
      at: "2025-06-02T10:00:00+07:00",
      expect: { priority: "P1", notify: [{ agencyType: "psc119", role: "primary" }] },
    },
  ]),
  "failing-cases.json": JSON.stringify([
    {
      name: "fire without casualties",
      incident: { type: "fire" },
      at: "2025-06-02T10:00:00+07:00",
      expect: { notify: [{ agencyType: "psc119" }] },
    },
    { name: "unfinished" },
  ]),
  "not-a-list.json": JSON.stringify({ name: "one case" }),
};

const io: CliIo = {
  readFile: (path) => {
    const text = files[path];
    if (text === undefined) throw new Error("ENOENT");
    return text;
  },
  now: () => new Date("2025-06-02T03:00:00Z"),
};

const json = (stdout: string): Record<string, unknown> =>
  JSON.parse(stdout) as Record<string, unknown>;

describe("sop validate", () => {
  it("prints the findings and exits 0 for a valid ruleset", () => {
    const outcome = runCli(["validate", "template.json"], io);
    expect(outcome.exitCode).toBe(0);
    expect(json(outcome.stdout)).toEqual({ ok: true, findings: [] });
  });

  it("exits 1 when the ruleset has errors, here against a context", () => {
    const outcome = runCli(["validate", "template.json", "--context", "context.json"], io);
    expect(outcome.exitCode).toBe(1);
    expect(json(outcome.stdout).findings).toEqual([
      expect.objectContaining({ code: "time_zone_mismatch" }),
    ]);
  });

  it("exits 1 with an invalid_json finding for a file that is not JSON", () => {
    const outcome = runCli(["validate", "broken.json"], io);
    expect(outcome.exitCode).toBe(1);
    expect(json(outcome.stdout).findings).toEqual([
      expect.objectContaining({ code: "invalid_json", document: "ruleset" }),
    ]);
  });
});

describe("sop evaluate", () => {
  it("prints the plan for the moment given with --at", () => {
    const outcome = runCli(
      ["evaluate", "template.json", "fire.json", "--at", "2025-08-17T21:30:00+07:00"],
      io,
    );
    expect(outcome.exitCode).toBe(0);
    const result = json(outcome.stdout) as {
      plan: { agencies: { key: string; ackDeadline: string }[] };
      trace: { at: string };
    };
    expect(result.trace.at).toBe("2025-08-17T14:30:00.000Z");
    expect(result.plan.agencies.map((a) => a.key)).toEqual(["type:damkar", "type:psc119"]);
  });

  it("uses the current time without --at, and explains non-matches with --explain", () => {
    const outcome = runCli(["evaluate", "template.json", "fire.json", "--explain"], io);
    const result = json(outcome.stdout) as { trace: { at: string; rules: unknown[] } };
    expect(result.trace.at).toBe("2025-06-02T03:00:00.000Z");
    expect(result.trace.rules).toHaveLength(nationalTemplate.rules.length);
  });

  it("exits 1 with findings for an invalid incident", () => {
    const outcome = runCli(["evaluate", "template.json", "bad-incident.json"], io);
    expect(outcome.exitCode).toBe(1);
    expect(json(outcome.stdout).findings).toEqual([
      expect.objectContaining({ document: "incident", path: "$.casualties" }),
    ]);
  });

  it("exits 2 on wrong usage: a time without an offset, missing files, unknown commands", () => {
    for (const args of [
      ["evaluate", "template.json", "fire.json", "--at", "2025-08-17T21:30:00"],
      ["evaluate", "template.json"],
      ["validate", "missing.json"],
      ["validate", "template.json", "--strict"],
      ["test", "template.json"],
      ["publish"],
      [],
    ]) {
      const outcome = runCli(args, io);
      expect(outcome.exitCode, args.join(" ")).toBe(2);
      expect(outcome.stderr).toContain("Usage:");
    }
  });
});

describe("sop test", () => {
  it("prints every result with the counts and exits 0 when all cases pass", () => {
    const outcome = runCli(["test", "template.json", "cases.json"], io);
    expect(outcome.exitCode).toBe(0);
    expect(json(outcome.stdout)).toMatchObject({
      results: [{ status: "passed" }],
      passed: 1,
      failed: 0,
      errors: 0,
    });
  });

  it("exits 1 when a case fails or is invalid", () => {
    const outcome = runCli(["test", "template.json", "failing-cases.json"], io);
    expect(outcome.exitCode).toBe(1);
    const run = json(outcome.stdout) as {
      results: { status: string; failures?: { path: string }[] }[];
    };
    expect(run.results.map((result) => result.status)).toEqual(["failed", "error"]);
    expect(run.results[0]?.failures?.map((failure) => failure.path)).toEqual([
      "$.expect.notify[0]",
    ]);
  });

  it("exits 1 with a finding when the file is not a list of test cases", () => {
    const outcome = runCli(["test", "template.json", "not-a-list.json"], io);
    expect(outcome.exitCode).toBe(1);
    expect(json(outcome.stdout).findings).toEqual([
      expect.objectContaining({ code: "schema", document: "test_case", path: "$" }),
    ]);
  });
});

describe("the sop executable", () => {
  const cli = fileURLToPath(new URL("../cli.ts", import.meta.url));
  const example = (name: string) =>
    fileURLToPath(new URL(`../../examples/${name}`, import.meta.url));

  it("runs on Node's type stripping and evaluates the README example", () => {
    const stdout = execFileSync(
      process.execPath,
      [
        cli,
        "evaluate",
        example("ruleset.json"),
        example("incident.json"),
        "--at",
        "2025-08-17T21:30:00+07:00",
      ],
      {
        encoding: "utf8",
      },
    );
    const result = JSON.parse(stdout) as { ok: boolean; plan: { priority: string } };
    expect(result).toMatchObject({ ok: true, plan: { priority: "P1" } });
  });

  it("runs the example test cases against the example ruleset", () => {
    const run = spawnSync(
      process.execPath,
      [cli, "test", example("ruleset.json"), example("test-cases.json")],
      { encoding: "utf8" },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ passed: 2, failed: 0, errors: 0 });
  });

  it("exits non-zero when validation finds errors", () => {
    const run = spawnSync(
      process.execPath,
      [cli, "validate", example("ruleset.json"), "--context", example("context.json")],
      { encoding: "utf8" },
    );
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false });
  });

  it("starts with a shebang so it can be installed as a bin", () => {
    expect(readFileSync(cli, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });
});
