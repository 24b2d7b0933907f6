import { incidentFlags, severities, type IncidentFlag, type Severity } from "@sigap/sop-engine";
import type { RouterOutputs } from "#lib/api/client.ts";

type Detail = RouterOutputs["incidents"]["detail"];

/** What the SOP plans from, as the operator records it (`incidents.create` and `incidents.updateFacts` take the same). */
export interface FactsInput {
  types: string[];
  severity: Severity | null;
  casualties: number | null;
  flags: IncidentFlag[];
  description: string | null;
  location: { latitude: number | null; longitude: number | null; kecamatanCode: string | null; address: string | null } | null;
}

/** More kinds than five is a description, not a classification (the API takes five). */
export const maxKinds = 5;

function isSeverity(value: string): value is Severity {
  return (severities as readonly string[]).includes(value);
}

/**
 * The facts form's editable copy. Blank optional fields are sent as null: the SOP reads an
 * unknown casualty count as unknown, not as zero. A point marked on the call panel's map is kept
 * as it is, since this form has no map to change it.
 */
export class FactsDraft {
  /** Kind codes as picked, main first; blanks are dropped when sent. */
  kinds: string[] = $state([""]);
  severity = $state("");
  casualties = $state("");
  flags: IncidentFlag[] = $state([]);
  description = $state("");
  kecamatanCode = $state("");
  address = $state("");
  readonly #point: { latitude: number | null; longitude: number | null };

  constructor(incident?: Pick<Detail, "types" | "severity" | "casualties" | "flags" | "description" | "location">) {
    this.#point = { latitude: incident?.location?.latitude ?? null, longitude: incident?.location?.longitude ?? null };
    if (!incident) return;
    this.kinds = incident.types.length > 0 ? [...incident.types] : [""];
    this.severity = incident.severity ?? "";
    this.casualties = incident.casualties === null ? "" : String(incident.casualties);
    this.flags = incident.flags.filter((flag): flag is IncidentFlag => (incidentFlags as readonly string[]).includes(flag));
    this.description = incident.description ?? "";
    this.kecamatanCode = incident.location?.kecamatanCode ?? "";
    this.address = incident.location?.address ?? "";
  }

  addKind(): void {
    if (this.kinds.length < maxKinds) this.kinds.push("");
  }

  removeKind(index: number): void {
    this.kinds.splice(index, 1);
  }

  /**
   * Fields to fix before sending: no kind at all, or a casualty count that is not a whole number
   * (JSON would carry a mistyped one as null, which the API would take for "unknown").
   */
  problems(): ("types" | "casualties")[] {
    const problems: ("types" | "casualties")[] = [];
    if (this.kinds.every((kind) => kind === "")) problems.push("types");
    if (this.casualties.trim() !== "" && !/^\d+$/.test(this.casualties.trim())) problems.push("casualties");
    return problems;
  }

  input(): FactsInput {
    const casualties = this.casualties.trim();
    const hasPlace = this.#point.latitude !== null || this.kecamatanCode !== "" || this.address.trim() !== "";
    return {
      types: this.kinds.filter((kind, index, all) => kind !== "" && all.indexOf(kind) === index),
      severity: isSeverity(this.severity) ? this.severity : null,
      casualties: casualties === "" ? null : Number(casualties),
      flags: [...this.flags],
      description: this.description.trim() === "" ? null : this.description.trim(),
      location: hasPlace ? { ...this.#point, kecamatanCode: this.kecamatanCode || null, address: this.address.trim() || null } : null,
    };
  }
}
