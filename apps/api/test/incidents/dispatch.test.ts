import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "@sigap/db/client";
import { createTestTenant } from "@sigap/tenancy/testing";
import { createLogger } from "../../src/logger.ts";
import { attemptNotification } from "../../src/incidents/notify.ts";
import { planBudgetMs, proposePlan, type PlanningAgency } from "../../src/incidents/plan.ts";
import { useTestApi, useTestRecords } from "../harness.ts";
import { testClient } from "../client.ts";
import { logSink } from "../server.ts";
import { eidoValidator } from "./eido-schema.ts";
import {
  arrangeRegion,
  eventually,
  ok,
  startIncidentWorker,
  tenantClient,
  workerConfig,
  type Region,
} from "./fixture.ts";

// Dispatch as a region lives it: an incident, the SOP's plan resolved to the region's agencies,
// the operator's confirmation, signed notifications through pg-boss jobs, a responder's
// acknowledgement through the link, and the incident's way to closed.

const { api, database } = useTestApi();
const { owner } = database;
const records = useTestRecords(owner);

interface Proposal {
  source: string;
  manualReason: string | null;
  sopVersionNumber: number | null;
  lines: { agencyId: string; name: string; role: string; lead: boolean; rules: string[] }[];
  others: { agencyId: string }[];
}
interface Detail {
  status: string;
  sopVersionNumber: number | null;
  assignments: {
    id: string;
    agencyName: string;
    status: string;
    lead: boolean;
    responderLink: string | null;
    acknowledgedAt: string | null;
  }[];
  deliveries: {
    id: string;
    channel: string;
    status: string;
    attempts: number;
    lastError: string | null;
  }[];
  timeline: { kind: string; actorLabel: string; data: Record<string, unknown> }[];
}
interface BoardPage {
  rows: { id: string }[];
}

let region: Region;
let worker: Awaited<ReturnType<typeof startIncidentWorker>> | undefined;
const notifyDb = createDatabase(database.urls.appUrl, { max: 4 });

beforeAll(async () => {
  region = await arrangeRegion(api.url, owner, records);
  worker = await startIncidentWorker(database.urls.appUrl, workerConfig(region.receiver));
});
afterAll(async () => {
  await worker?.stop();
  await notifyDb.close();
  await region.receiver.close();
});

const detail = (incidentId: string) =>
  ok(region.operator.call<Detail>("query", "incidents.detail", { incidentId }));

/** A place in the region's kecamatan, given by its address alone. */
const placeAt = (address: string) => ({
  address,
  kecamatanCode: region.kecamatanCode,
  latitude: null,
  longitude: null,
});

/** Opens a building fire by hand, with what else `facts` say of it. */
async function openFire(facts: Record<string, unknown>) {
  const created = await ok(
    region.operator.call<{ incidentId: string }>("mutation", "incidents.create", {
      origin: "walk_in",
      types: ["fire.building"],
      ...facts,
    }),
  );
  return created.incidentId;
}

/** A fire with people trapped and hurt: the SOP sends Damkar and PSC 119. */
function buildingFire() {
  return openFire({
    flags: ["people_trapped"],
    casualties: 2,
    description: "Ruko dua lantai terbakar, orang terjebak di lantai dua",
    location: placeAt("Jl. Merdeka 12"),
  });
}

/** Sends what the SOP proposes, unchanged. */
async function dispatchAsProposed(incidentId: string) {
  const proposal = await ok(
    region.operator.call<Proposal>("query", "incidents.proposal", { incidentId }),
  );
  await ok(
    region.operator.call("mutation", "incidents.dispatch", {
      incidentId,
      agencies: proposal.lines.map((line) => ({
        agencyId: line.agencyId,
        role: line.role,
        lead: line.lead,
      })),
    }),
  );
  return proposal;
}

