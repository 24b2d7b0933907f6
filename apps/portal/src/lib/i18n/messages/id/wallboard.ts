/** The supervisor's wallboard and call reports (`/t/{slug}/wallboard`). */
export const wallboardId = {
  "wallboard.nav": "Papan supervisor",
  "wallboard.navDescription":
    "Kecepatan menjawab hari ini, panggilan menunggu, operator di meja, dan laporan.",
  "wallboard.pageTitle": "Papan supervisor",
  "wallboard.intro":
    "Angka hari ini sejak pukul 00.00 waktu wilayah. Panggilan menunggu diperbarui langsung, angka lain setiap 5 detik.",
  "wallboard.loadFailed": "Angka tidak dapat dimuat; mencoba lagi sebentar lagi.",
  "wallboard.waiting": "Panggilan menunggu",
  "wallboard.longestWait": "Menunggu paling lama",
  "wallboard.within10": "Dijawab ≤ 10 detik",
  "wallboard.within10Target": "Sasaran NFPA 1225: 90%",
  "wallboard.within15": "Dijawab ≤ 15 detik",
  "wallboard.medianAnswer": "Median waktu jawab",
  "wallboard.offered": "Panggilan masuk",
  "wallboard.answered": "Dijawab",
  "wallboard.abandoned": "Ditutup sebelum dijawab",
  "wallboard.prankShare": "Porsi iseng",
  "wallboard.mix": "Klasifikasi hari ini",
  "wallboard.seats": "Operator di meja",
  "wallboard.operator": "Operator",
  "wallboard.state": "Keadaan",
  "wallboard.medianTalk": "Median lama bicara",
  "wallboard.onCall": "Menerima panggilan ({duration})",
  "wallboard.free": "Siap",
  "wallboard.noSeats": "Belum ada operator yang duduk di meja.",
  "report.title": "Laporan panggilan",
  "report.from": "Dari tanggal",
  "report.to": "Sampai tanggal",
  "report.show": "Tampilkan",
  "report.csv": "Unduh CSV",
  "report.csvFailed": "CSV tidak dapat dibuat. Coba lagi.",
  "report.day": "Tanggal",
  "report.total": "Jumlah",
  "report.error.from": "Pilih tanggal yang ada.",
  "report.error.to":
    "Tanggal akhir tidak boleh sebelum tanggal awal, dan rentang paling lama 366 hari.",
} as const;

/** The region's rules for its calls (`/t/{slug}/settings/calls`). */
export const callSettingsId = {
  "callSettings.nav": "Pengaturan panggilan",
  "callSettings.navDescription":
    "Berapa lama data panggilan disimpan, dan kapan penelepon iseng disarankan untuk diblokir.",
  "callSettings.pageTitle": "Pengaturan panggilan",
  "callSettings.intro":
    "Nomor dan lokasi penelepon adalah data pribadi: simpan hanya selama diperlukan.",
  "callSettings.loadFailed": "Pengaturan tidak dapat dimuat. Muat ulang halaman.",
  "callSettings.retention": "Simpan data panggilan (hari)",
  "callSettings.retentionHint":
    "Panggilan yang lebih tua dihapus otomatis setiap jam. 30 sampai 3.650 hari.",
  "callSettings.afterCalls": "Sarankan blokir setelah panggilan iseng ke-",
  "callSettings.afterCallsHint":
    "Panel panggilan menyarankan blokir saat nomor mencapai jumlah ini. 2 sampai 20.",
  "callSettings.withinHours": "Dalam rentang (jam)",
  "callSettings.withinHoursHint":
    "Panggilan iseng yang dihitung hanya yang dalam rentang ini. 1 sampai 720 jam.",
  "callSettings.save": "Simpan pengaturan",
  "callSettings.saved": "Pengaturan panggilan disimpan.",
  "callSettings.unsaved": "Ada perubahan yang belum disimpan.",
  "callSettings.error.retention": "Isi 30 sampai 3.650 hari.",
  "callSettings.error.afterCalls": "Isi 2 sampai 20 panggilan.",
  "callSettings.error.withinHours": "Isi 1 sampai 720 jam.",
} as const;
