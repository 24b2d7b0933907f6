import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signTelephonyRequest } from "../../src/telephony/signature.ts";
import { useTestApi, useTestRecords } from "../harness.ts";
import { arrangeRegion, ok, type Region } from "./fixture.ts";

// An agency's own system acknowledges and updates its assignments through the signed REST route,
// with the same idempotency as telephony events: a report id once, the first answer to every retry.

const { api, database } = useTestApi();
const { owner } = database;
const records = useTestRecords(owner);

let region: Region;
let other: Region;
let assignments: { damkar: string; psc: string };
let incidentId: string;

beforeAll(async () => {
  [region, other] = await Promise.all([
    arrangeRegion(api.url, owner, records),
    arrangeRegion(api.url, owner, records),
  ]);
  ({ incidentId } = await ok(
    region.operator.call<{ incidentId: string }>("mutation", "incidents.create", {
      origin: "radio",
      types: ["fire.building"],
      casualties: 1,
    }),
  ));
  const proposal = await ok(
    region.operator.call<{ lines: { agencyId: string; role: string; lead: boolean }[] }>(
      "query",
      "incidents.proposal",
      { incidentId },
    ),
  );
  await ok(
    region.operator.call("mutation", "incidents.dispatch", {
      incidentId,
      agencies: proposal.lines.map(({ agencyId, role, lead }) => ({ agencyId, role, lead })),
    }),
  );
  const detail = await ok(
    region.operator.call<{ assignments: { id: string; agencyName: string }[] }>(
      "query",
      "incidents.detail",
      { incidentId },
    ),
  );
  const idOf = (name: string) =>
    detail.assignments.find((assignment) => assignment.agencyName === name)?.id ?? "";
  assignments = { damkar: idOf("Damkar Kota"), psc: idOf("PSC 119 Dinkes") };
});
afterAll(async () => {
  await Promise.all([region.receiver.close(), other.receiver.close()]);
});

async function report(
  body: Record<string, unknown>,
  options: { slug?: string; secret?: string; timestamp?: number } = {},
) {
  const text = JSON.stringify(body);
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const response = await fetch(
    `${api.url}/v1/regions/${options.slug ?? region.tenant.slug}/agency-reports`,
    {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-sigap-timestamp": timestamp,
        "x-sigap-signature": signTelephonyRequest(
          options.secret ?? region.signingSecret,
          timestamp,
          text,
        ),
      },
      body: text,
    },
  );
  return {
    status: response.status,
    body: (await response.json()) as {
      status?: string;
      error?: { code: string; issues?: { path: string }[] };
    },
  };
}

const damkarReport = (status: string, reportId: string = randomUUID()) => ({
  reportId,
  contactId: region.webhookContactId,
  assignmentId: assignments.damkar,
  status,
});

describe("agency reports from the agency's own system", () => {
  it("acknowledges once, answers a retry with the first answer, and refuses the id reused for another report", async () => {
    const body = { ...damkarReport("acknowledged", "cad-7731"), note: "Unit 3 berangkat" };
    const first = await report(body);
    expect(first).toMatchObject({ status: 200, body: { status: "acknowledged" } });
    const retry = await report(body);
    expect(retry).toEqual(first);
    const reused = await report({ ...body, status: "done" });
    expect(reused).toMatchObject({ status: 409, body: { error: { code: "CONFLICT" } } });

    const detail = await ok(
      region.operator.call<{
        timeline: { kind: string; actorLabel: string; data: Record<string, unknown> }[];
      }>("query", "incidents.detail", { incidentId }),
    );
    const reports = detail.timeline.filter((entry) => entry.kind === "agency_report");
    expect(reports).toEqual([
      expect.objectContaining({
        actorLabel: "Damkar Kota (sistem instansi)",
        data: expect.objectContaining({ status: "acknowledged", via: "agency_system" }) as unknown,
      }),
    ]);
  });

  it("refuses a wrong signature, a stale timestamp, an unknown contact, and input it cannot read, naming the field", async () => {
    expect(
      (await report(damkarReport("en_route"), { secret: "whsec_not-the-secret" })).body.error?.code,
    ).toBe("BAD_SIGNATURE");
    expect(
      (await report(damkarReport("en_route"), { timestamp: Math.floor(Date.now() / 1000) - 3600 }))
        .body.error?.code,
    ).toBe("STALE_TIMESTAMP");
    expect(
      (await report({ ...damkarReport("en_route"), contactId: randomUUID() })).body.error?.code,
    ).toBe("BAD_SIGNATURE");
    const unreadable = await report({ ...damkarReport("arrived") });
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.error?.issues?.map((issue) => issue.path)).toEqual(["status"]);
  });

  it("reports only on the contact's own agency's assignments, and only in its own region", async () => {
    expect(
      await report({ ...damkarReport("acknowledged"), assignmentId: assignments.psc }),
    ).toMatchObject({ status: 404 });
    // The same contact and a valid signature, sent to another region: that region has no such contact.
    expect(
      (await report(damkarReport("acknowledged"), { slug: other.tenant.slug })).body.error?.code,
    ).toBe("BAD_SIGNATURE");
    expect((await report(damkarReport("acknowledged"), { slug: "no-such-region" })).status).toBe(
      404,
    );
  });
});
