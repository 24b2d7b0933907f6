/**
 * Why each condition of a rule held or not, in the simulator's explanation (`sop.trace.*`): what
 * the incident has, then what the rule asks, the latter in the words the rule's card uses
 * (`sop.words.*`), joined into `{wanted}`.
 */
export const sopTraceId = {
  "sop.trace.kind.noSubtype": "{type} (tanpa subjenis)",
  "sop.trace.types.matches": "Jenis kejadian {kinds} cocok dengan {pattern}.",
  "sop.trace.types.unmatched": "Jenis kejadian {kinds} tidak cocok dengan {patterns}.",
  "sop.trace.severity": "Tingkat keparahan {severity}, aturan meminta {wanted}.",
  "sop.trace.severity.unknown": "Tingkat keparahan tidak diisi, aturan meminta {wanted}.",
  "sop.trace.casualties": "Jumlah korban {count}, aturan meminta {wanted}.",
  "sop.trace.casualties.unknown": "Jumlah korban tidak diisi, aturan meminta {wanted}.",
  "sop.trace.flags": "Keadaan di lokasi: {flags}; aturan meminta {wanted}.",
  "sop.trace.flags.none": "Tidak ada keadaan di lokasi yang ditandai; aturan meminta {wanted}.",
  "sop.trace.kecamatan": "Kejadian di {kecamatan}, aturan berlaku {wanted}.",
  "sop.trace.kecamatan.unknown": "Kecamatan kejadian tidak diisi, aturan berlaku {wanted}.",
  "sop.trace.time":
    "Waktu setempat {weekday}, {date} pukul {clock} {zone}; aturan berlaku {wanted}.",
  "sop.trace.keywords": "Keterangan penelepon menyebut {found}; aturan meminta {wanted}.",
  "sop.trace.keywords.none":
    "Keterangan penelepon tidak menyebut kata kunci aturan ini; aturan meminta {wanted}.",
  "sop.trace.anyValue": "nilai apa pun",
} as const;
