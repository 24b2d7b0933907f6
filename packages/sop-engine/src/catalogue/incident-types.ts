import type { Priority } from "./priority.ts";

export interface IncidentSubtype {
  /** Stable code `<type>.<subtype>`; stored on incidents, so never renamed once published. */
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
}

export interface IncidentType {
  /** Stable code; stored on incidents, so never renamed once published. */
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  /**
   * The most urgent priority this type can nationally reach. Every P1 type must be covered by the
   * region's SOP, because an uncovered life-threatening call would get no proposed dispatch.
   */
  readonly nationalPriority: Priority;
  readonly subtypes: readonly IncidentSubtype[];
}

function subtypes(
  type: string,
  entries: readonly (readonly [string, string, string])[],
): IncidentSubtype[] {
  return entries.map(([code, name, nameEn]) => ({ code: `${type}.${code}`, name, nameEn }));
}

/** The national catalogue. Regions add local subtypes in their ruleset (`localSubtypes`). */
export const incidentTypes: readonly IncidentType[] = [
  {
    code: "fire",
    name: "Kebakaran",
    nameEn: "Fire",
    nationalPriority: "P1",
    subtypes: subtypes("fire", [
      ["building", "Kebakaran bangunan", "Building fire"],
      ["vehicle", "Kebakaran kendaraan", "Vehicle fire"],
      ["forest_land", "Kebakaran hutan dan lahan", "Forest or land fire"],
    ]),
  },
  {
    code: "traffic_accident",
    name: "Kecelakaan lalu lintas",
    nameEn: "Traffic accident",
    nationalPriority: "P1",
    subtypes: subtypes("traffic_accident", [
      ["single_vehicle", "Kecelakaan tunggal", "Single-vehicle accident"],
      ["multi_vehicle", "Tabrakan beberapa kendaraan", "Multi-vehicle collision"],
      ["pedestrian", "Pejalan kaki tertabrak", "Pedestrian struck"],
      ["public_transport", "Kecelakaan angkutan umum", "Public transport accident"],
    ]),
  },
  {
    code: "crime",
    name: "Tindak kriminal",
    nameEn: "Crime",
    nationalPriority: "P1",
    subtypes: subtypes("crime", [
      ["theft", "Pencurian", "Theft"],
      ["robbery", "Perampokan / begal", "Robbery"],
      ["assault", "Penganiayaan", "Assault"],
      ["sexual_violence", "Kekerasan seksual", "Sexual violence"],
    ]),
  },
  {
    code: "brawl",
    name: "Tawuran",
    nameEn: "Brawl",
    nationalPriority: "P1",
    subtypes: subtypes("brawl", [
      ["students", "Tawuran pelajar", "Student brawl"],
      ["residents", "Tawuran warga", "Residents' brawl"],
    ]),
  },
  {
    code: "missing_person",
    name: "Orang hilang",
    nameEn: "Missing person",
    nationalPriority: "P1",
    subtypes: subtypes("missing_person", [
      ["child", "Anak hilang", "Missing child"],
      ["adult", "Orang dewasa hilang", "Missing adult"],
      ["drowning", "Orang tenggelam / hanyut", "Drowning or swept away"],
    ]),
  },
  {
    code: "disaster",
    name: "Bencana alam",
    nameEn: "Natural disaster",
    nationalPriority: "P1",
    subtypes: subtypes("disaster", [
      ["flood", "Banjir", "Flood"],
      ["landslide", "Tanah longsor", "Landslide"],
      ["earthquake", "Gempa bumi", "Earthquake"],
      ["tsunami", "Tsunami", "Tsunami"],
      ["volcanic_eruption", "Erupsi gunung api", "Volcanic eruption"],
      ["extreme_weather", "Cuaca ekstrem / angin puting beliung", "Extreme weather"],
    ]),
  },
  {
    code: "medical",
    name: "Kegawatdaruratan medis",
    nameEn: "Medical emergency",
    nationalPriority: "P1",
    subtypes: subtypes("medical", [
      ["cardiac", "Henti jantung / nyeri dada", "Cardiac arrest or chest pain"],
      ["stroke", "Stroke", "Stroke"],
      ["trauma", "Cedera / trauma", "Injury or trauma"],
      ["birth", "Persalinan", "Childbirth"],
      ["poisoning", "Keracunan", "Poisoning"],
      ["breathing", "Sesak napas", "Breathing difficulty"],
      ["unconscious", "Tidak sadarkan diri", "Unconscious person"],
      [
        "mental_crisis",
        "Krisis kejiwaan / percobaan bunuh diri",
        "Mental health crisis or suicide attempt",
      ],
    ]),
  },
  {
    code: "hazardous_material",
    name: "Bahan berbahaya",
    nameEn: "Hazardous material",
    nationalPriority: "P1",
    subtypes: subtypes("hazardous_material", [
      ["gas_leak", "Kebocoran gas (LPG)", "Gas leak (LPG)"],
      ["chemical_spill", "Tumpahan bahan kimia", "Chemical spill"],
    ]),
  },
  {
    code: "electrical_hazard",
    name: "Bahaya listrik",
    nameEn: "Electrical hazard",
    nationalPriority: "P1",
    subtypes: subtypes("electrical_hazard", [
      ["fallen_power_line", "Kabel listrik putus / jatuh", "Fallen power line"],
      ["electrocution", "Tersengat listrik", "Electrocution"],
      ["short_circuit", "Korsleting", "Short circuit"],
    ]),
  },
  {
    code: "domestic_violence",
    name: "Kekerasan dalam rumah tangga",
    nameEn: "Domestic violence",
    nationalPriority: "P1",
    subtypes: [],
  },
  {
    code: "child_protection",
    name: "Perlindungan anak",
    nameEn: "Child protection",
    nationalPriority: "P2",
    subtypes: subtypes("child_protection", [
      ["abuse", "Kekerasan terhadap anak", "Child abuse"],
      ["neglect", "Penelantaran anak", "Child neglect"],
      ["abandoned", "Anak terlantar / ditemukan", "Abandoned or found child"],
    ]),
  },
  {
    code: "public_order",
    name: "Ketertiban umum",
    nameEn: "Public order",
    nationalPriority: "P3",
    subtypes: subtypes("public_order", [
      ["disturbance", "Gangguan ketertiban", "Disturbance"],
      ["noise", "Kebisingan", "Noise"],
      ["intoxicated_person", "Orang mabuk", "Intoxicated person"],
      ["homeless_person", "Orang terlantar / ODGJ di jalan", "Homeless or disoriented person"],
    ]),
  },
  {
    code: "animal_evacuation",
    name: "Evakuasi hewan",
    nameEn: "Animal evacuation",
    nationalPriority: "P3",
    subtypes: subtypes("animal_evacuation", [
      ["snake", "Ular", "Snake"],
      ["bees_wasps", "Sarang tawon / lebah", "Bees or wasps nest"],
      ["trapped_animal", "Hewan terjebak", "Trapped animal"],
      ["wild_animal", "Hewan liar / buas", "Wild animal"],
    ]),
  },
  {
    code: "fallen_tree",
    name: "Pohon tumbang",
    nameEn: "Fallen tree",
    nationalPriority: "P2",
    subtypes: subtypes("fallen_tree", [
      ["road_blocked", "Menutup jalan", "Blocking a road"],
      ["on_building", "Menimpa bangunan / kendaraan", "On a building or vehicle"],
    ]),
  },
  {
    code: "public_utility",
    name: "Gangguan utilitas umum",
    nameEn: "Public utility failure",
    nationalPriority: "P3",
    subtypes: subtypes("public_utility", [
      ["water_main", "Pipa air bocor / putus", "Burst water main"],
      ["road_damage", "Jalan rusak / amblas", "Road damage or sinkhole"],
      ["traffic_light", "Lampu lalu lintas mati", "Traffic light failure"],
    ]),
  },
];
