/** Onboarding wizard (`/t/{slug}/onboarding`), branding page and the tenant's branded header. */
export const onboardingId = {
  "onboarding.nav": "Penyiapan daerah",
  "onboarding.navDescription":
    "Branding, instansi, trunk telepon, SOP, staf, dan go-live layanan 112.",
  "onboarding.title": "Penyiapan layanan 112",
  "onboarding.intro":
    "Langkah-langkah membawa {tenant} sampai layanan 112 berjalan. Setiap langkah tersimpan sendiri; Anda dapat berhenti dan melanjutkan kapan saja.",
  "onboarding.back": "Kembali",
  "onboarding.next": "Lanjut",

  "onboarding.steps.title": "Langkah",
  "onboarding.steps.navLabel": "Pindah langkah",
  "onboarding.steps.progress": "{done} dari {total} langkah selesai",
  "onboarding.steps.done": "Selesai",
  "onboarding.steps.open": "Belum selesai",
  "onboarding.step.branding": "Branding",
  "onboarding.step.agencies": "Instansi",
  "onboarding.step.trunks": "Trunk telepon",
  "onboarding.step.sop": "SOP",
  "onboarding.step.staff": "Staf",
  "onboarding.step.goLive": "Go live",

  "onboarding.card.title": "Selesaikan onboarding",
  "onboarding.card.body":
    "Layanan 112 daerah ini belum berjalan. Lengkapi langkah penyiapan, lalu nyatakan go live.",
  "onboarding.card.link": "Selesaikan onboarding",

  "onboarding.branding.intro":
    "Nama, logo, dan warna daerah Anda tampil di portal dan di email yang dikirim Sigap 112 atas nama daerah.",
  "onboarding.branding.laterLink": "Halaman branding (untuk perubahan nanti)",
  "onboarding.agencies.intro":
    "Instansi yang menerima penugasan: Damkar, BPBD, PSC 119, Polres, dan lainnya, masing-masing dengan kontak yang dapat dihubungi.",
  "onboarding.agencies.caption": "Instansi daerah ini",
  "onboarding.agencies.name": "Instansi",
  "onboarding.agencies.type": "Jenis",
  "onboarding.agencies.contacts": "Kontak",
  "onboarding.agencies.none": "Belum ada instansi. Tambahkan set standar atau impor dari CSV.",
  "onboarding.trunks.intro":
    "Saluran telepon operator seluler yang membawa panggilan 112 ke pusat panggilan daerah Anda.",
  "onboarding.trunks.added": "Trunk {name} disimpan.",
  "onboarding.sop.intro":
    "SOP menentukan instansi mana yang ditugaskan untuk setiap jenis kejadian. Mulailah dari templat nasional: templat disalin menjadi draf SOP daerah yang dapat Anda sesuaikan, uji, lalu terbitkan.",
  "onboarding.sop.noneChosen": "Belum ada templat SOP yang dipilih.",
  "onboarding.sop.chosenAt": "Templat SOP dipilih pada {date}.",
  "onboarding.sop.templateHint":
    "Disusun secara nasional; salinannya menjadi draf SOP daerah Anda.",
  "onboarding.sop.choose": "Gunakan {name}",
  "onboarding.sop.chosen": "{name} dipilih sebagai SOP daerah.",
  "onboarding.sop.empty": "Belum ada templat SOP yang tersedia.",
  "onboarding.sop.draftReady":
    "Draf SOP daerah sudah dibuat dari templat. Tinjau dan sesuaikan di editor SOP, atau terbitkan versi pertamanya sekarang.",
  "onboarding.sop.published": "SOP versi {number} sudah diterbitkan dan dipakai untuk dispatch.",
  "onboarding.sop.openEditor": "Buka editor SOP",
  "onboarding.sop.publishFirst": "Terbitkan versi pertama…",
  "onboarding.staff.intro":
    "Undang operator, supervisor, dan petugas instansi. Go live memerlukan minimal dua operator aktif dan satu supervisor aktif.",
  "onboarding.staff.caption": "Staf menurut peran",
  "onboarding.staff.role": "Peran",
  "onboarding.staff.active": "Aktif",
  "onboarding.staff.invited": "Undangan tertunda",

  "onboarding.import.title.agencies": "Impor instansi dan kontak dari CSV",
  "onboarding.import.title.staff": "Undang staf dari CSV",
  "onboarding.import.hint.agencies":
    "Satu baris per kontak; kolom instansi diulang untuk setiap kontak instansi yang sama. jenis_instansi: kode katalog nasional (mis. damkar, bpbd, psc119, polres). cakupan_kecamatan: nama atau kode kecamatan dipisah titik koma, kosong berarti seluruh daerah. jenis_kontak: telepon, whatsapp, atau email. Instansi yang sudah ada (nama sama) mendapat kontak baru.",
  "onboarding.import.hint.staff":
    "Satu baris per orang: email, peran (operator, supervisor, tenant_admin, atau agency_responder), dan instansi (nama instansi, hanya untuk agency_responder). Setiap orang menerima email undangan, sama seperti undangan satu per satu, dan mengisi namanya sendiri saat menerima.",
  "onboarding.import.template": "Unduh templat CSV",
  "onboarding.import.templateFailed": "Templat tidak dapat diunduh. Coba lagi.",
  "onboarding.import.file": "Berkas CSV",
  "onboarding.import.check": "Periksa berkas",
  "onboarding.import.checking": "Memeriksa…",
  "onboarding.import.apply": "Simpan semua",
  "onboarding.import.applying": "Menyimpan…",
  "onboarding.import.discard": "Batalkan",
  "onboarding.import.problems":
    "{count} masalah ditemukan, jadi belum ada yang disimpan. Perbaiki berkas lalu periksa lagi.",
  "onboarding.import.problemsCaption": "Masalah per baris",
  "onboarding.import.row": "Baris",
  "onboarding.import.column": "Kolom",
  "onboarding.import.problem": "Masalah",
  "onboarding.import.problem.required": "Wajib diisi.",
  "onboarding.import.problem.invalid": "Isinya tidak sesuai format.",
  "onboarding.import.problem.unknownValue": "“{value}” tidak dikenal di daerah ini.",
  "onboarding.import.problem.unknownChoice": "“{value}” tidak dikenal. Pilihan: {accepted}.",
  "onboarding.import.problem.duplicateRow": "“{value}” sudah ada di baris {row}.",
  "onboarding.import.problem.duplicateSaved": "“{value}” sudah tersimpan di daerah ini.",
  "onboarding.import.problem.conflictRow": "Berbeda dengan baris {row} untuk instansi yang sama.",
  "onboarding.import.problem.conflictSaved": "Berbeda dengan data instansi yang sudah tersimpan.",
  "onboarding.import.problem.notForRole": "Diisi hanya untuk petugas instansi, bukan untuk {role}.",
  "onboarding.import.file.unreadable":
    "Berkas ini tidak dapat dibaca sebagai CSV. Simpan ulang dari spreadsheet sebagai CSV.",
  "onboarding.import.file.empty":
    "Berkas ini kosong. Baris pertamanya harus berisi kolom {expected}.",
  "onboarding.import.file.header": "Baris pertama harus berisi kolom {expected}.",
  "onboarding.import.file.missing": "Kolom yang kurang: {columns}.",
  "onboarding.import.file.unknown": "Kolom yang tidak dikenal: {columns}.",
  "onboarding.import.file.noRows": "Berkas ini hanya berisi baris judul, tanpa data.",
  "onboarding.import.file.tooManyRows":
    "Berkas ini berisi {rows} baris; paling banyak {maximum} baris sekali impor.",
  "onboarding.import.file.rowProblems":
    "{count} masalah ditemukan saat menyimpan, jadi tidak ada yang disimpan. Periksa berkas sekali lagi.",
  "onboarding.import.previewCaption": "Pratinjau",
  "onboarding.import.readyAgencies":
    "Berkas valid: {agencies} instansi baru dan {contacts} kontak akan disimpan sekaligus.",
  "onboarding.import.readyStaff": "Berkas valid: {count} undangan akan dikirim sekaligus.",
  "onboarding.import.doneAgencies":
    "Impor selesai: {agencies} instansi baru dan {contacts} kontak disimpan.",
  "onboarding.import.doneStaff": "{count} undangan terkirim.",
  "onboarding.import.new": "baru",
  "onboarding.import.existing": "sudah ada",
  "onboarding.import.email": "Email",
  "onboarding.import.role": "Peran",
  "onboarding.import.agency": "Instansi",
  "onboarding.import.contact": "Kontak",

  "onboarding.check.ok": "Terpenuhi",
  "onboarding.check.notOk": "Belum terpenuhi",
  "onboarding.check.branding": "Branding",
  "onboarding.check.trunk": "Trunk telepon",
  "onboarding.check.agencies": "Instansi",
  "onboarding.check.operators": "Operator",
  "onboarding.check.supervisor": "Supervisor",
  "onboarding.check.sop": "SOP",
  "onboarding.check.brandingDone": "Nama tampilan, warna, dan logo daerah sudah disimpan.",
  "onboarding.check.brandingMissing": "Belum disimpan: {missing}.",
  "onboarding.check.part.name": "nama tampilan",
  "onboarding.check.part.colours": "warna",
  "onboarding.check.part.logo": "logo",
  "onboarding.check.trunkDone": "{count} trunk telepon aktif.",
  "onboarding.check.trunkMissing": "Belum ada trunk telepon yang aktif; minimal satu diperlukan.",
  "onboarding.check.agenciesDone":
    "Setiap jenis instansi yang ditugaskan SOP ({count} jenis) punya instansi aktif dengan kontak.",
  "onboarding.check.agenciesMissing": "Belum ada instansi aktif dengan kontak untuk: {types}.",
  "onboarding.check.staffDone": "{role} aktif: {count} (minimal {needed}).",
  "onboarding.check.staffMissing": "{role} aktif baru {count}; minimal {needed} diperlukan.",
  "onboarding.check.staffInvited":
    "{count} orang diundang sebagai {role} dan belum menerima undangan; mereka terhitung setelah menerimanya.",
  "onboarding.check.sopDone": "SOP versi {number} sudah diterbitkan.",
  "onboarding.check.sopNoTemplate": "Belum ada templat SOP yang dipilih.",
  "onboarding.check.sopUnpublished":
    "Templat SOP sudah dipilih, tetapi versi pertamanya belum diterbitkan.",
  "onboarding.check.fix": "Selesaikan di langkah {step}",
  "onboarding.check.open": "Buka langkah {step}",

  "onboarding.goLive.intro":
    "Go live menandai layanan 112 daerah Anda berjalan dan langsung menambah angka adopsi nasional. Semua syarat di bawah harus terpenuhi.",
  "onboarding.goLive.ready": "Semua syarat terpenuhi. Daerah Anda siap go live.",
  "onboarding.goLive.notReady":
    "Go live baru dapat dilakukan setelah semua syarat di atas terpenuhi.",
  "onboarding.goLive.notAllowed": "Peran Anda tidak dapat menyatakan go live.",
  "onboarding.goLive.overrideIntro":
    "Belum semua syarat terpenuhi. Sebagai admin platform Anda dapat tetap menyatakan go live dengan alasan tertulis, yang disimpan di log audit.",
  "onboarding.goLive.reasonLabel": "Alasan go live tanpa memenuhi semua syarat",
  "onboarding.goLive.reasonHint":
    "Wajib diisi, maksimal 1000 karakter. Tercatat di log audit daerah.",
  "onboarding.goLive.reasonRequired": "Tuliskan alasannya.",
  "onboarding.goLive.reasonInvalid": "Alasan harus diisi dan maksimal 1000 karakter.",
  "onboarding.goLive.submit": "Go live",
  "onboarding.goLive.submitOverride": "Go live dengan pengecualian",
  "onboarding.goLive.confirmTitle": "Jalankan layanan 112 {tenant}?",
  "onboarding.goLive.confirmBody":
    "{tenant} akan tercatat live mulai sekarang dan masuk dalam angka adopsi nasional. Tindakan ini tercatat di log audit.",
  "onboarding.goLive.confirmOverride": "Alasan yang dicatat:",
  "onboarding.goLive.confirm": "Ya, go live",
  "onboarding.goLive.done": "{tenant} sekarang live.",
  "onboarding.goLive.conflict":
    "Go live ditolak: daftar periksa belum terpenuhi atau daerah ini tidak lagi dalam onboarding. Muat ulang halaman untuk melihat keadaan terbaru.",
  "onboarding.goLive.liveSince": "Layanan 112 daerah ini live sejak {date}.",
  "onboarding.goLive.notOnboarding":
    "Daerah ini berstatus {status}; go live hanya untuk daerah dalam onboarding.",
  "onboarding.goLive.overriddenWith":
    "Go live dilakukan tanpa memenuhi semua syarat, dengan alasan:",

  "branding.pageTitle": "Branding",
  "branding.intro":
    "Nama, logo, dan warna yang tampil di portal daerah Anda dan di email atas nama daerah.",
  "branding.toOnboarding": "Kembali ke penyiapan daerah",
  "branding.formTitle": "Branding daerah",
  "branding.displayName.label": "Nama tampilan",
  "branding.displayName.hint": "3–120 karakter, misalnya Kabupaten Sidoarjo.",
  "branding.primary.label": "Warna utama",
  "branding.primary.hint":
    "Format #rrggbb. Teks putih di atasnya harus memiliki kontras minimal 4,5:1 (WCAG 2.1).",
  "branding.primary.picker": "Pilih warna utama",
  "branding.accent.label": "Warna aksen",
  "branding.accent.hint":
    "Format #rrggbb. Teks putih di atasnya harus memiliki kontras minimal 3:1 (WCAG 2.1).",
  "branding.accent.picker": "Pilih warna aksen",
  "branding.colorSample": "Teks putih",
  "branding.contrastOk": "Kontras teks putih {ratio}:1, cukup (minimal {needed}:1).",
  "branding.contrastLow":
    "Kontras teks putih hanya {ratio}:1; minimal {needed}:1 agar terbaca. Pilih warna yang lebih gelap.",
  "branding.logo.label": "Logo",
  "branding.logo.hint":
    "PNG, JPEG, atau SVG; maksimal {kib} KiB dan {side}×{side} piksel. SVG dibersihkan dari skrip sebelum disimpan.",
  "branding.logo.none": "Belum ada logo",
  "branding.logo.previewSaved": "Logo tersimpan",
  "branding.logo.previewChosen": "Pratinjau {name} (belum disimpan)",
  "branding.logo.tooLarge": "Berkas ini {size} KiB; maksimal {limit} KiB.",
  "branding.logo.unreadable": "Berkas ini tidak dapat dibaca. Pilih berkas lain.",
  "branding.logo.remove": "Hapus logo",
  "branding.logo.removeTitle": "Hapus logo?",
  "branding.logo.removeBody":
    "Portal dan email daerah akan menampilkan nama saja sampai logo baru diunggah.",
  "branding.logo.removeConfirm": "Ya, hapus logo",
  "branding.logo.removed": "Logo dihapus.",
  "branding.error.displayName": "Nama tampilan harus 3–120 karakter.",
  "branding.error.colorFormat": "Tulis warna dalam format #rrggbb, misalnya #b91c1c.",
  "branding.error.primaryContrast":
    "Warna utama terlalu terang: teks putih di atasnya memerlukan kontras minimal 4,5:1. Pilih warna yang lebih gelap.",
  "branding.error.accentContrast":
    "Warna aksen terlalu terang: teks putih di atasnya memerlukan kontras minimal 3:1. Pilih warna yang lebih gelap.",
  "branding.error.logo": "Logo ditolak. Gunakan PNG, JPEG, atau SVG sesuai batas ukuran.",
  "branding.error.logoUnsupported":
    "Isi berkas ini bukan gambar PNG, JPEG, atau SVG. Pilih berkas lain.",
  "branding.error.logoDimensions":
    "Gambar ini {width}×{height} piksel; maksimal {side}×{side} piksel.",
  "branding.error.logoSvgDtd":
    "SVG ini memuat deklarasi DTD (entity), yang tidak diterima. Simpan ulang tanpa DOCTYPE.",
  "branding.error.logoSvgEmpty":
    "Tidak ada yang tersisa dari SVG ini setelah bagian yang tidak aman dibuang.",
  "branding.save": "Simpan branding",
  "branding.saved": "Branding disimpan.",
  "branding.savedSanitised": "Branding disimpan. {count} bagian yang tidak aman dibuang dari SVG.",
  "branding.readOnly": "Peran Anda hanya dapat melihat branding.",
} as const;
