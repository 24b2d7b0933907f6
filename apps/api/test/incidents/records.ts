import type { IncidentRecord } from "../../src/incidents/record.ts";

// Three incidents of one region as exports read them: a building fire in progress, a noise report
// cancelled before dispatch, and a compound crash that was closed. Shared by the export tests.

const tenant = {
  slug: "kota-bandung",
  name: "Kota Bandung",
  regionCode: "32.73",
  timeZone: "Asia/Jakarta",
};

export const buildingFire: IncidentRecord = {
  id: "0195a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b",
  tenant,
  types: ["fire.building"],
  status: "in_progress",
  origin: "call",
  severity: "high",
  casualties: 2,
  flags: ["people_trapped", "spreading"],
  description: "Rumah dua lantai terbakar, dua orang terjebak di lantai atas",
  location: {
    latitude: -6.9175,
    longitude: 107.6191,
    kecamatanCode: "32.73.01",
    address: "Jl. Braga No. 12, dekat Gedung Merdeka",
  },
  villageCode: "32.73.01.1001",
  priority: "P1",
  disposition: null,
  createdAt: new Date("2025-03-01T07:02:00Z"),
  updatedAt: new Date("2025-03-01T07:20:00Z"),
  dispatchedAt: new Date("2025-03-01T07:05:00Z"),
  resolvedAt: null,
  closedAt: null,
  assignments: [
    {
      id: "0195a1b2-8000-7000-8000-000000000001",
      agencyId: "0195a1b2-9000-7000-8000-00000000000a",
      agencyName: "Dinas Pemadam Kebakaran Kota Bandung",
      agencyType: "damkar",
      role: "primary",
      lead: true,
      status: "en_route",
      ackDeadline: new Date("2025-03-01T07:07:00Z"),
      acknowledgedAt: new Date("2025-03-01T07:06:10Z"),
    },
    {
      id: "0195a1b2-8000-7000-8000-000000000002",
      agencyId: "0195a1b2-9000-7000-8000-00000000000b",
      agencyName: "PSC 119 Kota Bandung",
      agencyType: "psc119",
      role: "support",
      lead: false,
      status: "notified",
      ackDeadline: new Date("2025-03-01T07:10:00Z"),
      acknowledgedAt: null,
    },
  ],
  timeline: [
    {
      at: new Date("2025-03-01T07:02:00Z"),
      kind: "created",
      actorLabel: "Siti (operator)",
      data: {},
    },
    {
      at: new Date("2025-03-01T07:05:00Z"),
      kind: "dispatched",
      actorLabel: "Siti (operator)",
      data: { source: "sop", sopVersionNumber: 3 },
    },
    {
      at: new Date("2025-03-01T07:12:00Z"),
      kind: "note",
      actorLabel: "Siti (operator)",
      data: { text: "Penelepon: asap <hitam> & api membesar" },
    },
  ],
  calls: [
    {
      id: "0195a1b2-6000-7000-8000-0000000000c1",
      callerNumber: "+6281234567890",
      offeredAt: new Date("2025-03-01T07:01:30Z"),
      location: {
        latitude: -6.91761,
        longitude: 107.61897,
        accuracyMeters: 18,
        fixedAt: "2025-03-01T07:01:25Z",
        positioningMethod: "gnss",
      },
    },
  ],
};

export const cancelledNoise: IncidentRecord = {
  ...buildingFire,
  id: "0195a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5c",
  types: ["public_order.noise"],
  status: "cancelled",
  origin: "walk_in",
  severity: null,
  casualties: null,
  flags: [],
  description: null,
  location: null,
  villageCode: null,
  priority: null,
  disposition: "Laporan ganda",
  dispatchedAt: null,
  closedAt: new Date("2025-03-01T07:30:00Z"),
  assignments: [],
  timeline: [],
  calls: [],
};

export const compoundCrash: IncidentRecord = {
  ...buildingFire,
  id: "0195a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5d",
  types: ["traffic_accident.multi_vehicle", "fire.vehicle"],
  status: "closed",
  flags: ["road_blocked"],
  location: {
    latitude: null,
    longitude: null,
    kecamatanCode: "32.73.05",
    address: "Tol Pasteur km 2 arah Jakarta",
  },
  villageCode: null,
  disposition: "handled",
  resolvedAt: new Date("2025-03-01T08:40:00Z"),
  closedAt: new Date("2025-03-01T09:00:00Z"),
  assignments: buildingFire.assignments.map((assignment) => ({
    ...assignment,
    status: "done" as const,
    acknowledgedAt: new Date("2025-03-01T07:06:00Z"),
  })),
  calls: [
    {
      id: "0195a1b2-6000-7000-8000-0000000000c2",
      callerNumber: null,
      offeredAt: new Date("2025-03-01T07:01:00Z"),
      location: null,
    },
  ],
};
