import type { Agency, AgencyType, AgencyTypeCode, OperatingHours, WeeklyWindow } from "./types.ts";

/** The agency form's editable copy: a fresh one per saved version, so a save shows what was kept. */
export class AgencyDraft {
  /** Blank until chosen: the form asks rather than guessing a type. */
  agencyType: AgencyTypeCode | "" = $state("");
  name = $state("");
  active = $state(true);
  hoursMode: "always" | "weekly" = $state("always");
  // Choosing "weekly" starts from one working day to copy onward.
  windows: WeeklyWindow[] = $state([{ day: 1, from: "07:00", to: "16:00" }]);
  /** The whole kabupaten/kota (the default), or only the kecamatan in `districtCodes`. */
  coverageMode: "whole" | "districts" = $state("whole");
  districtCodes: string[] = $state([]);

  /** The saved version this copy started from (blank for a new agency). */
  readonly version: string;

  constructor(version: string, catalogue: readonly AgencyType[], agency?: Agency) {
    this.version = version;
    if (!agency) return;
    this.agencyType = catalogue.find((type) => type.code === agency.agencyType)?.code ?? "";
    this.name = agency.name;
    this.active = agency.active;
    if (agency.coverageDistrictCodes && agency.coverageDistrictCodes.length > 0) {
      this.coverageMode = "districts";
      this.districtCodes = [...agency.coverageDistrictCodes];
    }
    if ("weekly" in agency.operatingHours) {
      this.hoursMode = "weekly";
      this.windows = agency.operatingHours.weekly.map((window) => ({ ...window }));
    }
  }

  addWindow(): void {
    const last = this.windows.at(-1);
    // The next day with the same hours: entering a working week is mostly pressing "add".
    this.windows.push(
      last
        ? { day: (last.day % 7) + 1, from: last.from, to: last.to }
        : { day: 1, from: "07:00", to: "16:00" },
    );
  }

  removeWindow(index: number): void {
    this.windows.splice(index, 1);
  }

  /** Coverage as the API takes it: an empty list is the whole region. */
  coverage(): string[] {
    return this.coverageMode === "whole" ? [] : [...this.districtCodes];
  }

  hours(): OperatingHours {
    return this.hoursMode === "always"
      ? { always: true }
      : { weekly: this.windows.map((window) => ({ ...window })) };
  }
}
