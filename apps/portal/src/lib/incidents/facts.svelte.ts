import { incidentFlags, severities, type IncidentFlag, type Severity } from "@sigap/sop-engine";
import type { RouterOutputs } from "#lib/api/client.ts";
import type { LatLng } from "#lib/calls/map-projection.ts";

type Detail = RouterOutputs["incidents"]["detail"];

/** What the SOP plans from, as the operator records it (`incidents.create` and `incidents.updateFacts` take the same). */
export interface FactsInput {
  types: string[];
  severity: Severity | null;
  casualties: number | null;
  flags: IncidentFlag[];
  description: string | null;
  location: {
    latitude: number | null;
    longitude: number | null;
    kecamatanCode: string | null;
    address: string | null;
  } | null;
  villageCode: string | null;
}

/** More kinds than five is a description, not a classification (the API takes five). */
export const maxKinds = 5;

/** A field the form finds wrong before sending, by the API's path for it. */
export type FactProblem = "types" | "casualties" | "location.latitude" | "location.longitude";

function isSeverity(value: string): value is Severity {
  return (severities as readonly string[]).includes(value);
}

/** Degrees as typed, with a decimal comma as Indonesians write it too; null when not a number within ±`limit`. */
function degrees(text: string, limit: number): number | null {
  const typed = text.trim().replace(",", ".");
  if (!/^-?\d{1,3}(\.\d+)?$/.test(typed)) return null;
  const value = Number(typed);
  return Math.abs(value) <= limit ? value : null;
}

/**
 * The facts form's editable copy. Blank optional fields are sent as null: the SOP reads an
 * unknown casualty count as unknown, not as zero. The point is kept as typed, so a coordinate
 * being written is not rewritten under the cursor; a click on the map sets both.
 */
export class FactsDraft {
  /** Kind codes as picked, main first; blanks are dropped when sent. */
  kinds: string[] = $state([""]);
  severity = $state("");
  casualties = $state("");
  flags: IncidentFlag[] = $state([]);
  description = $state("");
  kecamatanCode = $state("");
  /** The desa/kelurahan, one of the kecamatan's (the village field clears it when the kecamatan changes). */
  villageCode = $state("");
  address = $state("");
  latitude = $state("");
  longitude = $state("");

  constructor(
    incident?: Pick<
      Detail,
      "types" | "severity" | "casualties" | "flags" | "description" | "location" | "villageCode"
    >,
  ) {
    if (!incident) return;
    this.kinds = incident.types.length > 0 ? [...incident.types] : [""];
    this.severity = incident.severity ?? "";
    this.casualties = incident.casualties === null ? "" : String(incident.casualties);
    this.flags = incident.flags.filter((flag): flag is IncidentFlag =>
      (incidentFlags as readonly string[]).includes(flag),
    );
    this.description = incident.description ?? "";
    this.kecamatanCode = incident.location?.kecamatanCode ?? "";
    this.villageCode = incident.villageCode ?? "";
    this.address = incident.location?.address ?? "";
    const { location } = incident;
    this.point =
      location && location.latitude !== null && location.longitude !== null
        ? { latitude: location.latitude, longitude: location.longitude }
        : null;
  }

  /** The point as typed, when both coordinates are; what the map shows marked. */
  get point(): LatLng | null {
    const latitude = degrees(this.latitude, 90);
    const longitude = degrees(this.longitude, 180);
    return latitude === null || longitude === null ? null : { latitude, longitude };
  }

  set point(point: LatLng | null) {
    this.latitude = point ? String(point.latitude) : "";
    this.longitude = point ? String(point.longitude) : "";
  }

  addKind(): void {
    if (this.kinds.length < maxKinds) this.kinds.push("");
  }

  removeKind(index: number): void {
    this.kinds.splice(index, 1);
  }

  /**
   * Fields to fix before sending: no kind at all, a casualty count that is not a whole number
   * (JSON would carry a mistyped one as null, which the API would take for "unknown"), or half a
   * point or one off the globe (the API takes both coordinates or neither).
   */
  problems(): FactProblem[] {
    const problems: FactProblem[] = [];
    if (this.kinds.every((kind) => kind === "")) problems.push("types");
    if (this.casualties.trim() !== "" && !/^\d+$/.test(this.casualties.trim()))
      problems.push("casualties");
    if (`${this.latitude}${this.longitude}`.trim() !== "") {
      if (degrees(this.latitude, 90) === null) problems.push("location.latitude");
      if (degrees(this.longitude, 180) === null) problems.push("location.longitude");
    }
    return problems;
  }

  input(): FactsInput {
    const casualties = this.casualties.trim();
    const point = this.point;
    const hasPlace = point !== null || this.kecamatanCode !== "" || this.address.trim() !== "";
    return {
      types: this.kinds.filter((kind, index, all) => kind !== "" && all.indexOf(kind) === index),
      severity: isSeverity(this.severity) ? this.severity : null,
      casualties: casualties === "" ? null : Number(casualties),
      flags: [...this.flags],
      description: this.description.trim() === "" ? null : this.description.trim(),
      location: hasPlace
        ? {
            latitude: point?.latitude ?? null,
            longitude: point?.longitude ?? null,
            kecamatanCode: this.kecamatanCode || null,
            address: this.address.trim() || null,
          }
        : null,
      villageCode: this.kecamatanCode !== "" && this.villageCode !== "" ? this.villageCode : null,
    };
  }
}