describe("from an incident to agencies on the way", () => {
  it("proposes the published SOP's plan resolved to the region's agencies, with the rules that call for each and one lead", async () => {
    const incidentId = await buildingFire();
    const proposal = await ok(
      region.operator.call<Proposal>("query", "incidents.proposal", { incidentId }),
    );
    expect(proposal.source).toBe("sop");
    expect(proposal.sopVersionNumber).toBe(1);
    const damkar = proposal.lines.find((line) => line.agencyId === region.agencies.damkar);
    expect(damkar).toMatchObject({ name: "Damkar Kota", role: "primary", lead: true });
    expect(damkar?.rules).toEqual(expect.arrayContaining(["Kebakaran", "Orang terjebak"]));
    expect(proposal.lines.find((line) => line.agencyId === region.agencies.psc119)).toMatchObject({
      role: "primary",
      lead: false,
    });
    expect(proposal.lines.filter((line) => line.lead)).toHaveLength(1);
    expect(proposal.others.map((other) => other.agencyId)).toContain(region.agencies.bpbd);
  });

  it("dispatches, notifies Damkar's webhook signed with its secret, and takes the responder's acknowledgement through the link", async () => {
    const incidentId = await buildingFire();
    const before = region.receiver.received.length;
    await dispatchAsProposed(incidentId);

    const dispatched = await detail(incidentId);
    expect(dispatched.status).toBe("dispatched");
    expect(dispatched.sopVersionNumber).toBe(1);
    expect(dispatched.assignments.map((assignment) => assignment.agencyName).sort()).toEqual([
      "Damkar Kota",
      "PSC 119 Dinkes",
    ]);

    const delivered = await eventually(
      () => detail(incidentId),
      (seen) => seen.deliveries.some((delivery) => delivery.status === "delivered"),
    );
    expect(delivered.deliveries).toEqual([
      expect.objectContaining({ channel: "webhook", status: "delivered", attempts: 1 }),
    ]);
    expect(delivered.timeline.map((entry) => entry.kind)).toEqual([
      "created",
      "dispatched",
      "notification_delivered",
    ]);

    const hook = region.receiver.received
      .slice(before)
      .find((received) => received.body.includes(incidentId));
    if (!hook) throw new Error("the receiver got no notification for the incident");
    const signature = String(hook.headers["sigap-signature"]);
    const [timestamp, mac] = signature.replace(/^t=/, "").split(",v1=");
    expect(
      createHmac("sha256", region.signingSecret)
        .update(`${String(timestamp)}.${hook.body}`)
        .digest("hex"),
    ).toBe(mac);
    expect(hook.headers["idempotency-key"]).toBe(delivered.deliveries[0]?.id);
    const body = JSON.parse(hook.body) as {
      event: string;
      incident: { summary: string };
      assignment: { lead: boolean };
      respondUrl: string;
    };
    expect(body).toMatchObject({
      event: "incident.assigned",
      incident: { summary: "Kebakaran bangunan" },
      assignment: { lead: true },
    });

    // The responder opens the link on a phone: no password, one assignment.
    const token = body.respondUrl.split("/respond/")[1] ?? "";
    const stranger = testClient(api.url);
    const opened = await stranger.call("query", "responderLink.view", { token });
    expect(opened.status).toBe(200);
    expect(opened.data).toMatchObject({
      assignment: { agencyName: "Damkar Kota", status: "notified" },
      incident: { types: ["fire.building"] },
    });
    const acknowledged = await stranger.call("mutation", "responderLink.report", {
      token,
      status: "acknowledged",
      note: "Dua unit berangkat",
    });
    expect(acknowledged.status).toBe(200);
    const onScene = await stranger.call("mutation", "responderLink.report", {
      token,
      status: "on_scene",
    });
    expect(onScene.status).toBe(200);

    const after = await detail(incidentId);
    expect(
      after.assignments.find((assignment) => assignment.agencyName === "Damkar Kota"),
    ).toMatchObject({ status: "on_scene", acknowledgedAt: expect.any(String) as unknown });
    expect(after.status).toBe("in_progress");
    expect(
      after.timeline
        .filter((entry) => entry.kind === "agency_report")
        .map((entry) => [entry.actorLabel, entry.data.status]),
    ).toEqual([
      ["Damkar Kota (tautan responder)", "acknowledged"],
      ["Damkar Kota (tautan responder)", "on_scene"],
    ]);
  });

  it("asks for a reason for every change to the SOP's plan, naming the field", async () => {
    const incidentId = await buildingFire();
    const proposal = await ok(
      region.operator.call<Proposal>("query", "incidents.proposal", { incidentId }),
    );
    const damkar = { agencyId: region.agencies.damkar, role: "primary", lead: true };
    const withoutPsc = await region.operator.call("mutation", "incidents.dispatch", {
      incidentId,
      agencies: [damkar],
    });
    expect(withoutPsc.status).toBe(400);
    expect(withoutPsc.issues?.[0]).toMatchObject({
      path: "removals",
      message: expect.stringContaining("PSC 119 Dinkes") as unknown,
    });

    const bpbdUnexplained = await region.operator.call("mutation", "incidents.dispatch", {
      incidentId,
      agencies: [
        ...proposal.lines.map((line) => ({
          agencyId: line.agencyId,
          role: line.role,
          lead: line.lead,
        })),
        { agencyId: region.agencies.bpbd, role: "support" },
      ],
    });
    expect(bpbdUnexplained.status).toBe(400);
    expect(bpbdUnexplained.issues?.[0]?.path).toBe("agencies.2.reason");

    const twoLeads = await region.operator.call("mutation", "incidents.dispatch", {
      incidentId,
      agencies: proposal.lines.map((line) => ({
        agencyId: line.agencyId,
        role: line.role,
        lead: true,
      })),
    });
    expect(twoLeads.status).toBe(400);

    const changed = await region.operator.call("mutation", "incidents.dispatch", {
      incidentId,
      agencies: [
        damkar,
        {
          agencyId: region.agencies.bpbd,
          role: "support",
          reason: "Gudang bahan kimia di sebelah",
        },
      ],
      removals: [
        { agencyId: region.agencies.psc119, reason: "Ambulans RS swasta sudah di lokasi" },
      ],
    });
    expect(changed.status).toBe(200);
    const dispatched = await detail(incidentId);
    const dispatchedEntry = dispatched.timeline.find((entry) => entry.kind === "dispatched");
    expect(dispatchedEntry?.data).toMatchObject({
      removed: [{ name: "PSC 119 Dinkes", reason: "Ambulans RS swasta sudah di lokasi" }],
      agencies: expect.arrayContaining([
        expect.objectContaining({ name: "BPBD Kota", reason: "Gudang bahan kimia di sebelah" }),
      ]) as unknown,
    });
    const again = await region.operator.call("mutation", "incidents.dispatch", {
      incidentId,
      agencies: [damkar],
    });
    expect(again.status).toBe(409);
  });

  it("moves through its statuses and refuses illegal moves with a clear error", async () => {
    const incidentId = await buildingFire();
    const early = await region.operator.call("mutation", "incidents.setStatus", {
      incidentId,
      status: "resolved",
    });
    expect(early).toMatchObject({
      status: 409,
      message: expect.stringContaining("Dispatch") as unknown,
    });
    await dispatchAsProposed(incidentId);
    const noDisposition = await region.operator.call("mutation", "incidents.setStatus", {
      incidentId,
      status: "closed",
    });
    expect(noDisposition.status).toBe(400);
    expect(noDisposition.issues?.[0]?.path).toBe("disposition");
    const tooEarly = await region.operator.call("mutation", "incidents.setStatus", {
      incidentId,
      status: "closed",
      disposition: "Api padam",
    });
    expect(tooEarly.status).toBe(409);
    await ok(
      region.operator.call("mutation", "incidents.setStatus", { incidentId, status: "resolved" }),
    );
    await ok(
      region.operator.call("mutation", "incidents.addNote", {
        incidentId,
        note: "Api padam pukul 14.20; pendinginan oleh Damkar",
      }),
    );
    await ok(
      region.operator.call("mutation", "incidents.setStatus", {
        incidentId,
        status: "closed",
        disposition: "Api padam, dua korban dibawa ke RSUD",
      }),
    );
    const final = await region.operator.call("mutation", "incidents.setStatus", {
      incidentId,
      status: "in_progress",
    });
    expect(final.status).toBe(409);
    const closed = await detail(incidentId);
    expect(closed.status).toBe("closed");
    expect(
      closed.timeline
        .filter((entry) => entry.kind === "status_changed")
        .map((entry) => entry.data.to),
    ).toEqual(["resolved", "closed"]);
    const board = await ok(
      region.operator.call<BoardPage>("query", "incidents.board", { view: "closed" }),
    );
    expect(board.rows.map((row) => row.id)).toContain(incidentId);
    const open = await ok(region.operator.call<BoardPage>("query", "incidents.board", {}));
    expect(open.rows.map((row) => row.id)).not.toContain(incidentId);

    // Exported as the published NENA EIDO schema has it, and in the list's CSV (supervisors and admins only).
    expect(
      (await region.operator.call("query", "incidents.exportEido", { incidentId })).status,
    ).toBe(403);
    const eido = await ok(
      region.admin.call<{ filename: string; document: unknown }>("query", "incidents.exportEido", {
        incidentId,
      }),
    );
    const validate = eidoValidator();
    expect(validate(eido.document), JSON.stringify(validate.errors)).toBe(true);
    expect(JSON.stringify(eido.document)).toContain(incidentId);
    const csv = await ok(
      region.admin.call<{ csv: string }>("query", "incidents.exportCsv", { view: "closed" }),
    );
    expect(csv.csv.split("\r\n").find((line) => line.startsWith(incidentId))).toContain(
      "Api padam, dua korban dibawa ke RSUD",
    );
  });
});

