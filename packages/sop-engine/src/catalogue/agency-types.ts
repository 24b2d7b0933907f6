/**
 * Agency types (OPD/instansi) that an SOP may dispatch by type. Each tenant registers its own
 * agencies, each of one type; a rule that names a type reaches whichever agency of that type the
 * tenant has, so the national template works in every region without naming local offices.
 * `shortName` is what people in the call centre say ("Damkar"), for one-line summaries.
 */
export const agencyTypes = [
  { code: "damkar", shortName: "Damkar", name: "Dinas Pemadam Kebakaran dan Penyelamatan" },
  { code: "bpbd", shortName: "BPBD", name: "Badan Penanggulangan Bencana Daerah" },
  { code: "psc119", shortName: "PSC 119", name: "Dinas Kesehatan / Public Safety Center 119" },
  { code: "rsud", shortName: "RSUD", name: "Rumah Sakit Umum Daerah" },
  { code: "satpol_pp", shortName: "Satpol PP", name: "Satuan Polisi Pamong Praja" },
  { code: "polres", shortName: "Polres", name: "Kepolisian Resor (Polres/Polresta)" },
  { code: "kodim", shortName: "Kodim", name: "Komando Distrik Militer" },
  {
    code: "basarnas",
    shortName: "Basarnas",
    name: "Badan Nasional Pencarian dan Pertolongan (Basarnas)",
  },
  { code: "pln", shortName: "PLN", name: "PLN (listrik)" },
  { code: "pdam", shortName: "PDAM", name: "Perusahaan Daerah Air Minum" },
  { code: "dishub", shortName: "Dishub", name: "Dinas Perhubungan" },
  { code: "dinsos", shortName: "Dinsos", name: "Dinas Sosial" },
  { code: "dp3a", shortName: "DP3A", name: "Dinas Pemberdayaan Perempuan dan Perlindungan Anak" },
  { code: "pmi", shortName: "PMI", name: "Palang Merah Indonesia" },
  { code: "dlh", shortName: "DLH", name: "Dinas Lingkungan Hidup" },
  { code: "pupr", shortName: "PUPR", name: "Dinas Pekerjaan Umum dan Penataan Ruang" },
] as const;

export type AgencyTypeCode = (typeof agencyTypes)[number]["code"];

const agencyTypeCodes: ReadonlySet<string> = new Set(agencyTypes.map((type) => type.code));

export function isKnownAgencyType(code: string): code is AgencyTypeCode {
  return agencyTypeCodes.has(code);
}
