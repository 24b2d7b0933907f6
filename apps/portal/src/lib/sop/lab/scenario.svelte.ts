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
/** One more kind of a compound incident, as typed: a type and a subtype code or blank. */
export interface KindDraft {
  type: string;
  subtype: string;
}

/** More kinds than the engine takes (5 in all) is a description, not a classification. */
export const maxExtraKinds = 4;

export class ScenarioDraft {
  /** The incident's main kind. */
  main: KindDraft = $state({ type: "fire", subtype: "" });
  /** The incident's other kinds (a crash with a burning car). */
  extraKinds: KindDraft[] = $state([]);
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
    const [main, ...others] = incident.types ?? [
      { type: incident.type ?? "fire", subtype: incident.subtype },
    ];
    this.main = { type: main?.type ?? "fire", subtype: main?.subtype ?? "" };
    this.extraKinds = others.map((kind) => ({ type: kind.type, subtype: kind.subtype ?? "" }));
    this.severity = incident.severity ?? "";
    this.casualties = incident.casualties === undefined ? "" : String(incident.casualties);
    this.flags = (incident.flags ?? []).filter(isFlag);
    this.kecamatan = incident.kecamatan ?? "";
    this.description = incident.description ?? "";
    this.at = wallClock(at, this.timeZone);
  }

  /** A subtype of another type no longer fits once the type changes. */
  typeChanged(): void {
    for (const kind of [this.main, ...this.extraKinds])
      if (!kind.subtype.startsWith(`${kind.type}.`)) kind.subtype = "";
  }

  addKind(): void {
    if (this.extraKinds.length < maxExtraKinds)
      this.extraKinds.push({ type: "traffic_accident", subtype: "" });
  }

  removeKind(index: number): void {
    this.extraKinds.splice(index, 1);
  }

  incident(): IncidentInput {
    const casualties = this.casualties.trim();
    const description = this.description.trim();
    const kindOf = ({ type, subtype }: KindDraft) => ({
      type,
      ...(subtype === "" ? {} : { subtype }),
    });
    // One kind keeps the single form (`type`, `subtype`), which every version of the engine reads.
    const kinds =
      this.extraKinds.length === 0
        ? kindOf(this.main)
        : { types: [this.main, ...this.extraKinds].map(kindOf) };
    return {
      ...kinds,
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