describe("more agencies for an incident under way", () => {
  it("sends what the SOP proposes once the facts change, and others with a reason, each once", async () => {
    const place = placeAt("Jl. Merdeka 30");
    const incidentId = await openFire({ location: place });
    const first = await dispatchAsProposed(incidentId);
    expect(first.lines.map((line) => line.agencyId)).not.toContain(region.agencies.psc119);
    const add = (agencies: { agencyId: string; role: string; reason?: string }[]) =>
      region.operator.call("mutation", "incidents.addAgencies", { incidentId, agencies });

    // Someone is trapped after all: the SOP now proposes the ambulance, sent without a reason.
    await ok(
      region.operator.call("mutation", "incidents.updateFacts", {
        incidentId,
        types: ["fire.building"],
        flags: ["people_trapped"],
        casualties: 1,
        location: place,
      }),
    );
    const now = await ok(
      region.operator.call<Proposal>("query", "incidents.proposal", { incidentId }),
    );
    const ambulance = now.lines.find((line) => line.agencyId === region.agencies.psc119);
    expect(ambulance?.role).toBe("primary");
    await ok(add([{ agencyId: region.agencies.psc119, role: "primary" }]));
    const seen = await detail(incidentId);
    expect(seen.status).toBe("dispatched");
    expect(seen.assignments.map((assignment) => assignment.agencyName)).toContain("PSC 119 Dinkes");
    expect(seen.timeline.at(-1)).toMatchObject({
      kind: "agencies_added",
      data: { agencies: [expect.objectContaining({ name: "PSC 119 Dinkes", role: "primary" })] },
    });

    // Sent already: refused by the field. Not proposed: a reason first.
    const again = await add([{ agencyId: region.agencies.psc119, role: "primary" }]);
    expect(again.status).toBe(409);
    expect(again.issues).toMatchObject([{ path: "agencies.0.agencyId", reason: "taken" }]);
    const unexplained = await add([{ agencyId: region.agencies.bpbd, role: "support" }]);
    expect(unexplained.status).toBe(400);
    expect(unexplained.issues?.map((issue) => issue.path)).toEqual(["agencies.0.reason"]);
    await ok(
      add([{ agencyId: region.agencies.bpbd, role: "support", reason: "Gedung sebelah retak" }]),
    );
    expect((await detail(incidentId)).assignments).toHaveLength(first.lines.length + 2);
    const [deadlines] = await owner.sql<{ n: number }[]>`
      select count(*)::int as n from pgboss.job
       where name = 'incidents.escalate' and data->>'incidentId' = ${incidentId} and data->>'kind' = 'deadline'`;
    expect(deadlines?.n).toBe(first.lines.length + 2);
  });

  it("is refused before the incident is dispatched, changing nothing", async () => {
    const incidentId = await buildingFire();
    const early = await region.operator.call("mutation", "incidents.addAgencies", {
      incidentId,
      agencies: [{ agencyId: region.agencies.bpbd, role: "support", reason: "Cadangan" }],
    });
    expect(early.status).toBe(409);
    expect(
      await owner.sql`select 1 from incident_assignments where incident_id = ${incidentId}`,
    ).toHaveLength(0);
  });
});

