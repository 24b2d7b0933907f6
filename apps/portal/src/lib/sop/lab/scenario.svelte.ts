import { incidentFlags, severities, type IncidentFlag, type Severity } from "@sigap/sop-engine";
import { wallClock, zonedIso } from "./moment.ts";
import type { IncidentInput } from "./types.ts";

/** A whole number as typed, else NaN, which the API or the engine names as the field to fix. */
function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

function isSeverity(value: string): value is Severity {
  return (severities as readonly string[]).includes(value);
}

function isFlag(value: string): value is IncidentFlag {
  return (incidentFlags as readonly string[]).includes(value);
}

/**
 * The scenario form's editable copy: an incident and the moment it is planned for, typed on the
 * tenant's clock. Blank optional fields are left out of the incident, because the engine reads an
 * omitted fact as unknown (an unknown casualty count is not zero).
 */
export class ScenarioDraft {
  type = $state("fire");
  subtype = $state("");
  /** A severity code, or blank for unknown. */
  severity = $state("");
  casualties = $state("");
  flags: IncidentFlag[] = $state([]);
  kecamatan = $state("");
  description = $state("");
  /** `datetime-local` on the tenant's clock. */
  at = $state("");

  readonly timeZone: string;

  /** `now`: when the form opens, unless a scenario fills it. */
  constructor(timeZone: string, now: number) {
    this.timeZone = timeZone;
    this.at = wallClock(now, timeZone);
  }

  /** Takes over a stored scenario (a test case's incident and moment). */
  fill(incident: IncidentInput, at: string): void {
    this.type = incident.type;
    this.subtype = incident.subtype ?? "";
    this.severity = incident.severity ?? "";
    this.casualties = incident.casualties === undefined ? "" : String(incident.casualties);
    this.flags = (incident.flags ?? []).filter(isFlag);
    this.kecamatan = incident.kecamatan ?? "";
    this.description = incident.description ?? "";
    this.at = wallClock(at, this.timeZone);
  }

  /** A subtype of another type no longer fits once the type changes. */
  typeChanged(): void {
    if (!this.subtype.startsWith(`${this.type}.`)) this.subtype = "";
  }

  incident(): IncidentInput {
    const casualties = this.casualties.trim();
    const description = this.description.trim();
    return {
      type: this.type,
      ...(this.subtype === "" ? {} : { subtype: this.subtype }),
      ...(isSeverity(this.severity) ? { severity: this.severity } : {}),
      ...(casualties === "" ? {} : { casualties: wholeNumber(casualties) }),
      ...(this.flags.length === 0 ? {} : { flags: [...this.flags] }),
      ...(this.kecamatan === "" ? {} : { kecamatan: this.kecamatan }),
      ...(description === "" ? {} : { description }),
    };
  }

  /** The moment as ISO 8601 with the tenant's offset, e.g. `2026-08-17T21:30:00+08:00` in WITA. */
  moment(): string {
    return zonedIso(this.at, this.timeZone);
  }
}
