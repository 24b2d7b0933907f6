import type { AgencyTypeCode } from "../catalogue/agency-types.ts";
import { rulesetFormat, type Fallback, type RulesetInput } from "../schema/ruleset.ts";

// The national default SOP. Regions clone it into their first draft and adapt it to their own
// regulation; it names agencies by type so it works in every region unchanged. Texts are in Bahasa
// Indonesia because operators read them aloud to callers.

type AgencyEntry = {
  agencyType: AgencyTypeCode;
  role: "primary" | "support";
  ackWithinMinutes: number;
  fallback?: Fallback;
};

/**
 * Who is called when the region has no active agency of a type (or none covering the incident's
 * kecamatan): the national number that forwards to the nearest unit. Only agency types with such a
 * number have one; the others (RSUD, PMI, Satpol PP, Kodim, Dishub, DLH…) must be registered.
 * Sources: Polri 110, Damkar 113, Basarnas 115, BNPB call center 117 (integrated with the BPBD),
 * SPGDT/PSC 119 (Kemenkes), PLN contact center 123, SAPA 129 (Kementerian PPPA).
 */
const nationalNumbers: Partial<Record<AgencyTypeCode, Fallback>> = {
  polres: { name: "Polri (nomor darurat 110)", phone: "110" },
  damkar: { name: "Pemadam kebakaran (nomor darurat 113)", phone: "113" },
  basarnas: { name: "Basarnas (nomor darurat 115)", phone: "115" },
  bpbd: { name: "Pusdalops BNPB/BPBD (call center 117)", phone: "117" },
  psc119: { name: "SPGDT Kemenkes (ambulans 119)", phone: "119" },
  pln: { name: "PLN (contact center 123)", phone: "123" },
  dp3a: { name: "SAPA Kementerian PPPA (129)", phone: "129" },
};

function agency(
  agencyType: AgencyTypeCode,
  role: AgencyEntry["role"],
  ackWithinMinutes: number,
): AgencyEntry {
  const fallback = nationalNumbers[agencyType];
  return { agencyType, role, ackWithinMinutes, ...(fallback === undefined ? {} : { fallback }) };
}

const primary = (agencyType: AgencyTypeCode, ackWithinMinutes: number): AgencyEntry =>
  agency(agencyType, "primary", ackWithinMinutes);
const support = (agencyType: AgencyTypeCode, ackWithinMinutes: number): AgencyEntry =>
  agency(agencyType, "support", ackWithinMinutes);

/** Shared wording: the same key must read the same in every rule that asks it. */
const ask = {
  address: {
    key: "exact_location",
    text: "Di mana lokasi persisnya (alamat, patokan, desa/kelurahan)?",
  },
  trapped: {
    key: "people_trapped",
    text: "Apakah ada orang yang terjebak? Berapa orang dan di mana?",
  },
  injured: {
    key: "injured_count",
    text: "Berapa orang yang terluka, dan apakah mereka sadar dan bernapas?",
  },
  burning: {
    key: "what_is_burning",
    text: "Apa yang terbakar (rumah, toko, gudang, kendaraan, lahan)?",
  },
  gas: {
    key: "gas_cylinder",
    text: "Apakah ada tabung gas LPG atau bahan mudah meledak di dekat lokasi?",
  },
  vehicles: { key: "vehicles_involved", text: "Berapa kendaraan yang terlibat dan jenisnya apa?" },
  perpetrator: {
    key: "perpetrator_present",
    text: "Apakah pelaku masih di lokasi? Ciri-cirinya dan arah kaburnya?",
  },
  weapons: { key: "weapons_seen", text: "Apakah terlihat senjata tajam atau senjata api?" },
  crowd: { key: "crowd_size", text: "Kira-kira berapa orang yang terlibat?" },
  lastSeen: { key: "last_seen", text: "Kapan dan di mana terakhir terlihat, memakai pakaian apa?" },
  conscious: { key: "conscious_breathing", text: "Apakah pasien sadar dan bernapas normal?" },
  age: { key: "patient_age", text: "Berapa usia pasien dan apakah ada riwayat penyakit?" },
  water: { key: "water_level", text: "Berapa ketinggian air atau luas area terdampak?" },
  children: { key: "children_present", text: "Berapa anak yang terlibat dan berapa usianya?" },
  substance: {
    key: "substance",
    text: "Zat atau makanan apa yang diduga menyebabkan keracunan, dan berapa orang yang mengalami gejala?",
  },
  safeNow: { key: "caller_safe", text: "Apakah Anda sekarang berada di tempat yang aman?" },
} as const;

