// An incident as a NENA Emergency Incident Data Object (NENA-STA-021.1b, EIDO 1.0), the form 112/911
// centres and agencies exchange incidents in. The schema is vendored in ./eido/ (see its README);
// registry values below are from the IANA registries the standard names.
import type { DeviceLocation, OperatorLocation } from "@sigap/db/schema";
import type { IncidentRecord } from "./record.ts";

interface Reference {
  $ref: string;
}

/** What every EIDO data component opens with. */
interface Prologue {
  $id: string;
  lastUpdateTimeStamp: string;
  updatedByAgencyReference: Reference;
}

export interface EidoIncident extends Prologue {
  incidentTypeCommonRegistryText: string;
  incidentTypeInternalCode: string;
  incidentTypeInternalText: string;
  incidentStatusCommonRegistryText: string[];
  incidentStatusInternalText: string[];
  internalIncidentId: string;
  incidentPriorityInternalText?: string;
  locationReference: Reference[];
  dispositionComponent: EidoDisposition[];
  notesReference: Reference[];
}

export interface EidoDisposition extends Prologue {
  dispositionCommonRegistryCode: string;
  dispositionPrimaryIndicator: boolean;
  dispositionDescriptionText: string;
}

export interface EidoAgency extends Prologue {
  agencyJcard: string;
  agencyRoleDescriptionRegistryText: string[];
  agencyType: string[];
  incidentOwningAgencyIndicator: boolean;
}

export interface EidoDispatch extends Prologue {
  agencyReference: Reference;
  notesReference: Reference[];
}

export interface EidoNotes extends Prologue {
  notesActionComments: string;
}

export interface EidoLocation extends Prologue {
  locationTypeDescriptionRegistryText: "CurrentIncident" | "Caller";
  locationByValue: string;
  locationDescriptionText?: string;
}

export interface EidoCall extends Prologue {
  standardPrimaryCallType: "emergency";
  direction: "incoming";
  callStartTimestamp: string;
  callStateRegistryText: string;
  callBackReference?: Reference;
  locationReference: Reference[];
}

export interface EidoCallback extends Prologue {
  callBackInformationUri: string[];
}

export interface EidoDocument extends Prologue {
  eidoVersion: "1.0";
  issuingElementIdentification: string;
  incidentComponent: EidoIncident;
  callComponent: EidoCall[];
  callbackComponent: EidoCallback[];
  dispatchComponent: EidoDispatch[];
  agencyComponent: EidoAgency[];
  notesComponent: EidoNotes[];
  locationComponent: EidoLocation[];
}

/**
 * EIDO-IncidentType-Common codes for the national catalogue. A subtype without an entry takes its
 * type's code, so a region's local subtypes still map; our own code travels in the internal fields.
 */
const commonIncidentTypes: Record<string, string> = {
  fire: "FUNK",
  "fire.building": "FSTRU",
  "fire.vehicle": "FVEH",
  "fire.forest_land": "FBRUSH",
  traffic_accident: "MVAUNK",
  "traffic_accident.pedestrian": "MVAINJY",
  crime: "INVEST",
  "crime.theft": "LARCENY",
  "crime.robbery": "ROBBERY",
  "crime.assault": "ASSAULT",
  "crime.sexual_violence": "SEXOFFNS",
  brawl: "FIGHT",
  missing_person: "PERMISS",
  "missing_person.drowning": "DROWN",
  disaster: "HAZ",
  medical: "SICK",
  "medical.cardiac": "CARDIAC",
  "medical.stroke": "STROKE",
  "medical.trauma": "TRAUMA",
  "medical.birth": "PREG",
  "medical.poisoning": "OD",
  "medical.breathing": "RESP",
  "medical.unconscious": "PERUNCON",
  "medical.mental_crisis": "EDP",
  hazardous_material: "HAZMAT",
  "hazardous_material.gas_leak": "GASLEAK",
  "hazardous_material.chemical_spill": "CHEMICAL",
  electrical_hazard: "ELECHZD",
  "electrical_hazard.fallen_power_line": "WIRES",
  "electrical_hazard.electrocution": "ELEC",
  domestic_violence: "DVA",
  child_protection: "WELFARE",
  "child_protection.abuse": "ABUSE",
  "child_protection.neglect": "NEGLECT",
  "child_protection.abandoned": "PERFND",
  public_order: "DISORD",
  "public_order.noise": "NOISE",
  "public_order.intoxicated_person": "INTOX",
  "public_order.homeless_person": "VAG",
  animal_evacuation: "ANIMAL",
  fallen_tree: "HAZ",
  "fallen_tree.road_blocked": "THAZ",
  public_utility: "PUBWKS",
};