describe("more calls about one incident", () => {
  it("hints at an open incident of the same kind nearby, and attaches the second caller's call to it", async () => {
    const here = {
      address: "Pasar Baru",
      kecamatanCode: region.kecamatanCode,
      latitude: -7.25,
      longitude: 112.75,
    };
    const { incidentId } = await ok(
      region.operator.call<{ incidentId: string }>("mutation", "incidents.create", {
        origin: "walk_in",
        types: ["fire.building"],
        location: here,
      }),
    );
    const near = await ok(
      region.operator.call<{ id: string; meters: number | null }[]>("query", "incidents.nearby", {
        types: ["fire.vehicle"],
        location: { ...here, latitude: -7.2512, longitude: 112.7503 },
      }),
    );
    expect(near).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: incidentId, meters: expect.any(Number) as unknown }),
      ]),
    );
    const far = await ok(
      region.operator.call<{ id: string }[]>("query", "incidents.nearby", {
        types: ["fire.building"],
        location: { ...here, latitude: -7.35, longitude: 112.75 },
      }),
    );
    expect(far.map((incident) => incident.id)).not.toContain(incidentId);
    const otherKind = await ok(
      region.operator.call<{ id: string }[]>("query", "incidents.nearby", {
        types: ["medical.cardiac"],
        location: here,
      }),
    );
    expect(otherKind.map((incident) => incident.id)).not.toContain(incidentId);

    const [call] = await owner.sql<
      { id: string }[]
    >`insert into calls (tenant_id, trunk_id, external_call_id, did, caller_number, state, offered_at, answered_at)
      values (${region.tenant.id}, gen_random_uuid(), gen_random_uuid()::text, '+62311120009', '+6281234500009', 'answered', now(), now()) returning id`;
    const attached = await ok(
      region.operator.call<{ incidentId: string }>("mutation", "callDesk.classify", {
        callId: call?.id,
        classification: "emergency",
        incidentTypes: ["fire.building"],
        attachTo: incidentId,
      }),
    );
    expect(attached.incidentId).toBe(incidentId);
    const seen = await detail(incidentId);
    expect(seen.timeline.map((entry) => entry.kind)).toEqual(["created", "call_attached"]);
    const refused = await region.operator.call("mutation", "callDesk.classify", {
      callId: call?.id,
      classification: "prank",
      attachTo: incidentId,
    });
    expect(refused.issues?.map((issue) => issue.path)).toEqual(["attachTo"]);
  });
});

