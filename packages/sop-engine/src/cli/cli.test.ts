import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { nationalTemplate } from "../template/national.ts";
import { runCli, type CliIo } from "./run.ts";

const files: Record<string, string> = {
  "template.json": JSON.stringify(nationalTemplate),
  // As Notepad saves UTF-8, and as readFileSync(path, "utf8") returns it: the mark stays in the text.
  "bom-template.json": `\uFEFF${JSON.stringify(nationalTemplate)}`,
  "bom-fire.json": `\uFEFF${JSON.stringify({ type: "fire", casualties: 1 })}`,
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
  "fire-only.json": JSON.stringify({
    ...nationalTemplate,
    rules: [
      {
        id: "fire.base",
        name: "Kebakaran",
        when: { types: ["fire.*"] },
        then: { priority: "P1", agencies: [{ agencyType: "damkar", role: "primary" }] },
      },
    ],
  }),
  "no-agencies.json": JSON.stringify({ agencies: [], kecamatanCodes: ["35.15.01"] }),
  "damkar-region.json": JSON.stringify({
    agencies: [{ id: "damkar-1", type: "damkar" }],
    kecamatanCodes: ["35.15.01"],
  }),
  "typo-region.json": JSON.stringify({ agencies: [{ id: "damkar-1", type: "damkr" }] }),
  "agencies.json": JSON.stringify({
    agencies: [{ id: "damkar-1", type: "damkar", name: "Damkar Kabupaten" }],
  }),
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
  it("names the lead and resolves the plan to the agencies of a --context", () => {
    const outcome = runCli(
      ["evaluate", "template.json", "fire.json", "--context", "agencies.json"],
      io,
    );
    expect(outcome.exitCode).toBe(0);
    const { plan } = json(outcome.stdout) as {
      plan: { lead: { key: string }; agencies: { key: string; resolution: unknown }[] };
    };
    expect(plan.agencies.find((agency) => agency.key === plan.lead.key)).toBeDefined();
    expect(plan.agencies.find((agency) => agency.key === "type:damkar")?.resolution).toEqual({
      kind: "agencies",
      agencies: [{ id: "damkar-1", name: "Damkar Kabupaten" }],
    });
  });

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

  it("exits 2 for a moment the calendar or the clock does not have, naming --at and why", () => {
    for (const [at, why] of [
      ["2025-02-30T22:30:00+07:00", "2025-02-30 is not a day of the calendar"],
      ["2025-02-29T10:00:00+07:00", "2025-02-29 is not a day of the calendar"],
      ["2025-08-17T24:00:00+07:00", "24:00 is not a time of day; write 00:00 of the next day"],
      ["2025-08-17T24:00+07:00", "24:00 is not a time of day; write 00:00 of the next day"],
      ["2025-08-17T21:30:00+15:00", "+15:00 is not an offset"],
    ] as const) {
      const outcome = runCli(["evaluate", "template.json", "fire.json", "--at", at], io);
      expect(outcome.exitCode, at).toBe(2);
      expect(outcome.stdout).toBe("");
      expect(outcome.stderr).toContain(
        `--at must be an ISO-8601 date and time with an offset, e.g. 2025-08-17T21:30:00+07:00; ${why}`,
      );
      expect(outcome.stderr).toContain(`Got "${at}".`);
    }
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

describe("a file that starts with a byte-order mark", () => {
  it("reads as the same file without the mark", () => {
    const validated = runCli(["validate", "bom-template.json"], io);
    expect(validated).toEqual(runCli(["validate", "template.json"], io));
    const at = ["--at", "2025-08-17T21:30:00+07:00"];
    const evaluated = runCli(["evaluate", "bom-template.json", "bom-fire.json", ...at], io);
    expect(evaluated).toEqual(runCli(["evaluate", "template.json", "fire.json", ...at], io));
    expect(json(evaluated.stdout)).toMatchObject({ ok: true, plan: { priority: "P1" } });
  });
});

describe("sop test", () => {
  it("shows each case's plan resolved to the agencies of a --context", () => {
    const outcome = runCli(
      ["test", "template.json", "cases.json", "--context", "agencies.json"],
      io,
    );
    expect(outcome.exitCode).toBe(0);
    const { results } = json(outcome.stdout) as {
      results: { plan: { agencies: { key: string; resolution: { kind: string } }[] } }[];
    };
    const agencies = results[0]?.plan.agencies ?? [];
    expect(agencies.find((agency) => agency.key === "type:damkar")?.resolution.kind).toBe(
      "agencies",
    );
    // The region has no PSC 119: the national template names the ambulance number instead.
    expect(agencies.find((agency) => agency.key === "type:psc119")?.resolution.kind).toBe(
      "fallback",
    );
  });

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

describe("sop coverage", () => {
  type Printed = {
    ok: boolean;
    matrix?: {
      uncoveredP1: string[];
      rows: { type: string; agencies: { key: string; state: string }[] }[];
    };
    findings: { level: string; code: string; document: string; message: string }[];
  };

  it("prints the matrix and exits 1 while a P1 type's primary agency reaches nobody", () => {
    const outcome = runCli(["coverage", "fire-only.json", "--context", "no-agencies.json"], io);
    expect(outcome.exitCode).toBe(1);
    const printed = json(outcome.stdout) as Printed;
    expect(printed.ok).toBe(false);
    expect(printed.matrix?.uncoveredP1).toEqual(["fire"]);
    expect(printed.matrix?.rows[0]).toMatchObject({
      type: "fire",
      agencies: [{ key: "type:damkar", state: "uncovered" }],
    });
    expect(printed.findings.map((finding) => [finding.level, finding.code])).toEqual([
      ["error", "uncovered_agency"],
    ]);
  });

  it("exits 0 once the region has the agency, or for the template through its fallbacks", () => {
    const covered = runCli(["coverage", "fire-only.json", "--context", "damkar-region.json"], io);
    expect(covered.exitCode).toBe(0);
    expect(json(covered.stdout)).toMatchObject({
      ok: true,
      matrix: { uncoveredP1: [] },
      findings: [],
    });
    const template = runCli(["coverage", "template.json", "--context", "no-agencies.json"], io);
    expect(template.exitCode).toBe(0);
    const printed = json(template.stdout) as Printed;
    expect(printed.findings.every((finding) => finding.level === "warning")).toBe(true);
    expect(printed.matrix?.rows[0]?.agencies[0]).toMatchObject({
      key: "type:damkar",
      state: "fallback",
    });
  });

  it("exits 1 with a 'did you mean' for an agency type the context misspells", () => {
    const outcome = runCli(["coverage", "template.json", "--context", "typo-region.json"], io);
    expect(outcome.exitCode).toBe(1);
    expect((json(outcome.stdout) as Printed).findings).toContainEqual(
      expect.objectContaining({
        level: "error",
        code: "unknown_agency_type",
        document: "context",
        message: expect.stringContaining('did you mean "damkar"?') as unknown,
      }),
    );
  });

  it("exits 1 with findings for a file that is not JSON, 2 without a context or a readable file", () => {
    const broken = runCli(["coverage", "broken.json", "--context", "no-agencies.json"], io);
    expect(broken.exitCode).toBe(1);
    expect(json(broken.stdout).findings).toEqual([
      expect.objectContaining({ code: "invalid_json" }),
    ]);
    for (const args of [
      ["coverage", "template.json"],
      ["coverage", "--context", "no-agencies.json"],
      ["coverage", "missing.json", "--context", "no-agencies.json"],
      ["coverage", "template.json", "--context", "missing.json"],
    ]) {
      const outcome = runCli(args, io);
      expect(outcome.exitCode, args.join(" ")).toBe(2);
      expect(outcome.stderr).toContain("sop coverage RULESET.json --context CONTEXT.json");
    }
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

  it("prints the example region's coverage and exits 0", () => {
    const run = spawnSync(
      process.execPath,
      [cli, "coverage", example("ruleset.json"), "--context", example("context.json")],
      { encoding: "utf8" },
    );
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout) as { ok: boolean; matrix: { rows: unknown[] } };
    expect(printed.ok).toBe(true);
    expect(printed.matrix.rows[0]).toMatchObject({ type: "fire", state: "covered" });
  });

  it("starts with a shebang so it can be installed as a bin", () => {
    expect(readFileSync(cli, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });
});
