/** Platform administration: the tenants of every region and creating one (`/platform/tenants`). */
export const platformPagesId = {
  "platform.nav.tenants": "Tenant",

  "platform.tenants.pageTitle": "Tenant",
  "platform.tenants.intro":
    "Setiap kabupaten/kota yang memakai Sigap 112, dengan status dan tanggal live-nya.",
  "platform.tenants.create": "Buat tenant",
  "platform.tenants.caption": "Semua tenant",
  "platform.tenants.empty": "Belum ada tenant. Buat yang pertama untuk sebuah kabupaten/kota.",
  "platform.tenants.filters": "Cari tenant",
  "platform.tenants.search": "Cari",
  "platform.tenants.searchHint": "Nama, slug, kabupaten/kota atau provinsi.",
  "platform.tenants.status": "Status",
  "platform.tenants.apply": "Tampilkan",
  "platform.tenants.reset": "Hapus pencarian",
  "platform.tenants.noMatch": "Tidak ada tenant yang cocok dengan pencarian ini.",
  "platform.tenants.pastLastPage": "Halaman ini melewati akhir daftar.",
  "platform.tenants.badSearch": "Pencarian atau nomor halaman di alamat ini tidak valid.",
  "platform.tenants.showAll": "Tampilkan semua tenant",
  "platform.tenants.pages": "Halaman daftar tenant",
  "platform.tenants.range": "{first}–{last} dari {total}",
  "platform.tenants.previous": "Sebelumnya",
  "platform.tenants.next": "Berikutnya",

  "platform.create.pageTitle": "Buat tenant",
  "platform.create.intro":
    "Pilih kabupaten/kota dari registri nasional, tentukan slug, lalu undang admin pertamanya. Tenant dimulai dengan status onboarding.",
  "platform.create.back": "Kembali ke daftar tenant",
  "platform.create.region": "Kabupaten/kota",
  "platform.create.regionHint":
    "Ketik minimal 2 huruf nama atau awal kode wilayah (mis. Sidoarjo atau 35.15).",
  "platform.create.regionSearching": "Mencari…",
  "platform.create.regionNoMatch": "Tidak ada kabupaten/kota yang cocok.",
  "platform.create.regionCount": "{count} hasil; gunakan panah atas/bawah untuk memilih.",
  "platform.create.regionFailed": "Pencarian wilayah gagal. Coba lagi.",
  "platform.create.regionTaken": "sudah punya tenant ({slug})",
  "platform.create.regionChosen": "Dipilih: {region} ({code}), {province}",
  "platform.create.regionRequired": "Pilih kabupaten/kota dari daftar.",
  "platform.create.regionConflict":
    "Kabupaten/kota ini sudah punya tenant; satu wilayah hanya boleh satu tenant.",
  "platform.create.regionInvalid": "Kabupaten/kota ini tidak ada di registri.",
  "platform.create.slug": "Slug",
  "platform.create.slugHint":
    "Bagian alamat tenant (/t/{slug}). Huruf kecil a–z, angka, dan tanda hubung.",
  "platform.create.slugInvalid":
    "Slug hanya boleh huruf kecil a–z, angka, dan satu tanda hubung di antaranya (2–63 karakter).",
  "platform.create.slugConflict": "Slug ini sudah dipakai tenant lain.",
  "platform.create.adminEmail": "Email admin pertama",
  "platform.create.adminEmailHint": "Undangan untuk menjadi admin tenant dikirim ke alamat ini.",
  "platform.create.adminName": "Nama admin (opsional)",
  "platform.create.adminNameInvalid": "Nama terlalu panjang.",
  "platform.create.submit": "Buat tenant dan kirim undangan",
  "platform.create.submitting": "Membuat…",

  "platform.created.title": "Tenant {tenant} dibuat",
  "platform.created.body":
    "Undangan admin tenant telah dikirim ke {email}. Tenant berstatus onboarding sampai go-live.",
  "platform.created.outbox": "Lihat email di kotak keluar pengembangan",
  "platform.created.open": "Buka {tenant}",
  "platform.created.another": "Buat tenant lain",
} as const;
