import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestApi, useTestRecords } from "../harness.ts";
import {
  arrangeRegion,
  eventually,
  ok,
  startIncidentWorker,
  workerConfig,
  type Region,
} from "./fixture.ts";

// What dispatch does when parts of the world fail: an agency's system that answers 503 for a
// while or for good, a worker that stops between dispatch and the deadlines, acknowledgements
// that arrive just before an escalation would have fired.

const { api, database } = useTestApi();
const { owner } = database;
const records = useTestRecords(owner);

interface Detail {
  status: string;
  assignments: { id: string; agencyName: string; status: string; role: string }[];
  deliveries: { status: string; attempts: number; lastError: string | null }[];
  timeline: { kind: string; data: Record<string, unknown> }[];
}
interface Proposal {
  lines: { agencyId: string; role: string; lead: boolean }[];
}

let region: Region;
let worker: Awaited<ReturnType<typeof startIncidentWorker>> | undefined;

beforeAll(async () => {
  region = await arrangeRegion(api.url, owner, records);
});
afterAll(async () => {
  await worker?.stop();
  await region.receiver.close();
});

const detail = (incidentId: string) =>
  ok(region.operator.call<Detail>("query", "incidents.detail", { incidentId }));

/** A building fire with people trapped, dispatched as the SOP proposes while no worker runs. */
async function dispatchedFire(): Promise<string> {
  await worker?.stop();
  worker = undefined;
  const { incidentId } = await ok(
    region.operator.call<{ incidentId: string }>("mutation", "incidents.create", {
      origin: "radio",
      types: ["fire.building"],
      flags: ["people_trapped"],
    }),
  );
  const proposal = await ok(
    region.operator.call<Proposal>("query", "incidents.proposal", { incidentId }),
  );
  await ok(
    region.operator.call("mutation", "incidents.dispatch", {
      incidentId,
      agencies: proposal.lines.map(({ agencyId, role, lead }) => ({ agencyId, role, lead })),
    }),
  );
  return incidentId;
}

/** Makes the incident's jobs of `queue` retry fast and at most `retryLimit` times (production waits minutes between attempts). */
async function fastRetries(incidentId: string, retryLimit: number) {
  await owner.sql`update pgboss.job set retry_delay = 1, retry_backoff = false, retry_limit = ${retryLimit}
    where name = 'incidents.notify' and data->>'deliveryId' in (select id::text from notification_deliveries where incident_id = ${incidentId})`;
}

/** Brings the incident's deadlines and escalation steps forward to now, as if their minutes had passed. */
async function timePasses(incidentId: string) {
  await owner.sql`update pgboss.job set start_after = now() where name = 'incidents.escalate' and data->>'incidentId' = ${incidentId} and state = 'created'`;
}

const startWorker = async () => {
  worker = await startIncidentWorker(database.urls.appUrl, workerConfig(region.receiver));
};

describe("notifications to a failing receiver", () => {
  it("retries a webhook that fails, until the receiver takes it, with every failed attempt on the timeline", async () => {
    const incidentId = await dispatchedFire();
    await fastRetries(incidentId, 3);
    region.receiver.failNext(2);
    await startWorker();
    const seen = await eventually(
      () => detail(incidentId),
      (now) => now.deliveries[0]?.status === "delivered",
    );
    expect(seen.deliveries).toEqual([
      expect.objectContaining({ status: "delivered", attempts: 3, lastError: null }),
    ]);
    expect(
      seen.timeline
        .filter((entry) => entry.kind.startsWith("notification_"))
        .map((entry) => [entry.kind, entry.data.error]),
    ).toEqual([
      ["notification_failed", "HTTP 503"],
      ["notification_failed", "HTTP 503"],
      ["notification_delivered", null],
    ]);
  });

  it("gives up after the last attempt, shows the dead notification, and the operator records the agency's answer by phone", async () => {
    const incidentId = await dispatchedFire();
    await fastRetries(incidentId, 1);
    region.receiver.setDown(true);
    try {
      await startWorker();
      const seen = await eventually(
        () => detail(incidentId),
        (now) => now.deliveries[0]?.status === "dead",
      );
      expect(seen.deliveries).toEqual([
        expect.objectContaining({ status: "dead", attempts: 2, lastError: "HTTP 503" }),
      ]);
      expect(seen.timeline.map((entry) => entry.kind)).toContain("notification_dead");
    } finally {
      region.receiver.setDown(false);
    }
    const damkar = (await detail(incidentId)).assignments.find(
      (assignment) => assignment.agencyName === "Damkar Kota",
    );
    await ok(
      region.operator.call("mutation", "incidents.recordReport", {
        assignmentId: damkar?.id,
        status: "acknowledged",
        note: "Dikonfirmasi lewat telepon 113",
      }),
    );
    const after = await detail(incidentId);
    expect(
      after.assignments.find((assignment) => assignment.agencyName === "Damkar Kota")?.status,
    ).toBe("acknowledged");
    expect(after.timeline.at(-1)).toMatchObject({
      kind: "agency_report",
      data: { via: "operator", note: "Dikonfirmasi lewat telepon 113" },
    });
  });
});