describe("when things fail", () => {
  it("gives the operator a manual plan with every active agency when the engine throws", () => {
    const agencies: PlanningAgency[] = [
      { id: "11111111-1111-4111-8111-111111111111", type: "damkar", name: "Damkar" },
      { id: "22222222-2222-4222-8222-222222222222", type: "bpbd", name: "BPBD", active: false },
    ];
    const plan = proposePlan({
      version: { number: 3, ruleset: {} },
      facts: {
        types: ["fire.building"],
        severity: null,
        casualties: null,
        flags: [],
        kecamatanCode: null,
      },
      agencies,
      now: new Date(),
      engine: () => {
        throw new Error("compiled rules corrupted");
      },
    });
    expect(plan).toMatchObject({
      source: "manual",
      sopVersionNumber: 3,
      lines: [],
      others: [{ name: "Damkar" }],
    });
    expect(plan.manualReason).toContain("compiled rules corrupted");
  });

  it("gives the operator a manual plan when the engine does not answer in time", () => {
    const plan = proposePlan({
      version: { number: 3, ruleset: {} },
      facts: {
        types: ["fire.building"],
        severity: null,
        casualties: null,
        flags: [],
        kecamatanCode: null,
      },
      agencies: [{ id: "11111111-1111-4111-8111-111111111111", type: "damkar", name: "Damkar" }],
      now: new Date(),
      engine: () => {
        for (;;) {
          // A runaway rule evaluation.
        }
      },
    });
    expect(plan).toMatchObject({
      source: "manual",
      manualReason: `Mesin SOP tidak menjawab dalam ${String(planBudgetMs)} ms`,
      others: [{ name: "Damkar" }],
    });
  });

  it("gives a manual plan when no rule matches or no SOP is published", async () => {
    const tenant = await createTestTenant(owner, "live");
    records.tenants.push(tenant);
    const operator = await tenantClient(api.url, owner, records, tenant, "operator");
    const created = await ok(
      operator.call<{ incidentId: string }>("mutation", "incidents.create", {
        origin: "radio",
        types: ["fire.building"],
      }),
    );
    const proposal = await ok(
      operator.call<Proposal>("query", "incidents.proposal", { incidentId: created.incidentId }),
    );
    expect(proposal).toMatchObject({
      source: "manual",
      manualReason: "Belum ada SOP yang diterbitkan",
      lines: [],
    });
  });

  it("notifies once when a notification job runs twice", async () => {
    const incidentId = await buildingFire();
    // Dispatch while no worker serves the queue, then run the one job's attempt twice by hand.
    await worker?.stop();
    worker = undefined;
    await dispatchAsProposed(incidentId);
    const [delivery] = (await detail(incidentId)).deliveries;
    if (!delivery) throw new Error("no delivery was queued");
    const before = region.receiver.received.length;
    const deps = {
      db: notifyDb.db,
      config: workerConfig(region.receiver),
      log: createLogger("warn", "worker", logSink().sink),
    };
    const job = { tenantId: region.tenant.id, deliveryId: delivery.id };
    const [first, second] = await Promise.all([
      attemptNotification(deps, job, { final: false }),
      attemptNotification(deps, job, { final: false }),
    ]);
    expect([first, second]).toEqual(expect.arrayContaining(["delivered", "already_done"]));
    expect(
      (await detail(incidentId)).deliveries.map((candidate) => [
        candidate.status,
        candidate.attempts,
      ]),
    ).toEqual([["delivered", 1]]);
    // The job itself, served again, finds the delivery done and sends nothing.
    worker = await startIncidentWorker(database.urls.appUrl, workerConfig(region.receiver));
    await eventually(
      () =>
        owner.sql<
          { state: string }[]
        >`select state from pgboss.job where name = 'incidents.notify' and data->>'deliveryId' = ${delivery.id}`,
      (jobs) => jobs.length === 1 && jobs[0]?.state === "completed",
    );
    expect(
      region.receiver.received
        .slice(before)
        .filter((received) => received.body.includes(incidentId)),
    ).toHaveLength(1);
  });
});