type AdviceInput = NonNullable<RulesetInput["rules"][number]["then"]["advice"]>[number];

/**
 * Said most urgent first whatever the rule order (see catalogue/advice.ts); `forTypes` keeps an item
 * to the incidents it fits, so a base rule can carry advice for some of its subtypes only.
 */
const say = {
  cpr: {
    key: "cpr",
    urgency: "life_saving",
    text: "Bila pasien tidak sadar dan tidak bernapas normal, baringkan telentang di alas yang keras, lalu tekan kuat dan cepat di tengah dada, 100-120 kali per menit, tanpa berhenti sampai petugas datang.",
  },
  bleeding: {
    key: "stop_bleeding",
    urgency: "life_saving",
    text: "Tekan luka yang berdarah dengan kain bersih, terus-menerus dan jangan dilepas sampai petugas datang.",
  },
  birth: {
    key: "birth",
    urgency: "life_saving",
    text: "Siapkan kain bersih dan hangat; jangan menarik bayi atau memotong tali pusat. Setelah lahir, keringkan bayi dan letakkan di dada ibu.",
  },
  electrocutionSafety: {
    key: "electrocution_safety",
    urgency: "life_saving",
    text: "Jangan menyentuh korban sebelum aliran listrik diputus (matikan MCB atau sekering) atau korban terlepas dari kabel.",
  },
  leaveBuilding: {
    key: "leave_building",
    urgency: "immediate_safety",
    forTypes: ["fire.building"],
    text: "Segera keluar dari bangunan, jangan gunakan lift, dan jangan kembali masuk.",
  },
  vehicleFire: {
    key: "vehicle_fire_distance",
    urgency: "immediate_safety",
    text: "Keluarkan semua penumpang dan jauhi kendaraan minimal 15 meter; jangan membuka kap mesin.",
  },
  landFire: {
    key: "land_fire_distance",
    urgency: "immediate_safety",
    text: "Menjauh dari api dan asap, berlawanan dengan arah angin; jangan mencoba memadamkan api yang besar sendiri.",
  },
  gasCylinderFire: {
    key: "gas_cylinder_fire",
    urgency: "immediate_safety",
    text: "Jauhi tabung gas yang terbakar atau terkena api dan jangan mencoba memadamkannya sendiri.",
  },
  gasSafety: {
    key: "gas_safety",
    urgency: "immediate_safety",
    forTypes: ["hazardous_material.gas_leak"],
    text: "Jangan menyalakan atau mematikan saklar listrik dan jangan ada api; bila aman, tutup katup tabung, buka pintu dan jendela, lalu keluar.",
  },
  dontMoveInjured: {
    key: "dont_move_injured",
    urgency: "immediate_safety",
    text: "Jangan memindahkan korban kecuali ada bahaya api atau kendaraan lain.",
  },
  keepDistance: {
    key: "keep_distance",
    urgency: "immediate_safety",
    text: "Jaga jarak aman dan jangan mencoba menangani sendiri.",
  },
  electricity: {
    key: "power_line_distance",
    urgency: "immediate_safety",
    text: "Jauhi kabel listrik minimal 10 meter dan jangan menyentuh orang yang masih tersengat.",
  },
  highGround: {
    key: "evacuate_high_ground",
    urgency: "immediate_safety",
    forTypes: ["disaster.flood", "disaster.tsunami"],
    text: "Segera menuju tempat yang lebih tinggi atau titik kumpul evakuasi; jangan menyeberangi arus air.",
  },
  landslide: {
    key: "landslide_away",
    urgency: "immediate_safety",
    forTypes: ["disaster.landslide"],
    text: "Menjauh dari lereng dan area longsoran; waspadai longsor susulan, terutama saat hujan.",
  },
  earthquake: {
    key: "earthquake_shelter",
    urgency: "immediate_safety",
    forTypes: ["disaster.earthquake"],
    text: "Selama guncangan, lindungi kepala di bawah meja yang kokoh; setelah berhenti, keluar ke tempat terbuka, jauh dari bangunan, tiang dan pohon.",
  },
  eruption: {
    key: "eruption_evacuate",
    urgency: "immediate_safety",
    forTypes: ["disaster.volcanic_eruption"],
    text: "Ikuti arahan evakuasi dan jauhi zona bahaya; lindungi hidung dan mulut dari abu dengan masker atau kain basah.",
  },
  storm: {
    key: "storm_shelter",
    urgency: "immediate_safety",
    forTypes: ["disaster.extreme_weather"],
    text: "Berlindung di dalam bangunan yang kokoh, jauh dari jendela, pohon besar dan papan reklame.",
  },
  stayOnLine: {
    key: "stay_on_line",
    urgency: "information",
    text: "Bila aman, tetap tersambung dan kabari kami bila keadaan berubah.",
  },
} satisfies Record<string, AdviceInput>;