describe("deadlines and escalation", () => {
  it("fire after the worker restarts: overdue acknowledgements, the supervisor alerted, a backup agency sent", async () => {
    const incidentId = await dispatchedFire();
    // A worker runs and is stopped (as if killed) before any deadline; a new one starts after them.
    await startWorker();
    await worker?.stop();
    worker = undefined;
    await timePasses(incidentId);
    await startWorker();
    // The deadline and the steps are separate jobs, which the worker may finish in any order: wait
    // for all four.
    const seen = await eventually(
      () => detail(incidentId),
      (now) =>
        now.timeline.some((entry) => entry.kind === "ack_overdue") &&
        ["renotify", "notify_supervisor", "notify_backup_agency"].every((action) =>
          now.timeline.some((entry) => entry.kind === "escalated" && entry.data.action === action),
        ),
    );
    const escalations = seen.timeline
      .filter((entry) => entry.kind === "escalated")
      .map((entry) => entry.data.action);
    expect(escalations).toEqual(
      expect.arrayContaining(["renotify", "notify_supervisor", "notify_backup_agency"]),
    );
    expect(
      seen.timeline
        .filter((entry) => entry.kind === "ack_overdue")
        .map((entry) => entry.data.agency),
    ).toEqual(expect.arrayContaining(["Damkar Kota"]));
    expect(seen.assignments.map((assignment) => assignment.agencyName)).toContain("BPBD Kota");
    expect(
      seen.timeline.find((entry) => entry.data.action === "notify_backup_agency")?.data.backup,
    ).toBe("BPBD Kota");
    // The region has no supervisor on the platform: its admin is mailed instead, once.
    expect(
      seen.timeline.find((entry) => entry.data.action === "notify_supervisor")?.data.mailed,
    ).toBe(1);
    const mails = await owner.sql<{ subject: string }[]>`
      select m.subject from mail_outbox m join users u on u.email = m."to" where u.id = ${region.admin.person.id} and m.subject like '[112] Eskalasi%'`;
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain("Damkar Kota");
  });

  it("do nothing once the agencies have acknowledged", async () => {
    const incidentId = await dispatchedFire();
    for (const assignment of (await detail(incidentId)).assignments) {
      await ok(
        region.operator.call("mutation", "incidents.recordReport", {
          assignmentId: assignment.id,
          status: "acknowledged",
        }),
      );
    }
    await timePasses(incidentId);
    await startWorker();
    await eventually(
      () =>
        owner.sql<
          { state: string }[]
        >`select state from pgboss.job where name = 'incidents.escalate' and data->>'incidentId' = ${incidentId}`,
      (jobs) => jobs.length > 0 && jobs.every((job) => job.state === "completed"),
    );
    const seen = await detail(incidentId);
    expect(
      seen.timeline.filter((entry) => entry.kind === "escalated" || entry.kind === "ack_overdue"),
    ).toEqual([]);
    expect(seen.assignments.map((assignment) => assignment.agencyName)).not.toContain("BPBD Kota");
  });
});
