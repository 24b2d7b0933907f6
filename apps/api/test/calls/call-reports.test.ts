import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { TestTenant } from "@sigap/tenancy/testing";
import { testClient } from "../client.ts";
import { useTestApi, useTestRecords } from "../harness.ts";
import { createTestPerson } from "../people.ts";
import { arrangeTrunk, postTelephony, telephonyEvent } from "../telephony/fixture.ts";

// The supervisor's wallboard and reports: how fast and how the region answers, from the calls
// themselves, in the region's own day.

const { api, database } = useTestApi();
const { owner } = database;
const records = useTestRecords(owner);

async function client(tenant: TestTenant, role: "supervisor" | "operator") {
  const person = await createTestPerson(owner, {
    memberships: [{ tenantId: tenant.id, role }],
    signedIn: true,
  });
  records.people.push(person);
  const api_ = testClient(api.url, { cookie: person.cookie });
  return {
    person,
    call: (type: "query" | "mutation", path: string, input: Record<string, unknown> = {}) =>
      api_.call(type, path, { tenantSlug: tenant.slug, ...input }),
  };
}

type Region = Awaited<ReturnType<typeof arrangeTrunk>>;

/**
 * One call offered 30 seconds ago (close to now, so it falls in the region's today), answered
 * after `answerAfter` seconds at `seat` or abandoned (null), ended `talk` seconds later unless `talk` is null.
 */
async function call(
  region: Region,
  answerAfter: number | null,
  options: { seat?: string; talk?: number | null } = {},
): Promise<string> {
  const externalId = randomUUID();
  const offeredAt = Date.now() - 30_000;
  const at = (seconds: number) => ({
    occurredAt: new Date(offeredAt + seconds * 1000).toISOString(),
  });
  const talk = options.talk === undefined ? 3 : options.talk;
  const events = [
    telephonyEvent(region.did, externalId, "call.offered", 0, at(0)),
    ...(answerAfter === null
      ? [telephonyEvent(region.did, externalId, "call.abandoned", 0, at(8))]
      : [
          telephonyEvent(region.did, externalId, "call.answered", 0, {
            ...at(answerAfter),
            seat: options.seat ?? "meja-9",
          }),
          ...(talk === null
            ? []
            : [telephonyEvent(region.did, externalId, "call.ended", 0, at(answerAfter + talk))]),
        ]),
  ];
  expect((await postTelephony(api.url, { events }, region.secret)).status).toBe(200);
  const [row] = await owner.sql<
    { id: string }[]
  >`select id from calls where tenant_id = ${region.tenant.id} and external_call_id = ${externalId}`;
  if (!row) throw new Error("call not recorded");
  return row.id;
}

describe("the wallboard", () => {
  it("counts today's calls: answered within 10 and 15 seconds, the median answer, abandoned calls and the classification mix", async () => {
    const region = await arrangeTrunk(api.url, owner, records);
    const supervisor = await client(region.tenant, "supervisor");
    const operator = await client(region.tenant, "operator");
    await operator.call("mutation", "callDesk.takeSeat", { seat: "meja-9" });
    // Sat down before the calls below rang (they ring in the past, to fall in the region's today).
    await owner.sql`update operator_seats set started_at = now() - interval '5 minutes' where tenant_id = ${region.tenant.id}`;
    const fast = await call(region, 5);
    await call(region, 12);
    await call(region, 20, { talk: null });
    await call(region, null);
    expect(
      (
        await operator.call("mutation", "callDesk.classify", {
          callId: fast,
          classification: "prank",
        })
      ).status,
    ).toBe(200);

    const board = await supervisor.call("query", "callReports.wallboard");
    expect(board.status).toBe(200);
    const { figures, seats } = board.data as {
      figures: Record<string, unknown>;
      seats: {
        seat: string;
        displayName: string;
        answered: number;
        pranks: number;
        onCallSince: string | null;
      }[];
    };
    expect(figures).toMatchObject({
      offered: 4,
      answered: 3,
      abandoned: 1,
      answeredWithin10s: 1,
      answeredWithin15s: 2,
      medianAnswerSeconds: 12,
      unclassified: 2,
    });
    expect(figures.classified).toMatchObject({ prank: 1, emergency: 0 });
    expect(seats).toEqual([
      expect.objectContaining({
        seat: "meja-9",
        displayName: operator.person.displayName,
        answered: 3,
        pranks: 1,
        onCallSince: expect.any(String) as unknown,
      }),
    ]);
  });

  it("is for supervisors, not operators", async () => {
    const region = await arrangeTrunk(api.url, owner, records);
    const operator = await client(region.tenant, "operator");
    expect((await operator.call("query", "callReports.wallboard")).status).toBe(403);
  });
});

describe("reports", () => {
  it("gives a day's figures and a total for a range, and the same as CSV", async () => {
    const region = await arrangeTrunk(api.url, owner, records);
    const supervisor = await client(region.tenant, "supervisor");
    await call(region, 4);
    await call(region, null);
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const range = { from: yesterday, to: tomorrow };

    const report = (await supervisor.call("query", "callReports.report", range)).data as {
      days: { day: string; offered: number }[];
      total: { offered: number; abandoned: number };
    };
    expect(report.total).toMatchObject({ offered: 2, abandoned: 1 });
    expect(report.days.reduce((sum, entry) => sum + entry.offered, 0)).toBe(2);
    expect(report.days.every((entry) => [yesterday, today, tomorrow].includes(entry.day))).toBe(
      true,
    );

    const exported = (await supervisor.call("query", "callReports.reportCsv", range)).data as {
      filename: string;
      csv: string;
    };
    const lines = exported.csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toMatch(
      /^day,offered,answered,abandoned,answered_within_10s,answered_within_15s,/,
    );
    expect(lines.at(-1)).toMatch(/^total,2,1,1,1,1,4\.0,/);
    expect(exported.filename).toBe(`panggilan-${region.tenant.slug}-${yesterday}-${tomorrow}.csv`);
  });

  it("names the field of an impossible or too long range", async () => {
    const region = await arrangeTrunk(api.url, owner, records);
    const supervisor = await client(region.tenant, "supervisor");
    const pathsOf = async (range: Record<string, unknown>) =>
      (await supervisor.call("query", "callReports.report", range)).issues?.map(
        (issue) => issue.path,
      );
    expect(await pathsOf({ from: "2026-02-30", to: "2026-03-02" })).toEqual(["from"]);
    expect(await pathsOf({ from: "2026-03-02", to: "2026-03-01" })).toEqual(["to"]);
    expect(await pathsOf({ from: "2024-01-01", to: "2026-01-01" })).toEqual(["to"]);
  });
});
