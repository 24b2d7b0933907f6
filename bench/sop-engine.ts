// Benchmark of the SOP engine: a region-sized ruleset of 1,000 rules and 40 agencies, evaluated
// against realistic incidents (a quarter of them of two kinds at once), every plan resolved to the
// region's agencies by kecamatan. Run with `node bench/sop-engine.ts`; goals: p99 evaluation < 1 ms,
// validation of the whole ruleset < 200 ms.
import {
  compileRuleset,
  evaluate,
  incidentFlags,
  nationalTemplate,
  prepareAgencies,
  validateRuleset,
  type RulesetInput,
} from "@sigap/sop-engine";
import { seededRandom } from "./_shared.ts";

type RuleInput = RulesetInput["rules"][number];

// A fixed seed, so every run measures the same ruleset and incidents.
const random = seededRandom(112);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const chance = (probability: number) => random() < probability;

const kecamatan = Array.from(
  { length: 25 },
  (_, index) => `35.15.${String(index + 1).padStart(2, "0")}`,
);

// 40 agencies, shaped like a large kabupaten: several Damkar posts, Polsek under the Polres, etc.
const agencyCounts: Record<string, number> = {
  damkar: 6,
  psc119: 4,
  polres: 8,
  bpbd: 2,
  satpol_pp: 3,
  basarnas: 1,
  pln: 2,
  pdam: 1,
  dishub: 2,
  dinsos: 1,
  dp3a: 1,
  pmi: 2,
  dlh: 2,
  pupr: 1,
  rsud: 3,
  kodim: 1,
};
// The first agency of a type covers the whole region; the others are local posts covering five
// kecamatan each; one post in ten is inactive.
const agencies = Object.entries(agencyCounts).flatMap(([type, count]) =>
  Array.from({ length: count }, (_, index) => ({
    id: `${type}-${index + 1}`,
    type,
    name: `${type} ${index + 1}`,
    ...(index === 0
      ? {}
      : { kecamatan: kecamatan.slice((index * 5) % 25, ((index * 5) % 25) + 5) }),
    ...(index > 0 && chance(0.1) ? { active: false } : {}),
  })),
);
const agenciesOfType = (type: string) =>
  agencies.filter((agency) => agency.type === type).map((agency) => agency.id);

const typesWithLocalPosts: readonly [string, string][] = [
  ["fire", "damkar"],
  ["traffic_accident", "polres"],
  ["medical", "psc119"],
  ["crime", "polres"],
  ["brawl", "polres"],
  ["animal_evacuation", "damkar"],
  ["public_order", "satpol_pp"],
  ["fallen_tree", "dlh"],
];
const subtypes = [
  "fire.building",
  "fire.vehicle",
  "fire.forest_land",
  "traffic_accident.multi_vehicle",
  "traffic_accident.pedestrian",
  "medical.cardiac",
  "medical.trauma",
  "medical.birth",
  "medical.poisoning",
  "crime.robbery",
  "crime.assault",
  "disaster.flood",
  "disaster.landslide",
  "disaster.extreme_weather",
  "electrical_hazard.fallen_power_line",
  "hazardous_material.gas_leak",
  "missing_person.drowning",
  "brawl.students",
];
const keywords = [
  "gas",
  "elpiji",
  "pingsan",
  "tidak sadar*",
  "darah",
  "senjata",
  "celurit",
  "anak",
  "lansia",
  "banjir",
  "longsor",
  "terjebak",
];
const flags = incidentFlags;
const checklist = [
  { key: "exact_location", text: "Di mana lokasi persisnya (alamat, patokan, desa/kelurahan)?" },
  {
    key: "injured_count",
    text: "Berapa orang yang terluka, dan apakah mereka sadar dan bernapas?",
  },
  { key: "caller_safe", text: "Apakah Anda sekarang berada di tempat yang aman?" },
];

