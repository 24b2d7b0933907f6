/**
 * Officials an escalation step may notify, by role rather than by name: people change after every
 * election or rotation, the roles in the regional SOP do not. The tenant keeps the contact behind
 * each role.
 */
export const officialRoles = [
  { code: "bupati_walikota", name: "Bupati / Wali Kota" },
  { code: "wakil_bupati_walikota", name: "Wakil Bupati / Wakil Wali Kota" },
  { code: "sekda", name: "Sekretaris Daerah" },
  { code: "kalaksa_bpbd", name: "Kepala Pelaksana BPBD" },
  { code: "kepala_dinkes", name: "Kepala Dinas Kesehatan" },
  { code: "kepala_diskominfo", name: "Kepala Dinas Komunikasi dan Informatika" },
  { code: "kapolres", name: "Kapolres / Kapolresta" },
  { code: "dandim", name: "Komandan Kodim" },
  { code: "camat", name: "Camat of the incident's kecamatan" },
] as const;

export type OfficialRoleCode = (typeof officialRoles)[number]["code"];

const officialRoleCodes: ReadonlySet<string> = new Set(officialRoles.map((role) => role.code));

export function isKnownOfficialRole(code: string): code is OfficialRoleCode {
  return officialRoleCodes.has(code);
}
