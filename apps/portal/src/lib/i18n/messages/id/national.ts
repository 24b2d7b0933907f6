/** The national adoption view (`/national`) for the ministry and platform staff: aggregates only. */
export const nationalPagesId = {
  "national.nav": "Nasional",
  "national.pageTitle": "Adopsi nasional",
  "national.intro":
    "Angka kabupaten/kota yang menjalankan layanan 112 di Sigap 112, dibaca langsung dari status tenant.",
  "national.headline": "{live} dari {total} kabupaten/kota",
  "national.headlineLive": "telah live",
  "national.onboarding": "{count} sedang onboarding",
  "national.none": "{count} lainnya belum bergabung atau ditangguhkan",

  "national.filters.title": "Saring",
  "national.filters.province": "Provinsi",
  "national.filters.allProvinces": "Semua provinsi",
  "national.filters.status": "Status tenant",
  "national.filters.allStatuses": "Semua status",
  "national.filters.apply": "Terapkan",
  "national.filters.reset": "Hapus saringan",
  "national.filters.invalid":
    "Saringan di alamat halaman tidak dikenal; periksa provinsi dan status.",

  "national.status.prospect": "Prospek",
  "national.status.onboarding": "Onboarding",
  "national.status.live": "Live",
  "national.status.suspended": "Ditangguhkan",

  "national.provinces.caption": "Adopsi per provinsi",
  "national.provinces.province": "Provinsi",
  "national.provinces.regions": "Kab/Kota",
  "national.provinces.live": "Live",
  "national.provinces.onboarding": "Onboarding",
  "national.provinces.none": "Lainnya",
  "national.provinces.percentLive": "% live",
  "national.provinces.empty": "Tidak ada provinsi untuk saringan ini.",
  "national.provinces.sortHint": "Urutkan menurut {column}",

  "national.map.title": "Peta adopsi per provinsi",
  "national.map.province": "{province}: {live} dari {regions} kabupaten/kota live ({percent})",
  "national.map.legend": "Keterangan warna: bagian kabupaten/kota yang live",
  "national.map.bandNone": "Belum ada yang live",
  "national.map.bandRange": "{from}–{to}",
  "national.map.bandFrom": "{from} atau lebih",
  "national.map.source":
    "Batas 38 provinsi (Kepmendagri 2025) dari cahyadsn/wilayah_boundaries, lisensi MIT, disederhanakan; pulau sangat kecil tidak tergambar.",

  "national.province.summary": "{live} dari {total} kabupaten/kota telah live",
  "national.province.caption": "Kabupaten/kota di {province}",
  "national.province.noTenant": "Belum bergabung",

  "national.tenants.caption": "Tenant",
  "national.tenants.region": "Kabupaten/kota",
  "national.tenants.code": "Kode",
  "national.tenants.province": "Provinsi",
  "national.tenants.status": "Status",
  "national.tenants.launchedAt": "Tanggal live",
  "national.tenants.notLaunched": "Belum live",
  "national.tenants.empty": "Belum ada tenant untuk saringan ini.",

  "national.chart.title": "Adopsi kumulatif dari waktu ke waktu",
  "national.chart.desc":
    "Kabupaten/kota yang kini live, dijumlahkan menurut bulan masing-masing mulai live, dari {first} sampai {last}; sekarang {count}.",
  "national.chart.empty": "Belum ada kabupaten/kota yang live, jadi belum ada kurva adopsi.",
  "national.chart.axisMonth": "Bulan (WIB)",
  "national.chart.axisCount": "Kab/kota live",
  "national.chart.tableCaption": "Data grafik adopsi kumulatif",
  "national.chart.month": "Bulan",
  "national.chart.launched": "Live bulan itu",
  "national.chart.cumulative": "Total live",
  "national.chart.range": "Rentang tren",
  "national.chart.rangeAll": "Sejak peluncuran pertama",
  "national.chart.rangeMonths": "{count} bulan terakhir",
  "national.chart.rangeApply": "Tampilkan",
  "national.chart.definition":
    "Live berarti live sekarang: kabupaten/kota yang pernah live lalu ditangguhkan tidak dihitung, baik di angka utama, tabel, peta, maupun grafik ini.",

  "national.csv.download": "Unduh CSV",
  "national.csv.downloadOf": "Unduh {table} sebagai CSV",
  "national.csv.downloading": "Menyiapkan…",
  "national.csv.failed": "CSV tidak dapat dibuat. Silakan coba lagi.",
} as const;
