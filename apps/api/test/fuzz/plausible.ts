import { nationalTemplate } from "@sigap/sop-engine";

/**
 * Strings that pass the checks JSON Schema cannot carry (refinements and transforms: numbers,
 * hosts, addresses, links), offered to string fields beside random text so valid inputs reach
 * the handlers. Numbers and hosts are the fuzzer's own: other test files, running at the same
 * time on the same database, claim DIDs of their own (+6231…), never these.
 */
export const plausibleStrings = [
  "+62 411 1120 001",
  "0411-1120-002",
  "0812 1120 0003",
  "fuzz.112@sigap112.test",
  "sip.fuzz.example.id",
  "192.0.2.112",
  "198.51.100.0/24",
  "2001:db8::112",
  "https://hooks.fuzz.example.id/112",
  "Damkar Fuzz",
  "pemadam kebakaran",
];

const fireIncident = { type: "fire", subtype: "fire.building", severity: "high" };

/**
 * Whole valid values for fields whose rules span several properties (a subtype that must belong
 * to its type, a ruleset document), by property name: mutations then dig into them.
 */
export const plausibleByName: Record<string, readonly unknown[]> = {
  email: ["fuzz.112@sigap112.test"],
  /** An onboarding import's file: a staff row, and an agency with a contact. */
  csv: [
    "email,peran,instansi\r\nfuzz.112@sigap112.test,operator,\r\n",
    "nama_instansi,jenis_instansi,cakupan_kecamatan,jenis_kontak,kontak,keterangan_kontak\r\nDamkar Fuzz,damkar,,telepon,0812 1120 0003,\r\n",
  ],
  /** A caller's number, as the blocklist takes it. */
  number: ["0812 1120 0003", "+62 411 1120 001"],
  query: ["sidoarjo", "35.15"],
  /** Where a page of a list ended (a time to the microsecond and an id), as its `nextCursor` says. */
  cursor: [
    Buffer.from(
      JSON.stringify(["2026-11-01T03:00:00.000112Z", "00000000-0000-4000-8000-000000000112"]),
    ).toString("base64url"),
  ],
  /** A region's call-taking destination, and where the platform SBC's files go and report to. */
  destination: ["sip:112@pbx.fuzz.example.id", null],
  eventUrl: ["https://api.fuzz.example.id/v1/telephony/events"],
  directory: ["/etc/kamailio/sigap"],
  adminEmail: ["fuzz.admin@sigap112.test"],
  incident: [fireIncident],
  /** What an operator found a call to be, with what each kind needs (types, a region). */
  incidentTypes: [["fire", "fire.vehicle"], []],
  /** An incident's kinds, main one first (an incident opened by hand must have one). */
  types: [["fire.building"], ["traffic", "fire.vehicle"]],
  wrongRegionCode: ["35.15", null],
  /** An emergency call joins an open incident only when the operator picks one. */
  attachTo: [null],
  /** A range of days, first and last included (reports, audit filters). */
  from: ["2026-11-01"],
  to: ["2026-11-30"],
  /** An incident's desa/kelurahan is checked against its kecamatan; none is always valid. */
  villageCode: [null],
  /** Billing's dates: a plan's start, a transfer's day, a tax rate's first day. */
  startsOn: ["2031-02-01"],
  receivedOn: ["2031-02-03"],
  effectiveFrom: ["2031-03-01"],
  ruleset: [nationalTemplate],
  testCase: [
    {
      name: "Kebakaran gedung (fuzz)",
      incident: fireIncident,
      at: "2026-11-23T10:00:00+07:00",
      expect: { notify: [{ agencyType: "damkar", role: "primary" }], priority: "P1" },
    },
  ],
};
