import { describe, expect, it } from "vitest";
import { incidentListCsv } from "../../src/incidents/incident-csv.ts";
import type { IncidentRecord } from "../../src/incidents/record.ts";
import { buildingFire, cancelledNoise, compoundCrash } from "./records.ts";

/** RFC 4180 back into cells, so the assertions read fields instead of quoting rules. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith("\uFEFF")).toBe(true);
  expect(text.endsWith("\r\n")).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let index = 1; index < text.length; index++) {
    const char = text.charAt(index);
    const next = text.charAt(index + 1);
    if (quoted && char === '"' && next === '"') {
      cell += '"';
      index++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += char;
    } else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && next === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      index++;
    } else {
      cell += char;
    }
  }
  return rows;
}

const assignment = (
  agencyName: string,
  acknowledgedAt: Date | null,
): IncidentRecord["assignments"][number] => ({
  id: `assignment-${agencyName}`,
  agencyId: `agency-${agencyName}`,
  agencyName,
  agencyType: "damkar",
  role: "primary",
  lead: false,
  status: acknowledgedAt ? "acknowledged" : "notified",
  ackDeadline: new Date("2025-03-01T07:10:00Z"),
  acknowledgedAt,
});

// The export tests' incidents, with what a spreadsheet must survive: cells a spreadsheet would run
// as formulas (a leading "=", "-" or "+"), and 0 casualties, which is not the same as unknown.
const cancelled: IncidentRecord = {
  ...cancelledNoise,
  disposition: "-ganda",
  createdAt: new Date("2025-03-01T17:30:00Z"),
  closedAt: new Date("2025-03-01T17:45:00Z"),
};

const compound: IncidentRecord = {
  ...compoundCrash,
  casualties: 0,
  location: {
    latitude: null,
    longitude: null,
    kecamatanCode: "32.73.05",
    address: '=HYPERLINK("http://contoh.invalid","klik")',
  },
  assignments: [
    assignment("Polres Kota Bandung", new Date("2025-03-01T07:06:00Z")),
    assignment("+Damkar", new Date("2025-03-01T07:07:00Z")),
  ],
};

describe("incident list CSV", () => {
  const [header = [], ...rows] = parseCsv(
    incidentListCsv([buildingFire, cancelled, compound], "Asia/Jakarta"),
  );

  it("has a header in Bahasa Indonesia and one row per incident", () => {
    expect(header).toEqual([
      "id",
      "dibuat",
      "jenis",
      "status",
      "prioritas",
      "keparahan",
      "korban",
      "kecamatan",
      "alamat",
      "instansi",
      "diakui",
      "selesai",
      "ditutup",
      "disposisi",
    ]);
    expect(rows.map((row) => row[0])).toEqual([buildingFire.id, cancelled.id, compound.id]);
    expect(rows.every((row) => row.length === header.length)).toBe(true);
  });

  it("writes each incident's facts in its columns", () => {
    expect(rows[0]).toEqual([
      buildingFire.id,
      "2025-03-01T14:02:00+07:00",
      "fire.building",
      "in_progress",
      "P1",
      "high",
      "2",
      "32.73.01",
      "Jl. Braga No. 12, dekat Gedung Merdeka",
      "Dinas Pemadam Kebakaran Kota Bandung; PSC 119 Kota Bandung",
      "1 dari 2",
      "",
      "",
      "",
    ]);
    expect(rows[1]).toEqual([
      cancelled.id,
      "2025-03-02T00:30:00+07:00",
      "public_order.noise",
      "cancelled",
      "",
      "",
      "",
      "",
      "",
      "",
      "0 dari 0",
      "",
      "2025-03-02T00:45:00+07:00",
      "'-ganda",
    ]);
    expect(rows[2]?.slice(2, 7)).toEqual([
      "traffic_accident.multi_vehicle + fire.vehicle",
      "closed",
      "P1",
      "high",
      "0",
    ]);
    expect(rows[2]?.slice(10)).toEqual([
      "2 dari 2",
      "2025-03-01T15:40:00+07:00",
      "2025-03-01T16:00:00+07:00",
      "handled",
    ]);
  });

  it("neutralises text a spreadsheet would run as a formula", () => {
    expect(rows[2]?.[8]).toBe(`'=HYPERLINK("http://contoh.invalid","klik")`);
    expect(rows[1]?.[13]).toBe("'-ganda");
    const [, alone] = parseCsv(
      incidentListCsv(
        [{ ...compound, assignments: [assignment("+Damkar", null)] }],
        "Asia/Jakarta",
      ),
    );
    expect(alone?.[9]).toBe("'+Damkar");
  });

  it("writes times in the region's own time zone", () => {
    const [, papua] = parseCsv(incidentListCsv([buildingFire], "Asia/Jayapura"));
    const [, bali] = parseCsv(incidentListCsv([buildingFire], "Asia/Makassar"));
    expect(papua?.[1]).toBe("2025-03-01T16:02:00+09:00");
    expect(bali?.[1]).toBe("2025-03-01T15:02:00+08:00");
  });
});