function commonIncidentType(code: string): string {
  return commonIncidentTypes[code] ?? commonIncidentTypes[code.split(".")[0] ?? ""] ?? "NCRNONE";
}

/**
 * EIDO-IncidentStatus-Common holds several statuses at once. `resolved` stays Active because an
 * operator may reopen it; resource progress comes from the agencies still on the incident.
 */
function commonIncidentStatuses(record: IncidentRecord): string[] {
  if (record.status === "closed") return ["Closed"];
  if (record.status === "cancelled") return ["Cancelled"];
  if (record.status !== "dispatched" && record.status !== "in_progress") return ["Active"];
  const progress = new Set(record.assignments.map((assignment) => assignment.status));
  return [
    "Active",
    "ResourcesAssigned",
    ...(progress.has("en_route") ? ["ResourcesEnroute"] : []),
    ...(progress.has("on_scene") || progress.has("needs_backup") ? ["ResourcesOnscene"] : []),
  ];
}

/** EIDO-CommonDispositionCode (APCO ANS 1.111.2): 10 Event Cancelled, 17 False Alarm, 18 Completed. */
function commonDisposition(record: IncidentRecord): string {
  if (record.status === "cancelled") return "10";
  return record.disposition === "false_alarm" ? "17" : "18";
}

/** IANA urn:emergency:service:responder values (without the prefix); agency types with none keep our code. */
const responderTypes: Record<string, string> = { damkar: "fire", psc119: "ems", polres: "police" };

const pidfMethods: Record<DeviceLocation["positioningMethod"], string | null> = {
  gnss: "GPS",
  wifi: "802.11",
  cell: "Cell",
  hybrid: null,
  unknown: null,
};