function localPostRules(): RuleInput[] {
  return kecamatan.flatMap((code, index) =>
    typesWithLocalPosts.map(([type, agencyType]): RuleInput => {
      const posts = agenciesOfType(agencyType);
      return {
        id: `post.${type}.${code}`,
        name: `${type} in ${code}: nearest post`,
        when: { types: [`${type}.*`], kecamatan: { in: [code] } },
        then: {
          agencies: [
            {
              agencyId: posts[index % posts.length] ?? "",
              role: "primary",
              ackWithinMinutes: 3 + (index % 5),
            },
          ],
        },
      };
    }),
  );
}

function nightRules(): RuleInput[] {
  return kecamatan.flatMap((code) =>
    ["fire", "crime", "brawl", "medical"].map((type): RuleInput => ({
      id: `night.${type}.${code}`,
      name: `${type} at night in ${code}`,
      when: {
        types: [`${type}.*`],
        kecamatan: { in: [code] },
        time: { hours: [{ from: "22:00", to: "05:00" }] },
      },
      then: {
        priority: "P1",
        escalation: [{ action: "notify_supervisor", afterMinutes: 10 }],
        agencies: [
          { agencyType: pick(["satpol_pp", "polres"]), role: "support", ackWithinMinutes: 15 },
        ],
      },
    })),
  );
}

function generatedRule(index: number): RuleInput {
  const subtype = pick(subtypes);
  const when: RuleInput["when"] = {
    types: [chance(0.5) ? subtype : `${subtype.split(".")[0] ?? "fire"}.*`],
  };
  if (chance(0.3))
    when.flags = {
      any: [pick(flags), pick(flags)].filter((flag, i, all) => all.indexOf(flag) === i),
    };
  if (chance(0.25)) when.casualties = { atLeast: 1 + Math.floor(random() * 10) };
  if (chance(0.2)) when.severity = { atLeast: pick(["medium", "high", "critical"] as const) };
  if (chance(0.25)) when.keywords = { any: [pick(keywords), pick(keywords)] };
  if (chance(0.15)) when.time = { weekdays: ["sat", "sun"] };
  if (chance(0.1)) when.time = { dates: [{ from: "2026-03-13", to: "2026-03-29" }] };
  if (chance(0.2))
    when.kecamatan = {
      in: [pick(kecamatan), pick(kecamatan)].filter((c, i, all) => all.indexOf(c) === i),
    };
  const agencyType = pick(Object.keys(agencyCounts));
  return {
    id: `generated.${index}`,
    name: `generated rule ${index}`,
    when,
    then: {
      ...(chance(0.5) ? { priority: pick(["P1", "P2", "P3"] as const) } : {}),
      agencies: [
        chance(0.3)
          ? {
              agencyId: pick(agenciesOfType(agencyType)),
              role: pick(["primary", "support"] as const),
              ackWithinMinutes: 5 + Math.floor(random() * 25),
            }
          : {
              agencyType,
              role: pick(["primary", "support"] as const),
              ackWithinMinutes: 5 + Math.floor(random() * 25),
            },
      ],
      ...(chance(0.3)
        ? {
            escalation: [
              { action: "notify_officials" as const, afterMinutes: 30, officials: ["sekda"] },
            ],
          }
        : {}),
      ...(chance(0.4) ? { checklist: [pick(checklist)] } : {}),
    },
  };
}

const fixedRules = [...nationalTemplate.rules, ...localPostRules(), ...nightRules()];
const ruleset: RulesetInput = {
  ...nationalTemplate,
  name: "Benchmark region",
  rules: [
    ...fixedRules,
    ...Array.from({ length: 1000 - fixedRules.length }, (_, index) => generatedRule(index)),
  ],
};

const kindOf = (subtype: string) => ({
  type: subtype.split(".")[0] ?? "fire",
  ...(chance(0.8) ? { subtype } : {}),
});
const incidents = Array.from({ length: 500 }, () => {
  const main = kindOf(pick(subtypes));
  const other = kindOf(pick(subtypes));
  const compound = chance(0.25) && other.type !== main.type;
  return {
    ...(compound ? { types: [main, other] } : main),
    severity: pick(["low", "medium", "high", "critical"] as const),
    casualties: Math.floor(random() * random() * 12),
    flags: flags.filter(() => chance(0.15)),
    kecamatan: pick(kecamatan),
    description: Array.from({ length: 12 }, () =>
      pick([
        ...keywords,
        "rumah",
        "jalan",
        "warga",
        "api",
        "di",
        "dekat",
        "pasar",
        "tolong",
        "cepat",
      ]),
    ).join(" "),
  };
});
const moments = Array.from(
  { length: 50 },
  () => new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 365 * 24 * 60) * 60_000),
);

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