/** Every PSC 119 dispatch: when the ambulance has not acknowledged, PMI's is called too. */
const ambulanceBackup = {
  action: "notify_backup_agency",
  afterMinutes: 10,
  for: { agencyType: "psc119" },
  backup: { agencyType: "pmi" },
} as const;

export const nationalTemplate = {
  format: rulesetFormat,
  name: "SOP nasional Call Center 112 (templat)",
  timeZone: "Asia/Jakarta",
  defaults: { priority: "P3", ackWithinMinutes: 10 },
  rules: [
    // Rules without a type condition apply to every incident with the stated facts.
    {
      id: "any.people-trapped",
      name: "Orang terjebak",
      when: { flags: { all: ["people_trapped"] } },
      then: {
        priority: "P1",
        agencies: [primary("damkar", 5)],
        escalation: [
          { action: "notify_supervisor", afterMinutes: 5, for: { agencyType: "damkar" } },
        ],
        checklist: [ask.trapped],
      },
    },
    {
      id: "any.major",
      name: "Kejadian tingkat kritis",
      description:
        "Severity is one caller's judgement: the supervisor looks, officials are alerted on scale only (any.mass-casualties, any.major-spreading).",
      when: { severity: { atLeast: "critical" } },
      then: { priority: "P1", escalation: [{ action: "notify_supervisor", afterMinutes: 10 }] },
    },
    {
      id: "any.major-spreading",
      name: "Kejadian kritis yang meluas, melibatkan massa atau lintas wilayah",
      when: {
        severity: { atLeast: "critical" },
        flags: { any: ["spreading", "large_crowd", "cross_region"] },
      },
      then: {
        escalation: [
          { action: "notify_officials", afterMinutes: 20, officials: ["sekda", "bupati_walikota"] },
        ],
      },
    },
    {
      id: "any.mass-casualties",
      name: "Korban massal (10 orang atau lebih)",
      when: { casualties: { atLeast: 10 } },
      then: {
        priority: "P1",
        agencies: [
          primary("psc119", 5),
          support("rsud", 10),
          support("pmi", 15),
          support("bpbd", 10),
        ],
        escalation: [
          {
            action: "notify_officials",
            afterMinutes: 15,
            officials: ["kepala_dinkes", "kalaksa_bpbd"],
          },
          { action: "notify_officials", afterMinutes: 20, officials: ["sekda", "bupati_walikota"] },
        ],
        checklist: [ask.injured],
      },
    },
    {
      id: "any.children",
      name: "Melibatkan anak",
      when: { flags: { any: ["children_involved"] } },
      then: { agencies: [support("dp3a", 30)], checklist: [ask.children] },
    },
    {
      id: "any.vulnerable",
      name: "Melibatkan lansia, penyandang disabilitas atau ibu hamil",
      when: { flags: { any: ["vulnerable_person"] } },
      then: { agencies: [support("dinsos", 30)] },
    },
    {
      id: "any.hazardous-material",
      name: "Ada bahan berbahaya",
      when: { flags: { any: ["hazardous_material"] } },
      then: {
        priority: "P1",
        agencies: [primary("damkar", 5), support("bpbd", 10)],
        escalation: [
          { action: "notify_supervisor", afterMinutes: 5, for: { agencyType: "damkar" } },
        ],
        advice: [say.keepDistance],
      },
    },
    {
      id: "any.cross-region",
      name: "Melintasi batas wilayah",
      description: "The supervisor coordinates with the neighbouring region's 112 centre.",
      when: { flags: { any: ["cross_region"] } },
      then: { escalation: [{ action: "notify_supervisor", afterMinutes: 10 }] },
    },

    // Fire
    {
      id: "fire.base",
      name: "Kebakaran",
      when: { types: ["fire.*"] },
      then: {
        priority: "P1",
        agencies: [primary("damkar", 3)],
        escalation: [
          { action: "renotify", afterMinutes: 3, for: { agencyType: "damkar" } },
          { action: "notify_supervisor", afterMinutes: 5, for: { agencyType: "damkar" } },
          {
            action: "notify_backup_agency",
            afterMinutes: 10,
            for: { agencyType: "damkar" },
            backup: { agencyType: "bpbd" },
          },
        ],
        checklist: [ask.address, ask.burning, ask.trapped],
        advice: [say.leaveBuilding, say.stayOnLine],
      },
    },
    {
      id: "fire.spreading",
      name: "Kebakaran meluas",
      when: { types: ["fire.*"], flags: { any: ["spreading"] } },
      then: {
        agencies: [support("bpbd", 10)],
        escalation: [{ action: "notify_officials", afterMinutes: 30, officials: ["kalaksa_bpbd"] }],
      },
    },
    {
      id: "fire.casualties",
      name: "Kebakaran dengan korban",
      when: { types: ["fire.*"], casualties: { atLeast: 1 } },
      then: {
        agencies: [primary("psc119", 5)],
        escalation: [ambulanceBackup],
        checklist: [ask.injured],
      },
    },
    {
      id: "fire.gas",
      name: "Kebakaran dengan tabung gas",
      when: { types: ["fire.*"], keywords: { any: ["gas", "elpiji", "lpg", "tabung*"] } },
      then: { checklist: [ask.gas], advice: [say.gasCylinderFire] },
    },
    {
      id: "fire.vehicle",
      name: "Kebakaran kendaraan",
      when: { types: ["fire.vehicle"] },
      then: {
        agencies: [support("polres", 10), support("dishub", 15)],
        advice: [say.vehicleFire],
      },
    },
    {
      id: "fire.forest-land",
      name: "Kebakaran hutan dan lahan (karhutla)",
      when: { types: ["fire.forest_land"] },
      then: {
        agencies: [
          primary("bpbd", 10),
          support("dlh", 30),
          support("kodim", 30),
          support("polres", 30),
        ],
        escalation: [
          { action: "notify_supervisor", afterMinutes: 15, for: { agencyType: "bpbd" } },
          { action: "notify_officials", afterMinutes: 60, officials: ["kalaksa_bpbd"] },
        ],
        advice: [say.landFire],
      },
    },
    {
      id: "fire.forest-land-spreading",
      name: "Karhutla meluas",
      when: { types: ["fire.forest_land"], flags: { any: ["spreading"] } },
      then: {
        escalation: [{ action: "notify_officials", afterMinutes: 60, officials: ["sekda"] }],
      },
    },

    // Traffic accidents
    {
      id: "traffic.base",
      name: "Kecelakaan lalu lintas",
      when: { types: ["traffic_accident.*"] },
      then: {
        priority: "P2",
        agencies: [primary("polres", 5), support("dishub", 15)],
        escalation: [
          { action: "notify_supervisor", afterMinutes: 10, for: { agencyType: "polres" } },
        ],
        checklist: [ask.address, ask.vehicles, ask.injured],
        advice: [say.dontMoveInjured, say.stayOnLine],
      },
    },
    {
      id: "traffic.casualties",
      name: "Kecelakaan dengan korban",
      when: { types: ["traffic_accident.*"], casualties: { atLeast: 1 } },
      then: {
        priority: "P1",
        agencies: [primary("psc119", 5)],
        escalation: [ambulanceBackup],
        advice: [say.bleeding],
      },
    },
    {
      id: "traffic.public-transport",
      name: "Kecelakaan angkutan umum",
      when: { types: ["traffic_accident.public_transport"] },
      then: {
        priority: "P1",
        agencies: [primary("psc119", 5), support("bpbd", 15), support("basarnas", 15)],
        escalation: [ambulanceBackup],
      },
    },

    // Crime and violence
    {
      id: "crime.base",
      name: "Tindak kriminal",
      when: { types: ["crime.*"] },
      then: {
        priority: "P2",
        agencies: [primary("polres", 5)],
        escalation: [
          { action: "notify_supervisor", afterMinutes: 10, for: { agencyType: "polres" } },
        ],
        checklist: [ask.address, ask.perpetrator, ask.weapons, ask.safeNow],
        advice: [say.keepDistance, say.stayOnLine],
      },
    },
    {
      id: "crime.violent",
      name: "Kejahatan bersenjata atau sedang berlangsung",
      when: { types: ["crime.*"], flags: { any: ["weapons_involved", "ongoing"] } },
      then: {
        priority: "P1",
        escalation: [{ action: "notify_officials", afterMinutes: 15, officials: ["kapolres"] }],
      },
    },
    {
      id: "crime.injured",
      name: "Kejahatan dengan korban luka",
      when: { types: ["crime.*"], casualties: { atLeast: 1 } },
      then: {
        priority: "P1",
        agencies: [primary("psc119", 5)],
        escalation: [ambulanceBackup],
        checklist: [ask.injured],
        advice: [say.bleeding],
      },
    },
    {
      id: "crime.sexual-violence",
      name: "Kekerasan seksual",
      when: { types: ["crime.sexual_violence"] },
      then: { priority: "P1", agencies: [support("dp3a", 30), support("psc119", 15)] },
    },
    {
      id: "brawl.base",
      name: "Tawuran",
      when: { types: ["brawl.*"] },
      then: {
        priority: "P2",
        agencies: [primary("polres", 5), support("satpol_pp", 15)],
        escalation: [
          { action: "notify_supervisor", afterMinutes: 10, for: { agencyType: "polres" } },
        ],
        checklist: [ask.address, ask.crowd, ask.weapons, ask.injured],
        advice: [say.keepDistance],
      },
    },
    {
      id: "brawl.night",
      name: "Tawuran pada malam hari",
      description: "Night brawls escalate fast and patrols are thin.",
      when: { types: ["brawl.*"], time: { hours: [{ from: "22:00", to: "05:00" }] } },
      then: { priority: "P1" },
    },
    {
      id: "brawl.large",
      name: "Tawuran besar",
      when: { types: ["brawl.*"], flags: { any: ["large_crowd", "weapons_involved"] } },
      then: {
        priority: "P1",
        agencies: [support("kodim", 15)],
        escalation: [
          { action: "notify_officials", afterMinutes: 15, officials: ["kapolres", "dandim"] },
        ],
      },
    },
    {
      id: "brawl.casualties",
      name: "Tawuran dengan korban",
      when: { types: ["brawl.*"], casualties: { atLeast: 1 } },
      then: {
        priority: "P1",
        agencies: [primary("psc119", 5)],
        escalation: [ambulanceBackup],
        advice: [say.bleeding],
      },
    },
    {
      id: "domestic-violence.base",
      name: "Kekerasan dalam rumah tangga",
      when: { types: ["domestic_violence.*"] },
      then: {
        priority: "P2",
        agencies: [primary("polres", 10), support("dp3a", 30)],
        escalation: [
          { action: "notify_supervisor", afterMinutes: 10, for: { agencyType: "polres" } },
        ],
        checklist: [ask.address, ask.perpetrator, ask.children, ask.safeNow],
        advice: [say.stayOnLine],
      },
    },
    {
      id: "domestic-violence.acute",
      name: "KDRT sedang berlangsung atau dengan korban luka",
      when: { types: ["domestic_violence.*"], flags: { any: ["ongoing", "weapons_involved"] } },
      then: { priority: "P1", agencies: [primary("polres", 5)] },
    },
    {
      id: "domestic-violence.injured",
      name: "KDRT dengan korban luka",
      when: { types: ["domestic_violence.*"], casualties: { atLeast: 1 } },
      then: {
        priority: "P1",
        agencies: [primary("psc119", 5)],
        escalation: [ambulanceBackup],
        advice: [say.bleeding],
      },
    },
    {
      id: "child-protection.base",
      name: "Perlindungan anak",
      when: { types: ["child_protection.*"] },
      then: {
        priority: "P2",
        agencies: [primary("dp3a", 30), support("polres", 30), support("dinsos", 30)],
        escalation: [
          { action: "notify_supervisor", afterMinutes: 30, for: { agencyType: "dp3a" } },
        ],
        checklist: [ask.address, ask.children, ask.safeNow],
      },
    },

    // Missing persons
    {
      id: "missing-person.base",
      name: "Orang hilang",
      when: { types: ["missing_person.*"] },
      then: {
        priority: "P2",
        agencies: [primary("polres", 10), support("basarnas", 15)],
        escalation: [
          { action: "notify_supervisor", afterMinutes: 10, for: { agencyType: "polres" } },
        ],
        checklist: [ask.lastSeen, ask.age],
      },
    },
    {
      id: "missing-person.child",
      name: "Anak hilang",
      when: { types: ["missing_person.child"] },
      then: { priority: "P1", agencies: [support("dp3a", 30)] },
    },
    {
      id: "missing-person.drowning",
      name: "Orang tenggelam atau hanyut",
      when: { types: ["missing_person.drowning"] },
      then: {
        priority: "P1",
        agencies: [
          primary("basarnas", 5),
          support("bpbd", 10),
          support("damkar", 10),
          support("psc119", 10),
        ],
        escalation: [
          { action: "notify_supervisor", afterMinutes: 5, for: { agencyType: "basarnas" } },
        ],
      },
    },

    // Natural disasters
    {
      id: "disaster.base",
      name: "Bencana alam",
      when: { types: ["disaster.*"] },
      then: {
        priority: "P1",
        agencies: [primary("bpbd", 5)],
        escalation: [
          { action: "notify_supervisor", afterMinutes: 10, for: { agencyType: "bpbd" } },
          {
            action: "notify_backup_agency",
            afterMinutes: 20,
            for: { agencyType: "bpbd" },
            backup: { agencyType: "basarnas" },
          },
          { action: "notify_officials", afterMinutes: 30, officials: ["kalaksa_bpbd"] },
        ],
        checklist: [ask.address, ask.trapped, ask.injured],
        advice: [
          say.highGround,
          say.landslide,
          say.earthquake,
          say.eruption,
          say.storm,
          say.stayOnLine,
        ],
      },
    },
    {
      id: "disaster.flood-landslide",
      name: "Banjir dan tanah longsor",
      when: { types: ["disaster.flood", "disaster.landslide"] },
      then: { agencies: [support("basarnas", 15), support("dinsos", 30)], checklist: [ask.water] },
    },
    {
      id: "disaster.trapped",
      name: "Korban tertimbun atau terjebak bencana",
      when: { types: ["disaster.*"], flags: { all: ["people_trapped"] } },
      then: { agencies: [primary("basarnas", 10), support("psc119", 10)] },
    },
    {
      id: "disaster.casualties",
      name: "Bencana dengan korban",
      when: { types: ["disaster.*"], casualties: { atLeast: 1 } },
      then: { agencies: [primary("psc119", 5), support("pmi", 15)] },
    },
    {
      id: "disaster.geological",
      name: "Gempa bumi, tsunami, erupsi",
      when: { types: ["disaster.earthquake", "disaster.tsunami", "disaster.volcanic_eruption"] },
      then: {
        agencies: [
          support("basarnas", 15),
          support("kodim", 15),
          support("polres", 15),
          support("dinsos", 30),
          support("pmi", 30),
        ],
        escalation: [{ action: "notify_officials", afterMinutes: 15, officials: ["kalaksa_bpbd"] }],
      },
    },
    {
      id: "disaster.extreme-weather",
      name: "Cuaca ekstrem",
      when: { types: ["disaster.extreme_weather"] },
      then: { agencies: [support("damkar", 15), support("pln", 30), support("dlh", 30)] },
    },

    // Medical
    {
      id: "medical.base",
      name: "Kegawatdaruratan medis",
      when: { types: ["medical.*"] },
      then: {
        priority: "P1",
        agencies: [primary("psc119", 3)],
        escalation: [
          { action: "renotify", afterMinutes: 3, for: { agencyType: "psc119" } },
          ambulanceBackup,
        ],
        checklist: [ask.address, ask.conscious, ask.age],
        advice: [{ ...say.bleeding, forTypes: ["medical.trauma"] }, say.stayOnLine],
      },
    },
    {
      id: "medical.cardiac",
      name: "Henti jantung",
      when: { types: ["medical.cardiac", "medical.unconscious"] },
      then: { advice: [say.cpr] },
    },
    {
      id: "medical.birth",
      name: "Persalinan",
      when: { types: ["medical.birth"] },
      then: { advice: [say.birth] },
    },
    {
      id: "medical.poisoning",
      name: "Keracunan",
      when: { types: ["medical.poisoning"] },
      then: { checklist: [ask.substance] },
    },
    {
      id: "medical.mass-poisoning",
      name: "Keracunan massal",
      when: { types: ["medical.poisoning"], casualties: { atLeast: 5 } },
      then: {
        agencies: [support("rsud", 10)],
        escalation: [
          { action: "notify_officials", afterMinutes: 15, officials: ["kepala_dinkes"] },
        ],
      },
    },
    {
      id: "medical.mental-crisis",
      name: "Krisis kejiwaan atau percobaan bunuh diri",
      when: { types: ["medical.mental_crisis"] },
      then: { agencies: [support("polres", 10), support("dinsos", 30)], checklist: [ask.safeNow] },
    },

    // Hazards
    {
      id: "hazardous-material.base",
      name: "Kebocoran gas atau bahan kimia",
      when: { types: ["hazardous_material.*"] },
      then: {
        priority: "P1",
        agencies: [primary("damkar", 3), support("bpbd", 10)],
        escalation: [
          { action: "notify_supervisor", afterMinutes: 5, for: { agencyType: "damkar" } },
        ],
        checklist: [ask.address, ask.gas, ask.injured],
        advice: [say.gasSafety, say.keepDistance],
      },
    },
    {
      id: "hazardous-material.chemical",
      name: "Tumpahan bahan kimia",
      when: { types: ["hazardous_material.chemical_spill"] },
      then: { agencies: [support("dlh", 30), support("polres", 15)] },
    },
    {
      id: "electrical.base",
      name: "Bahaya listrik",
      when: { types: ["electrical_hazard.*"] },
      then: {
        priority: "P2",
        agencies: [primary("pln", 10), support("damkar", 10)],
        escalation: [{ action: "notify_supervisor", afterMinutes: 10, for: { agencyType: "pln" } }],
        checklist: [ask.address, ask.injured],
        advice: [say.electricity],
      },
    },
    {
      id: "electrical.electrocution",
      name: "Tersengat listrik",
      when: { types: ["electrical_hazard.electrocution"] },
      then: {
        priority: "P1",
        agencies: [primary("psc119", 5)],
        escalation: [ambulanceBackup],
        // Rescuer safety first: both are life-saving, and within one urgency rule order holds.
        advice: [say.electrocutionSafety, say.cpr],
      },
    },

    // Lower-priority services
    {
      id: "public-order.base",
      name: "Gangguan ketertiban umum",
      when: { types: ["public_order.*"] },
      then: {
        priority: "P3",
        agencies: [primary("satpol_pp", 15)],
        escalation: [{ action: "notify_supervisor", afterMinutes: 30 }],
        checklist: [ask.address],
      },
    },
    {
      id: "public-order.intoxicated",
      name: "Orang mabuk",
      when: { types: ["public_order.intoxicated_person"] },
      then: { agencies: [support("polres", 15)] },
    },
    {
      id: "public-order.homeless",
      name: "Orang terlantar",
      when: { types: ["public_order.homeless_person"] },
      then: { agencies: [primary("dinsos", 30)] },
    },
    {
      id: "animal.base",
      name: "Evakuasi hewan",
      when: { types: ["animal_evacuation.*"] },
      then: {
        priority: "P3",
        agencies: [primary("damkar", 15)],
        escalation: [{ action: "notify_supervisor", afterMinutes: 30 }],
        checklist: [ask.address],
        advice: [say.keepDistance],
      },
    },
    {
      id: "fallen-tree.base",
      name: "Pohon tumbang",
      when: { types: ["fallen_tree.*"] },
      then: {
        priority: "P3",
        agencies: [primary("dlh", 15), support("damkar", 15)],
        escalation: [{ action: "notify_supervisor", afterMinutes: 30 }],
        checklist: [ask.address, ask.injured],
      },
    },
    {
      id: "fallen-tree.road",
      name: "Pohon tumbang menutup jalan",
      when: { types: ["fallen_tree.*"], flags: { any: ["road_blocked"] } },
      then: { priority: "P2", agencies: [support("dishub", 15)] },
    },
    {
      id: "public-utility.base",
      name: "Gangguan utilitas umum",
      when: { types: ["public_utility.*"] },
      then: {
        priority: "P4",
        agencies: [primary("pupr", 30)],
        escalation: [{ action: "notify_supervisor", afterMinutes: 60 }],
        checklist: [ask.address],
      },
    },
    {
      id: "public-utility.water",
      name: "Pipa air bocor",
      when: { types: ["public_utility.water_main"] },
      then: { agencies: [primary("pdam", 30)] },
    },
    {
      id: "public-utility.traffic-light",
      name: "Lampu lalu lintas mati",
      when: { types: ["public_utility.traffic_light"] },
      then: { agencies: [primary("dishub", 30)] },
    },
  ],
} satisfies RulesetInput;
