/**
 * What the SOP engine finds in a ruleset, an incident or a test case (`sop.finding.*`), why a test
 * case failed (`sop.failure.*`), and where in the ruleset a finding points (`sop.place.*`).
 */
export const sopFindingsId = {
  "sop.finding.invalid_json": "Berkas {file} bukan JSON yang valid.",

  "sop.finding.schema.invalid_type": "Isinya harus berupa {expected}.",
  "sop.finding.schema.invalid_type_other": "Jenis isinya tidak sesuai.",
  "sop.finding.schema.expected.string": "teks",
  "sop.finding.schema.expected.number": "angka",
  "sop.finding.schema.expected.int": "bilangan bulat",
  "sop.finding.schema.expected.boolean": "ya atau tidak (true/false)",
  "sop.finding.schema.expected.array": "daftar",
  "sop.finding.schema.expected.object": "objek",
  "sop.finding.schema.expected.date": "tanggal dan jam",
  "sop.finding.schema.tooShort": "Isi paling sedikit {count} karakter.",
  "sop.finding.schema.tooFew": "Isi paling sedikit {count} butir.",
  "sop.finding.schema.tooSmall": "Nilainya paling kecil {minimum}.",
  "sop.finding.schema.notAbove": "Nilainya harus lebih dari {minimum}.",
  "sop.finding.schema.tooLong": "Isi paling banyak {count} karakter.",
  "sop.finding.schema.tooMany": "Isi paling banyak {count} butir.",
  "sop.finding.schema.tooBig": "Nilainya paling besar {maximum}.",
  "sop.finding.schema.notBelow": "Nilainya harus kurang dari {maximum}.",
  "sop.finding.schema.invalid_format": "Formatnya tidak sesuai.",
  "sop.finding.schema.invalidDate": "Tulis tanggal sebagai TTTT-BB-HH, misalnya 2025-08-17.",
  "sop.finding.schema.not_multiple_of": "Nilainya harus kelipatan {divisor}.",
  "sop.finding.schema.unrecognized_keys": "Kolom \u201c{key}\u201d tidak dikenal.",
  "sop.finding.schema.invalid_value": "Pilih salah satu: {values}.",
  "sop.finding.schema.other": "Isinya tidak valid.",
  "sop.finding.check.fallback_without_target": "Cadangan perlu nomor telepon atau instansi.",
  "sop.finding.check.lead_not_primary": "Hanya instansi utama yang dapat memimpin di lokasi.",
  "sop.finding.check.type_and_types":
    "Isi satu jenis kejadian atau daftar jenis kejadian, jangan keduanya.",
  "sop.finding.check.type_missing": "Jenis kejadian wajib diisi.",
  "sop.finding.check.subtype_outside_type": "Subjenis harus termasuk jenis kejadiannya.",
  "sop.finding.check.kind_repeated": "{kind} sudah tercantum; sebut setiap jenis sekali saja.",
  "sop.finding.check.moment.format":
    "Tulis tanggal dan jam beserta zona waktunya, misalnya 2025-08-17T21:30:00+07:00.",
  "sop.finding.check.moment.offset_missing":
    "Waktunya tidak menyebut zona: tambahkan Z untuk UTC atau selisih zonanya, misalnya +07:00.",
  "sop.finding.check.moment.offset":
    "Selisih zona waktunya tidak valid; selisih zona berkisar dari -14:00 sampai +14:00.",
  "sop.finding.check.moment.time":
    "Jam itu tidak ada; tulis jam 00:00–23:59 (tengah malam adalah 00:00 hari berikutnya).",
  "sop.finding.check.moment.date": "Tanggal itu tidak ada di kalender.",
  "sop.finding.check.ack_bounds_reversed":
    "Batas paling lama tidak boleh kurang dari batas paling cepat.",
  "sop.finding.check.expectation_missing":
    "Tambahkan setidaknya satu harapan: instansi yang harus dikirim, yang tidak boleh dikirim, atau prioritas.",
  "sop.finding.check.expectation_contradicted":
    "{agency} juga ada di daftar yang harus dikirim, sehingga uji kasus ini tidak akan pernah lulus.",

  "sop.finding.rules.one": "aturan {rules}",
  "sop.finding.rules.other": "aturan {rules}",
  "sop.finding.duplicate_rule_id":
    "Kode aturan \u201c{ruleId}\u201d sudah dipakai aturan {number}.",
  "sop.finding.notAType": "\u201c{type}\u201d bukan jenis kejadian nasional.",
  "sop.finding.invalid_local_subtype.national_subtype":
    "\u201c{subtype}\u201d sudah ada sebagai subjenis nasional.",
  "sop.finding.invalid_local_subtype.declared_twice": "\u201c{subtype}\u201d ditulis dua kali.",
  "sop.finding.unknown_incident_type.not_a_subtype":
    "\u201c{pattern}\u201d bukan subjenis nasional maupun subjenis khusus daerah.",
  "sop.finding.unknown_incident_type.unlisted_type":
    "Jenis kejadian \u201c{type}\u201d tidak ada di katalog; hanya aturan tanpa syarat jenis kejadian yang dapat cocok.",
  "sop.finding.unknown_incident_type.unlisted_subtype":
    "Subjenis \u201c{subtype}\u201d tidak dikenal; hanya aturan untuk {type} yang dapat cocok.",
  "sop.finding.unknown_agency_type.in_rule":
    "\u201c{agencyType}\u201d bukan jenis instansi nasional.",
  "sop.finding.unknown_agency_type.of_region_agency":
    "Instansi daerah \u201c{agency}\u201d berjenis \u201c{agencyType}\u201d, yang bukan jenis instansi nasional, sehingga tidak pernah dikirim menurut jenisnya.",
  "sop.finding.unknown_agency_type.suggestion": "Maksudnya \u201c{suggestion}\u201d ({name})?",
  "sop.finding.unknown_agency": "Tidak ada instansi \u201c{agencyId}\u201d di daerah ini.",
  "sop.finding.absence.no_active_agency_of_type": "daerah ini tidak punya instansi aktif jenis ini",
  "sop.finding.absence.not_in_region": "instansi itu tidak terdaftar di daerah ini",
  "sop.finding.absence.inactive": "instansi itu nonaktif",
  "sop.finding.agency_type_not_available": "{agency} tidak menjangkau siapa pun: {absence}.",
  "sop.finding.agency_type_not_available.senders": "Dikirim tanpa cadangan oleh {rules}.",
  "sop.finding.agency_type_not_available.backups":
    "Disebut sebagai instansi cadangan eskalasi oleh {rules}.",
  "sop.finding.uncovered_agency":
    "{type} ({priority}) mengirim {agency} sebagai instansi utama, tetapi {absence}, dan {rules} tidak menyebut cadangan. Daftarkan instansi aktif atau sebut cadangan, misalnya nomor darurat nasional.",
  "sop.finding.kecamatan_not_covered":
    "Tidak ada instansi aktif untuk {agency} di kecamatan {kecamatan}: kejadian {types} di sana tidak terlayani. Perluas cakupan instansi atau sebut cadangan.",
  "sop.finding.unknown_official.unknown_role":
    "\u201c{official}\u201d bukan jabatan pejabat yang dikenal.",
  "sop.finding.unknown_official.no_contact": "Belum ada kontak terdaftar untuk {official}.",
  "sop.finding.unknown_kecamatan": "Kecamatan {kecamatan} tidak termasuk daerah ini.",
  "sop.finding.invalid_suppression.self": "Aturan tidak dapat menonaktifkan dirinya sendiri.",
  "sop.finding.invalid_suppression.unknown_rule":
    "Tidak ada aturan \u201c{target}\u201d untuk dinonaktifkan.",
  "sop.finding.suppression_cycle":
    "Aturan \u201c{rule}\u201d dan \u201c{target}\u201d saling menonaktifkan melalui rantai aturan; bila semuanya cocok, tidak satu pun berlaku.",
  "sop.finding.time_zone_mismatch":
    "Daerah ini memakai {region}, tetapi SOP memakai {ruleset}; syarat jam dalam aturan akan meleset.",
  "sop.finding.never_matches": "Aturan \u201c{rule}\u201d tidak pernah cocok: {reason}.",
  "sop.finding.never_matches.severity_range":
    "tingkat keparahan tidak mungkin minimal {atLeast} sekaligus paling tinggi {atMost}",
  "sop.finding.never_matches.casualties_range":
    "jumlah korban tidak mungkin minimal {atLeast} sekaligus paling banyak {atMost}",
  "sop.finding.never_matches.flags_required_and_excluded":
    "tanda ini diwajibkan sekaligus dikecualikan: {flags}",
  "sop.finding.never_matches.flags_any_excluded":
    "setiap tanda di \u201csalah satu tanda ini\u201d juga dikecualikan",
  "sop.finding.never_matches.kecamatan_all_excluded":
    "setiap kecamatan yang dipilih juga dikecualikan",
  "sop.finding.never_matches.hours_empty":
    "setiap rentang jam kosong (jam mulai sama dengan jam selesai)",
  "sop.finding.never_matches.dates_reversed": "setiap rentang tanggal berakhir sebelum dimulai",
  "sop.finding.never_matches.keywords_without_letters":
    "tidak ada kata kunci yang memuat huruf atau angka",
  "sop.finding.never_matches.keywords_all_excluded":
    "setiap kata kunci memuat kata kunci yang dikecualikan",
  "sop.finding.never_matches.kecamatan_outside_region":
    "tidak ada kecamatan pilihannya yang termasuk daerah ini",
  "sop.finding.shadowed_rule.suppressed":
    "Aturan \u201c{rule}\u201d tidak pernah berlaku: aturan ini selalu dinonaktifkan oleh {rules}, yang cocok setiap kali aturan ini cocok.",
  "sop.finding.shadowed_rule.subsumed":
    "Aturan \u201c{rule}\u201d tidak menambah apa pun: semua isinya sudah direncanakan oleh {rules}, yang cocok setiap kali aturan ini cocok.",
  "sop.finding.escalation_loop.self": "Instansi cadangan untuk {agency} adalah {agency} sendiri.",
  "sop.finding.escalation_loop.cycle":
    "Mencadangkan {agency} dengan {backup} berujung kembali ke {agency} melalui langkah cadangan lain.",
  "sop.finding.escalation_before_deadline":
    "Langkah ini berjalan setelah {after}, sebelum batas konfirmasi {deadline} berakhir.",
  "sop.finding.escalation_target_never_dispatched":
    "Tidak ada aturan yang mengirim {agency}, jadi langkah ini tidak pernah berjalan.",
  "sop.finding.primary_without_escalation.lifeThreatening":
    "Tidak ada tindak lanjut bila {agency} tidak mengonfirmasi kejadian yang dapat mengancam nyawa: tambahkan langkah eskalasi untuknya (atau untuk instansi mana pun) di aturan ini atau di aturan yang selalu cocok bersamanya.",
  "sop.finding.primary_without_escalation":
    "Tidak ada tindak lanjut bila {agency} tidak mengonfirmasi: tambahkan langkah eskalasi untuknya (atau untuk instansi mana pun) di aturan ini atau di aturan yang selalu cocok bersamanya.",
  "sop.finding.uncovered_p1_type":
    "Tidak ada aturan yang mengirim instansi untuk {type}, jenis kejadian P1.",
  "sop.finding.conditionally_covered_p1_type":
    "Hanya sebagian kejadian {type} yang mendapat instansi; tambahkan aturan untuk {pattern} tanpa kondisi lain.",
  "sop.finding.deadline_out_of_range.default_ack":
    "Batas konfirmasi bawaan harus {min}–{max} menit, bukan {minutes}.",
  "sop.finding.deadline_out_of_range.ack":
    "Batas konfirmasi harus {min}–{max} menit, bukan {minutes}.",
  "sop.finding.deadline_out_of_range.escalation":
    "Langkah eskalasi harus berjalan {min}–{max} menit setelah dispatch, bukan {minutes}.",
  "sop.finding.slow_p1_deadline":
    "Instansi utama P1 yang diberi {minutes} untuk konfirmasi tidak dapat memenuhi target respons {target}.",
  "sop.finding.conflicting_text.checklist":
    "Aturan \u201c{rule}\u201d menulis pertanyaan \u201c{key}\u201d dengan kata-kata lain; bila keduanya cocok, teks aturan itulah yang dipakai.",
  "sop.finding.conflicting_text.advice":
    "Aturan \u201c{rule}\u201d menulis saran \u201c{key}\u201d dengan kata-kata lain; bila keduanya cocok, teks aturan itulah yang dipakai.",
  "sop.finding.no_matching_rule":
    "Tidak ada aturan SOP yang cocok dengan kejadian ini; pilih instansi secara manual.",
  "sop.finding.no_primary_agency":
    "Aturan yang cocok hanya menyebut instansi pendukung; pilih instansi yang memimpin.",
  "sop.finding.unserved_agency.kecamatan":
    "Tidak ada instansi aktif untuk {agency} yang melayani kecamatan {kecamatan}, dan tidak ada aturan yang menyebut cadangan; cari bantuan secara manual.",
  "sop.finding.unserved_agency.region":
    "Tidak ada instansi aktif untuk {agency} di daerah ini, dan tidak ada aturan yang menyebut cadangan; cari bantuan secara manual.",

  "sop.failure.not_notified":
    "{agency} diharapkan dikirim, tetapi rencana tidak mengirimnya; yang dikirim: {agencies}.",
  "sop.failure.not_notified.none":
    "{agency} diharapkan dikirim, tetapi rencana tidak mengirim instansi apa pun.",
  "sop.failure.wrong_role":
    "{agency} diharapkan berperan sebagai instansi {expected}, tetapi rencana mengirimnya sebagai instansi {actual}.",
  "sop.failure.ack_below_minimum":
    "{agency} diharapkan mendapat paling sedikit {atLeast} untuk konfirmasi; rencana memberinya {given}.",
  "sop.failure.ack_above_maximum":
    "{agency} diharapkan mengonfirmasi paling lama dalam {atMost}; rencana memberinya {given}.",
  "sop.failure.notified":
    "{agency} diharapkan tidak dikirim, tetapi rencana mengirimnya sebagai instansi {role}.",
  "sop.failure.wrong_priority": "Prioritas yang diharapkan {expected}; rencana memberi {actual}.",

  "sop.place.rule": "Aturan \u201c{name}\u201d",
  "sop.place.ruleNumber": "Aturan {number}",
  "sop.place.type": "Jenis kejadian {number}",
  "sop.place.agency": "Instansi {number}",
  "sop.place.step": "Langkah eskalasi {number}",
  "sop.place.question": "Pertanyaan {number}",
  "sop.place.advice": "Saran {number}",
  "sop.place.suppressed": "Aturan yang dinonaktifkan {number}",
  "sop.place.localSubtype": "Jenis kejadian khusus daerah {number}",
} as const;