function timeEach(count: number, run: (index: number) => void): number[] {
  const samples: number[] = [];
  for (let index = 0; index < count; index++) {
    const start = performance.now();
    run(index);
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

const format = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(1)} ms`);
const context = {
  agencies,
  kecamatanCodes: kecamatan,
  officials: ["sekda", "bupati_walikota", "kalaksa_bpbd", "kepala_dinkes", "kapolres", "dandim"],
  timeZone: "Asia/Jakarta",
};

const validationRuns = timeEach(7, () => validateRuleset(ruleset, context));
const validation = validateRuleset(ruleset, context);
const compileRuns = timeEach(7, () => compileRuleset(ruleset));
const compiled = compileRuleset(ruleset);
if (!compiled.ok) throw new Error(JSON.stringify(compiled.findings.slice(0, 5)));

// As a dispatch service would: the region's agencies are checked once, not per incident.
const region = prepareAgencies(agencies);
if (!region.ok) throw new Error(JSON.stringify(region.findings));

let matchedTotal = 0;
let agenciesTotal = 0;
const resolutions = { agencies: 0, fallback: 0, unserved: 0 };
const evaluateOne = (index: number, explainNonMatches = false) => {
  const result = evaluate(compiled.compiled, incidents[index % incidents.length], {
    now: moments[index % moments.length] ?? new Date(0),
    explainNonMatches,
    agencies: region.agencies,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.findings));
  matchedTotal += result.trace.rules.filter((rule) => rule.outcome === "matched").length;
  agenciesTotal += result.plan.agencies.length;
  for (const agency of result.plan.agencies)
    if (agency.resolution) resolutions[agency.resolution.kind] += 1;
};
timeEach(5_000, (index) => {
  evaluateOne(index);
}); // warm-up: let the JIT settle before measuring
matchedTotal = 0;
agenciesTotal = 0;
resolutions.agencies = resolutions.fallback = resolutions.unserved = 0;
const evaluations = 20_000;
const evaluationRuns = timeEach(evaluations, (index) => {
  evaluateOne(index);
});
const explainRuns = timeEach(500, (index) => {
  evaluateOne(index, true);
});

const errors = validation.findings.filter((finding) => finding.level === "error").length;
const lines = [
  `SOP engine benchmark — ${ruleset.rules.length} rules, ${agencies.length} agencies, ${incidents.length} incidents, Node ${process.versions.node}`,
  `evaluation (compiled ruleset), ${evaluations} runs: median ${format(percentile(evaluationRuns, 0.5))}, p99 ${format(percentile(evaluationRuns, 0.99))}, max ${format(percentile(evaluationRuns, 1))}  [goal p99 < 1 ms]`,
  `  on average ${(matchedTotal / evaluations).toFixed(1)} rules matched and ${(agenciesTotal / evaluations).toFixed(1)} agencies planned per incident, ${String(incidents.filter((incident) => "types" in incident).length)} of ${String(incidents.length)} incidents compound`,
  `  plan lines resolved to the region's agencies: ${String(resolutions.agencies)}, to a fallback: ${String(resolutions.fallback)}, unserved: ${String(resolutions.unserved)}`,
  `evaluation explaining all ${ruleset.rules.length} rules (simulator), 500 runs: median ${format(percentile(explainRuns, 0.5))}, p99 ${format(percentile(explainRuns, 0.99))}`,
  `validation of the whole ruleset, 7 runs: median ${format(percentile(validationRuns, 0.5))}, max ${format(percentile(validationRuns, 1))}  [goal < 200 ms]`,
  `  ${validation.findings.length} findings (${errors} errors)`,
  `compilation (parse + index, once per published version), 7 runs: median ${format(percentile(compileRuns, 0.5))}`,
];
process.stdout.write(`${lines.join("\n")}\n`);
