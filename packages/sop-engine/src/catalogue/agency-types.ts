/**
 * Agency types (OPD/instansi) that an SOP may dispatch by type. Each tenant registers its own
 * agencies, each of one type; a rule that names a type reaches whichever agency of that type the
 * tenant has, so the national template works in every region without naming local offices.
 */
export const agencyTypes = [
  { code: "damkar", name: "Dinas Pemadam Kebakaran dan Penyelamatan" },
  { code: "bpbd", name: "Badan Penanggulangan Bencana Daerah" },
  { code: "psc119", name: "Dinas Kesehatan / Public Safety Center 119" },
  { code: "rsud", name: "Rumah Sakit Umum Daerah" },
  { code: "satpol_pp", name: "Satuan Polisi Pamong Praja" },
  { code: "polres", name: "Kepolisian Resor (Polres/Polresta)" },
  { code: "kodim", name: "Komando Distrik Militer" },
  { code: "basarnas", name: "Badan Nasional Pencarian dan Pertolongan (Basarnas)" },
  { code: "pln", name: "PLN (listrik)" },
  { code: "pdam", name: "Perusahaan Daerah Air Minum" },
  { code: "dishub", name: "Dinas Perhubungan" },
  { code: "dinsos", name: "Dinas Sosial" },
  { code: "dp3a", name: "Dinas Pemberdayaan Perempuan dan Perlindungan Anak" },
  { code: "pmi", name: "Palang Merah Indonesia" },
  { code: "dlh", name: "Dinas Lingkungan Hidup" },
  { code: "pupr", name: "Dinas Pekerjaan Umum dan Penataan Ruang" },
] as const;

export type AgencyTypeCode = (typeof agencyTypes)[number]["code"];

const agencyTypeCodes: ReadonlySet<string> = new Set(agencyTypes.map((type) => type.code));

export function isKnownAgencyType(code: string): code is AgencyTypeCode {
  return agencyTypeCodes.has(code);
}
