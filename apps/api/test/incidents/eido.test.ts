import type { ValidateFunction } from "ajv";
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { eidoDocument, type EidoDocument } from "../../src/incidents/eido.ts";
import { eidoValidator, undeclaredMembers } from "./eido-schema.ts";
import { buildingFire, cancelledNoise, compoundCrash } from "./records.ts";

function at<T>(items: readonly T[], index = 0): T {
  const item = items[index];
  if (item === undefined) throw new Error(`nothing at ${index}`);
  return item;
}

function allValues(value: unknown, key: "$id" | "$ref"): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => allValues(item, key));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([name, member]) =>
    name === key && typeof member === "string" ? [member] : allValues(member, key),
  );
}

const dom = new JSDOM("");
const gml = "http://www.opengis.net/gml";
const civic = "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr";

function pidf(document: EidoDocument, $id: string) {
  const location = document.locationComponent.find((component) => component.$id === $id);
  if (!location) throw new Error(`no location ${$id}`);
  const xml = new dom.window.DOMParser().parseFromString(
    location.locationByValue,
    "application/xml",
  );
  expect(xml.getElementsByTagName("parsererror")).toHaveLength(0);
  const text = (namespace: string, name: string) =>
    xml.getElementsByTagNameNS(namespace, name)[0]?.textContent ?? null;
  return { location, text };
}

function agencyNames(document: EidoDocument): string[] {
  return document.agencyComponent.map((agency) => {
    const [, properties] = JSON.parse(agency.agencyJcard) as [
      string,
      [string, object, string, string][],
    ];
    return properties.find(([name]) => name === "fn")?.[3] ?? "";
  });
}

const senderId = "112.bandungkota.go.id";
const issuedAt = new Date("2025-03-01T08:00:00Z");
const fixtures = { buildingFire, cancelledNoise, compoundCrash };