function escapeMarkup(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

const pidfNamespaces = [
  'xmlns="urn:ietf:params:xml:ns:pidf"',
  'xmlns:gp="urn:ietf:params:xml:ns:pidf:geopriv10"',
  'xmlns:gml="http://www.opengis.net/gml"',
  'xmlns:gs="http://www.opengis.net/pidflo/1.0"',
  'xmlns:ca="urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr"',
].join(" ");

interface PidfParts {
  shape: string | null;
  civic: [element: string, value: string | null][];
  method: string | null;
  at: Date | null;
}

/**
 * EIDO carries a location's coordinates only inside a PIDF-LO document (RFC 4119, shapes per RFC
 * 5491). Indonesia's kecamatan and desa fill civic levels A3 and A4, as Kemendagri codes because
 * names repeat across the country.
 */
function pidfLo(entity: string, parts: PidfParts): string {
  const civic = parts.civic.flatMap(([element, value]) =>
    value === null ? [] : [`<ca:${element}>${escapeMarkup(value)}</ca:${element}>`],
  );
  const civicAddress =
    civic.length > 0
      ? `<ca:civicAddress xml:lang="id"><ca:country>ID</ca:country>${civic.join("")}</ca:civicAddress>`
      : "";
  const method = parts.method ? `<gp:method>${parts.method}</gp:method>` : "";
  const timestamp = parts.at ? `<timestamp>${parts.at.toISOString()}</timestamp>` : "";
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<presence ${pidfNamespaces} entity="${escapeMarkup(entity)}">`,
    `<tuple id="location"><status><gp:geopriv><gp:location-info>${parts.shape ?? ""}${civicAddress}</gp:location-info>`,
    `<gp:usage-rules/>${method}</gp:geopriv></status>${timestamp}</tuple>`,
    "</presence>",
  ].join("");
}

const wgs84 = 'srsName="urn:ogc:def:crs:EPSG::4326"';

function operatorShape(location: OperatorLocation): string | null {
  if (location.latitude === null || location.longitude === null) return null;
  return `<gml:Point ${wgs84}><gml:pos>${location.latitude} ${location.longitude}</gml:pos></gml:Point>`;
}

function deviceShape(location: DeviceLocation): string {
  const radius = `<gs:radius uom="urn:ogc:def:uom:EPSG::9001">${location.accuracyMeters}</gs:radius>`;
  return `<gs:Circle ${wgs84}><gml:pos>${location.latitude} ${location.longitude}</gml:pos>${radius}</gs:Circle>`;
}

/** A note line of `key: value` pairs, so a receiver's people and machines both read it. */
function noteLine(pairs: [string, string | number | boolean | null][]): string {
  return escapeMarkup(
    pairs
      .filter(([, value]) => value !== null)
      .map(([key, value]) => `${key}: ${String(value)}`)
      .join(" · "),
  );
}

function timelineNote(entry: IncidentRecord["timeline"][number]): string {
  const details = Object.entries(entry.data).filter(
    (pair): pair is [string, string | number | boolean] =>
      typeof pair[1] === "string" || typeof pair[1] === "number" || typeof pair[1] === "boolean",
  );
  return noteLine([["by", entry.actorLabel], ["event", entry.kind], ...details]);
}

/**
 * `senderId` is the i3 identifier (a domain name) of the region's 112 centre: it issues the EIDO,
 * owns the incident, and scopes every identifier minted here. Our agencies, notes and locations
 * have no i3 identifiers of their own, so they get the standard's `urn:emergency:uid:` form, with
 * our UUID (hyphens dropped: the unique part is alphanumeric) as the unique part.
 */
export function eidoDocument(
  record: IncidentRecord,
  options: { issuedAt: Date; senderId: string },
): EidoDocument {
  const { senderId } = options;
  const uid = (kind: string, unique: string): string =>
    `urn:emergency:uid:${kind}:${unique.replaceAll("-", "")}:${senderId}`;
  const ref = ($id: string): Reference => ({ $ref: $id });
  const centre = ref(senderId);
  const prologue = ($id: string, at: Date): Prologue => ({
    $id,
    lastUpdateTimeStamp: at.toISOString(),
    updatedByAgencyReference: centre,
  });

  const notes: EidoNotes[] = [];
  const note = (text: string, at: Date): Reference => {
    const $id = uid("eidodatacomponent", `note${notes.length}${record.id}`);
    notes.push({ ...prologue($id, at), notesActionComments: text });
    return ref($id);
  };

  const locations: EidoLocation[] = [];
  if (record.location) {
    const $id = uid("eidodatacomponent", `location${record.id}`);
    const civic: [string, string | null][] = [
      ["A3", record.location.kecamatanCode],
      ["A4", record.villageCode],
      ["LOC", record.location.address],
    ];
    locations.push({
      ...prologue($id, record.updatedAt),
      locationTypeDescriptionRegistryText: "CurrentIncident",
      locationByValue: pidfLo($id, {
        shape: operatorShape(record.location),
        civic,
        method: "Manual",
        at: null,
      }),
      ...(record.location.address ? { locationDescriptionText: record.location.address } : {}),
    });
  }
  const incidentLocations = locations.map((location) => ref(location.$id));

  const callbacks: EidoCallback[] = [];
  const calls = record.calls.map((call): EidoCall => {
    const callLocations: Reference[] = [];
    if (call.location) {
      const $id = uid("eidodatacomponent", `device${call.id}`);
      const fixedAt = new Date(call.location.fixedAt);
      const locationByValue = pidfLo($id, {
        shape: deviceShape(call.location),
        civic: [],
        method: pidfMethods[call.location.positioningMethod],
        at: fixedAt,
      });
      locations.push({
        ...prologue($id, fixedAt),
        locationTypeDescriptionRegistryText: "Caller",
        locationByValue,
      });
      callLocations.push(ref($id));
    }
    let callBackReference: Reference | undefined;
    if (call.callerNumber) {
      const $id = uid("eidodatacomponent", `callback${call.id}`);
      callbacks.push({
        ...prologue($id, call.offeredAt),
        callBackInformationUri: [`tel:${call.callerNumber}`],
      });
      callBackReference = ref($id);
    }
    return {
      ...prologue(uid("callid", call.id), call.offeredAt),
      standardPrimaryCallType: "emergency",
      direction: "incoming",
      callStartTimestamp: call.offeredAt.toISOString(),
      // The record keeps no call state; a call attached to an incident was answered by an operator.
      callStateRegistryText: "callAnswered",
      ...(callBackReference ? { callBackReference } : {}),
      locationReference: callLocations,
    };
  });

  const incidentNotes = [
    ...(record.description ? [note(escapeMarkup(record.description), record.updatedAt)] : []),
    // EIDO 1.0 has no fields for these facts, yet responders need them (people trapped, casualties).
    note(
      noteLine([
        ["origin", record.origin],
        ["severity", record.severity],
        ["casualties", record.casualties],
        ["flags", record.flags.length > 0 ? record.flags.join(", ") : null],
      ]),
      record.updatedAt,
    ),
    ...record.timeline.map((entry) => note(timelineNote(entry), entry.at)),
  ];

  const agencies: EidoAgency[] = [
    {
      ...prologue(senderId, record.updatedAt),
      agencyJcard: jCard(record.tenant.name),
      agencyRoleDescriptionRegistryText: [
        "CallReceiving",
        ...(record.assignments.length > 0 ? ["Dispatching"] : []),
      ],
      agencyType: ["psap"],
      incidentOwningAgencyIndicator: true,
    },
  ];
  const dispatches = record.assignments.map((assignment): EidoDispatch => {
    const agencyId = uid("eidodatacomponent", `agency${assignment.agencyId}`);
    agencies.push({
      ...prologue(agencyId, record.updatedAt),
      agencyJcard: jCard(assignment.agencyName),
      agencyRoleDescriptionRegistryText:
        assignment.status === "withdrawn"
          ? ["Informational"]
          : assignment.role === "support"
            ? ["Dispatched", "Assisting"]
            : ["Dispatched"],
      agencyType: [responderTypes[assignment.agencyType] ?? assignment.agencyType],
      incidentOwningAgencyIndicator: false,
    });
    // EIDO 1.0 has no element for an agency's lead, progress or acknowledgement deadline: a note on the dispatch carries them.
    const progress = noteLine([
      ["agency", assignment.agencyName],
      ["role", assignment.role],
      ["lead", assignment.lead],
      ["status", assignment.status],
      ["ackDeadline", assignment.ackDeadline.toISOString()],
      ["acknowledgedAt", assignment.acknowledgedAt?.toISOString() ?? null],
    ]);
    return {
      ...prologue(uid("eidodatacomponent", `dispatch${assignment.id}`), record.updatedAt),
      agencyReference: ref(agencyId),
      notesReference: [note(progress, record.updatedAt)],
    };
  });

  const disposition: EidoDisposition[] =
    record.disposition !== null && (record.status === "closed" || record.status === "cancelled")
      ? [
          {
            ...prologue(
              uid("eidodatacomponent", `disposition${record.id}`),
              record.closedAt ?? record.updatedAt,
            ),
            dispositionCommonRegistryCode: commonDisposition(record),
            dispositionPrimaryIndicator: true,
            dispositionDescriptionText: record.disposition,
          },
        ]
      : [];

  const [mainType = ""] = record.types;
  return {
    ...prologue(uid("incidentid", record.id), options.issuedAt),
    eidoVersion: "1.0",
    issuingElementIdentification: senderId,
    incidentComponent: {
      ...prologue(uid("eidodatacomponent", `incident${record.id}`), record.updatedAt),
      incidentTypeCommonRegistryText: commonIncidentType(mainType),
      incidentTypeInternalCode: mainType,
      incidentTypeInternalText: record.types.join(" + "),
      incidentStatusCommonRegistryText: commonIncidentStatuses(record),
      incidentStatusInternalText: [record.status],
      internalIncidentId: record.id,
      ...(record.priority ? { incidentPriorityInternalText: record.priority } : {}),
      locationReference: incidentLocations,
      dispositionComponent: disposition,
      notesReference: incidentNotes,
    },
    callComponent: calls,
    callbackComponent: callbacks,
    dispatchComponent: dispatches,
    agencyComponent: agencies,
    notesComponent: notes,
    locationComponent: locations,
  };
}

/** EIDO names an agency only through its contact card, a jCard (RFC 7095) serialised as text. */
function jCard(name: string): string {
  return JSON.stringify([
    "vcard",
    [
      ["version", {}, "text", "4.0"],
      ["kind", {}, "text", "org"],
      ["fn", {}, "text", name],
    ],
  ]);
}