describe("the incident's desa/kelurahan", () => {
  it("is one of its kecamatan's, from the national registry", async () => {
    const villages = await ok(
      region.operator.call<{ code: string; name: string }[]>("query", "incidents.villages", {
        kecamatanCode: region.kecamatanCode,
      }),
    );
    expect(villages.length).toBeGreaterThan(0);
    const [village] = villages;
    const here = placeAt("Balai desa");
    const incidentId = await openFire({ location: here, villageCode: village?.code });
    const [stored] = await owner.sql<
      { village_code: string }[]
    >`select village_code from incidents where tenant_id = ${region.tenant.id} and id = ${incidentId}`;
    expect(stored?.village_code).toBe(village?.code);
    // The incident reads its place by name: the desa/kelurahan and the kecamatan.
    const [kecamatan] = await owner.sql<
      { name: string }[]
    >`select name from districts where code = ${region.kecamatanCode}`;
    expect(await detail(incidentId)).toMatchObject({
      villageName: village?.name,
      kecamatanName: kecamatan?.name,
    });

    const [elsewhere] = await owner.sql<
      { code: string }[]
    >`select code from villages where district_code <> ${region.kecamatanCode} order by code limit 1`;
    const wrong = await region.operator.call("mutation", "incidents.updateFacts", {
      incidentId,
      types: ["fire.building"],
      location: here,
      villageCode: elsewhere?.code,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.issues?.map((issue) => issue.path)).toEqual(["villageCode"]);
    const noKecamatan = await region.operator.call("mutation", "incidents.updateFacts", {
      incidentId,
      types: ["fire.building"],
      location: null,
      villageCode: village?.code,
    });
    expect(noKecamatan.issues?.map((issue) => issue.path)).toEqual(["villageCode"]);

    const [otherRegion] = await owner.sql<{ code: string }[]>`
      select d.code from districts d join tenants t on true where t.id = ${region.tenant.id} and d.regency_code <> t.region_code order by d.code limit 1`;
    const foreign = await region.operator.call("query", "incidents.villages", {
      kecamatanCode: otherRegion?.code,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.issues?.map((issue) => issue.path)).toEqual(["kecamatanCode"]);
  });
});