describe("EIDO export (NENA-STA-021.1b)", () => {
  let validate: ValidateFunction;
  beforeAll(() => {
    validate = eidoValidator();
  });

  function expectValid(document: unknown) {
    const valid = validate(document);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  }

  describe.each(Object.entries(fixtures))("%s", (_name, record) => {
    const document = eidoDocument(record, { issuedAt, senderId });

    it("is valid against the vendored schema", () => {
      expectValid(document);
    });

    it("uses only members the schema declares", () => {
      expect(
        undeclaredMembers(document, {
          $ref: "#/components/schemas/EmergencyIncidentDataObjectType",
        }),
      ).toEqual([]);
    });

    it("references only components it contains, each identified once", () => {
      const ids = allValues(document, "$id");
      expect(new Set(ids).size).toBe(ids.length);
      expect(allValues(document, "$ref").filter((ref) => !ids.includes(ref))).toEqual([]);
    });
  });

  it("tracks the building fire by its id, owned and issued by the region's centre", () => {
    const document = eidoDocument(buildingFire, { issuedAt, senderId });
    expect(document.$id).toBe(
      `urn:emergency:uid:incidentid:0195a1b27c3d7e4f8a9b0c1d2e3f4a5b:${senderId}`,
    );
    expect(document.eidoVersion).toBe("1.0");
    expect(document.issuingElementIdentification).toBe(senderId);
    expect(document.lastUpdateTimeStamp).toBe("2025-03-01T08:00:00.000Z");
    expect(document.incidentComponent).toMatchObject({
      internalIncidentId: buildingFire.id,
      incidentTypeCommonRegistryText: "FSTRU",
      incidentTypeInternalCode: "fire.building",
      incidentStatusCommonRegistryText: ["Active", "ResourcesAssigned", "ResourcesEnroute"],
      incidentStatusInternalText: ["in_progress"],
      incidentPriorityInternalText: "P1",
    });
  });

  it("names each agency, with its responder type, role and ownership", () => {
    const document = eidoDocument(buildingFire, { issuedAt, senderId });
    expect(agencyNames(document)).toEqual([
      "Kota Bandung",
      "Dinas Pemadam Kebakaran Kota Bandung",
      "PSC 119 Kota Bandung",
    ]);
    expect(document.agencyComponent.map((agency) => agency.agencyType)).toEqual([
      ["psap"],
      ["fire"],
      ["ems"],
    ]);
    expect(
      document.agencyComponent.map((agency) => agency.agencyRoleDescriptionRegistryText),
    ).toEqual([["CallReceiving", "Dispatching"], ["Dispatched"], ["Dispatched", "Assisting"]]);
    expect(document.agencyComponent.map((agency) => agency.incidentOwningAgencyIndicator)).toEqual([
      true,
      false,
      false,
    ]);
    expect(at(document.agencyComponent).$id).toBe(senderId);
  });

  it("carries each assignment's lead, progress and acknowledgement on its dispatch", () => {
    const document = eidoDocument(buildingFire, { issuedAt, senderId });
    const dispatchNotes = document.dispatchComponent.map((dispatch) => {
      const agency = document.agencyComponent.find(
        (component) => component.$id === dispatch.agencyReference.$ref,
      );
      const notes = dispatch.notesReference.map(
        (ref) => document.notesComponent.find((note) => note.$id === ref.$ref)?.notesActionComments,
      );
      return { agency: agency?.agencyType, notes };
    });
    expect(dispatchNotes).toEqual([
      {
        agency: ["fire"],
        notes: [
          "agency: Dinas Pemadam Kebakaran Kota Bandung · role: primary · lead: true · status: en_route · ackDeadline: 2025-03-01T07:07:00.000Z · acknowledgedAt: 2025-03-01T07:06:10.000Z",
        ],
      },
      {
        agency: ["ems"],
        notes: [
          "agency: PSC 119 Kota Bandung · role: support · lead: false · status: notified · ackDeadline: 2025-03-01T07:10:00.000Z",
        ],
      },
    ]);
  });

  it("places the incident at the operator's point and address, and the caller at the device's fix", () => {
    const document = eidoDocument(buildingFire, { issuedAt, senderId });
    const incidentLocation = pidf(document, at(document.incidentComponent.locationReference).$ref);
    expect(incidentLocation.location.locationTypeDescriptionRegistryText).toBe("CurrentIncident");
    expect(incidentLocation.location.locationDescriptionText).toBe(
      "Jl. Braga No. 12, dekat Gedung Merdeka",
    );
    expect(incidentLocation.text(gml, "pos")).toBe("-6.9175 107.6191");
    expect(incidentLocation.text(civic, "A3")).toBe("32.73.01");
    expect(incidentLocation.text(civic, "A4")).toBe("32.73.01.1001");
    expect(incidentLocation.text(civic, "LOC")).toBe("Jl. Braga No. 12, dekat Gedung Merdeka");

    const call = at(document.callComponent);
    expect(call).toMatchObject({
      $id: `urn:emergency:uid:callid:0195a1b26000700080000000000000c1:${senderId}`,
      callStartTimestamp: "2025-03-01T07:01:30.000Z",
      direction: "incoming",
      standardPrimaryCallType: "emergency",
    });
    const device = pidf(document, at(call.locationReference).$ref);
    expect(device.location.locationTypeDescriptionRegistryText).toBe("Caller");
    expect(device.text(gml, "pos")).toBe("-6.91761 107.61897");
    expect(device.text("http://www.opengis.net/pidflo/1.0", "radius")).toBe("18");
    expect(device.text("urn:ietf:params:xml:ns:pidf:geopriv10", "method")).toBe("GPS");
    expect(
      document.callbackComponent.find((callback) => callback.$id === call.callBackReference?.$ref)
        ?.callBackInformationUri,
    ).toEqual(["tel:+6281234567890"]);
  });

  it("keeps the facts responders need and the timeline as notes, escaped for HTML", () => {
    const document = eidoDocument(buildingFire, { issuedAt, senderId });
    const notes = document.incidentComponent.notesReference.map(
      (ref) => document.notesComponent.find((note) => note.$id === ref.$ref)?.notesActionComments,
    );
    expect(notes).toEqual([
      "Rumah dua lantai terbakar, dua orang terjebak di lantai atas",
      "origin: call · severity: high · casualties: 2 · flags: people_trapped, spreading",
      "by: Siti (operator) · event: created",
      "by: Siti (operator) · event: dispatched · source: sop · sopVersionNumber: 3",
      "by: Siti (operator) · event: note · text: Penelepon: asap &lt;hitam&gt; &amp; api membesar",
    ]);
  });

  it("exports a cancelled incident without a location or agencies", () => {
    const document = eidoDocument(cancelledNoise, { issuedAt, senderId });
    expect(document.incidentComponent.incidentStatusCommonRegistryText).toEqual(["Cancelled"]);
    expect(document.incidentComponent.incidentTypeCommonRegistryText).toBe("NOISE");
    expect(document.incidentComponent.locationReference).toEqual([]);
    expect(document.locationComponent).toEqual([]);
    expect(
      document.agencyComponent.map((agency) => agency.agencyRoleDescriptionRegistryText),
    ).toEqual([["CallReceiving"]]);
    expect(document.incidentComponent.dispositionComponent).toMatchObject([
      {
        dispositionCommonRegistryCode: "10",
        dispositionDescriptionText: "Laporan ganda",
        lastUpdateTimeStamp: "2025-03-01T07:30:00.000Z",
      },
    ]);
  });

  it("maps a compound incident by its main type and keeps every type in the internal text", () => {
    const document = eidoDocument(compoundCrash, { issuedAt, senderId });
    expect(document.incidentComponent).toMatchObject({
      incidentTypeCommonRegistryText: "MVAUNK",
      incidentTypeInternalCode: "traffic_accident.multi_vehicle",
      incidentTypeInternalText: "traffic_accident.multi_vehicle + fire.vehicle",
      incidentStatusCommonRegistryText: ["Closed"],
    });
    expect(document.incidentComponent.dispositionComponent[0]?.dispositionCommonRegistryCode).toBe(
      "18",
    );
    const location = pidf(document, at(document.incidentComponent.locationReference).$ref);
    expect(location.text(gml, "pos")).toBeNull();
    expect(location.text(civic, "LOC")).toBe("Tol Pasteur km 2 arah Jakarta");
    expect(document.callComponent[0]?.locationReference).toEqual([]);
    expect(document.callbackComponent).toEqual([]);
  });

  it("rejects documents that break the schema, so the validation above means something", () => {
    const valid = eidoDocument(buildingFire, { issuedAt, senderId });
    const changed = (path: (string | number)[], value?: unknown): unknown => {
      const copy = structuredClone(valid) as unknown as Record<string, unknown>;
      const parent = path
        .slice(0, -1)
        .reduce((node, key) => node[key] as Record<string, unknown>, copy);
      const key = String(path.at(-1));
      if (value === undefined) Reflect.deleteProperty(parent, key);
      else parent[key] = value;
      return copy;
    };
    const cases: [unknown, { keyword: string; params: object }][] = [
      [
        changed(["eidoVersion"]),
        { keyword: "required", params: { missingProperty: "eidoVersion" } },
      ],
      [changed(["eidoVersion"], "2.0"), { keyword: "enum", params: { allowedValues: ["1.0"] } }],
      [
        changed(["agencyComponent", 1, "agencyType"]),
        { keyword: "required", params: { missingProperty: "agencyType" } },
      ],
      [
        changed(["incidentComponent", "incidentTypeCommonRegistryText"]),
        { keyword: "required", params: { missingProperty: "incidentTypeCommonRegistryText" } },
      ],
      [
        changed(["callComponent", 0, "direction"], "sideways"),
        { keyword: "enum", params: { allowedValues: ["incoming", "outgoing", "internal"] } },
      ],
      [
        changed(["notesComponent", 0, "lastUpdateTimeStamp"], "1 Maret 2025"),
        { keyword: "format", params: { format: "date-time" } },
      ],
    ];
    for (const [document, error] of cases) {
      expect(validate(document)).toBe(false);
      expect(validate.errors).toContainEqual(expect.objectContaining(error));
    }
  });
});
