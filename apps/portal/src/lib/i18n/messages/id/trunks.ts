/** Phone trunks (`/t/{slug}/trunks`): list, form, DIDs, removal, history, PBX configuration export. */
export const trunksPagesId = {
  "trunks.nav": "Trunk telepon",
  "trunks.navDescription":
    "Sambungan SIP dari operator seluler/telepon, nomor DID 112, dan konfigurasi PBX.",
  "trunks.pageTitle": "Trunk telepon",
  "trunks.intro":
    "Sambungan SIP yang membawa panggilan 112 ke {tenant}, dan nomor DID yang masuk lewat masing-masing.",
  "trunks.add": "Tambah trunk",
  "trunks.back": "← Semua trunk",

  "trunks.table.caption": "Daftar trunk telepon",
  "trunks.table.name": "Nama",
  "trunks.table.carrier": "Operator",
  "trunks.table.signalling": "Alamat SIP",
  "trunks.table.status": "Status",
  "trunks.table.dids": "Nomor DID",
  "trunks.table.empty": "Belum ada trunk. Tambahkan sambungan dari operator telekomunikasi Anda.",

  "trunks.carrier.telkomsel": "Telkomsel",
  "trunks.carrier.indosat_ooredoo_hutchison": "Indosat Ooredoo Hutchison",
  "trunks.carrier.xlsmart": "XLSmart",
  "trunks.carrier.telkom": "Telkom",
  "trunks.carrier.other": "Lainnya",
  "trunks.status.provisioning": "Penyiapan",
  "trunks.status.testing": "Uji coba",
  "trunks.status.active": "Aktif",
  "trunks.status.disabled": "Nonaktif",
  "trunks.auth.digest": "Digest (nama pengguna dan kata sandi)",
  "trunks.auth.ipAllowList": "Daftar alamat IP yang diizinkan",

  "trunks.form.newTitle": "Tambah trunk",
  "trunks.form.newIntro":
    "Isi data sambungan dari operator. Nomor DID ditambahkan setelah trunk disimpan.",
  "trunks.form.editTitle": "Pengaturan trunk",
  "trunks.form.carrier": "Operator",
  "trunks.form.name": "Nama",
  "trunks.form.nameHint": "Unik di daerah ini; dipakai sebagai nama di konfigurasi PBX.",
  "trunks.form.signalling": "Pensinyalan SIP",
  "trunks.form.sipHost": "Host atau alamat IP",
  "trunks.form.sipHostHint": "Misalnya sip.telkomsel.example atau 203.0.113.10.",
  "trunks.form.sipPort": "Port",
  "trunks.form.transport": "Transport",
  "trunks.form.maxChannels": "Kanal serentak maksimum",
  "trunks.form.maxChannelsHint": "Jumlah panggilan bersamaan sesuai kontrak, 1 sampai 10000.",
  "trunks.form.codecs": "Codec",
  "trunks.form.codecsHint": "Pilih setidaknya satu; urutan preferensi mengikuti urutan di sini.",
  "trunks.form.auth": "Autentikasi",
  "trunks.form.username": "Nama pengguna",
  "trunks.form.password": "Kata sandi",
  "trunks.form.passwordHint": "Disimpan terenkripsi dan tidak pernah ditampilkan lagi.",
  "trunks.form.passwordStored": "Tersimpan — isi untuk mengganti",
  "trunks.form.addresses": "Alamat IP yang diizinkan",
  "trunks.form.addressesHint": "Satu alamat atau rentang CIDR per baris, misalnya 203.0.113.0/28.",
  "trunks.form.status": "Status",
  "trunks.form.create": "Simpan trunk",
  "trunks.form.save": "Simpan perubahan",
  "trunks.form.saved": "Perubahan disimpan.",

  "trunks.error.name": "Isi nama trunk dalam satu baris (paling banyak 100 karakter).",
  "trunks.error.nameTaken": "Nama ini sudah dipakai trunk lain di daerah ini.",
  "trunks.error.carrier": "Pilih operator.",
  "trunks.error.sipHost": "Isi nama host atau alamat IPv4/IPv6 yang valid.",
  "trunks.error.sipPort": "Isi port berupa angka 1 sampai 65535.",
  "trunks.error.transport": "Pilih UDP, TCP, atau TLS.",
  "trunks.error.maxChannels": "Isi angka bulat 1 sampai 10000.",
  "trunks.error.codecs": "Pilih setidaknya satu codec.",
  "trunks.error.status": "Pilih status.",
  "trunks.error.username": "Nama pengguna 1–128 karakter: huruf, angka, atau . _ ~ + -.",
  "trunks.error.password":
    "Kata sandi 1–128 karakter ASCII yang terlihat, tanpa spasi atau garis miring terbalik.",
  "trunks.error.passwordRequired": "Isi kata sandi untuk autentikasi digest.",
  "trunks.error.addresses":
    "Isi 1 sampai 50 alamat IP atau rentang CIDR yang valid, satu per baris.",

  "trunks.dids.title": "Nomor DID",
  "trunks.dids.label": "Nomor DID masuk (satu per baris)",
  "trunks.dids.hint":
    "Format Indonesia apa pun diterima (031 1234567, +62 31 1234567); disimpan sebagai +62…. Daftar ini menggantikan seluruh nomor trunk.",
  "trunks.dids.save": "Simpan nomor DID",
  "trunks.dids.saved": "{count} nomor DID tersimpan.",
  "trunks.dids.none": "Belum ada nomor",
  "trunks.dids.conflict": "Sebagian nomor sudah dipakai. Tidak ada perubahan yang disimpan.",
  "trunks.dids.lineError": "Baris {line} ({value}): {message}",
  "trunks.dids.invalid": "bukan nomor Indonesia yang valid.",
  "trunks.dids.repeated": "nomor ini sudah ada di baris lain.",
  "trunks.dids.takenElsewhere":
    "tidak tersedia. Pilih nomor lain, atau tanyakan kepada operator telekomunikasi nomor mana yang milik daerah ini.",
  "trunks.dids.onOtherTrunk": "sudah terpasang di trunk lain daerah ini; hapus dulu dari sana.",

  "trunks.remove.button": "Hapus trunk",
  "trunks.remove.title": "Hapus trunk {name}?",
  "trunks.remove.body":
    "Trunk {name} dihapus dari konfigurasi. Riwayat perubahannya tetap tercatat.",
  "trunks.remove.bodyDids":
    "Trunk {name} dihapus dan {count} nomor DID-nya dilepas sehingga dapat diklaim pihak lain. Panggilan ke nomor itu tidak lagi masuk ke layanan ini.",
  "trunks.remove.confirm": "Ya, hapus",

  "trunks.history.passwordReplaced": "Kata sandi diganti",
  "trunks.action.create": "Trunk dibuat",
  "trunks.action.update": "Pengaturan diubah",
  "trunks.action.setDids": "Nomor DID diubah",
  "trunks.action.remove": "Trunk dihapus",
  "trunks.action.rotateEventSecret": "Rahasia event telepon dibuat",
  "trunks.action.retirePreviousEventSecret": "Rahasia event telepon lama dihentikan",
  "trunks.history.previousStillValid": "Rahasia lama masih diterima",
  "trunks.eventSecret.title": "Rahasia event telepon",
  "trunks.eventSecret.intro":
    "PBX atau SBC trunk ini melaporkan setiap panggilan ke Sigap 112 (POST /v1/telephony/events) dan menandatanganinya dengan rahasia ini (HMAC-SHA256). Cara menandatangani ada di dokumentasi API.",
  "trunks.eventSecret.docs": "Dokumentasi API",
  "trunks.eventSecret.none": "Belum ada rahasia: laporan panggilan dari trunk ini akan ditolak.",
  "trunks.eventSecret.configured": "Rahasia tersimpan.",
  "trunks.eventSecret.rotating":
    "Rahasia lama masih diterima sampai Anda menghentikannya. Hentikan setelah PBX/SBC memakai rahasia baru.",
  "trunks.eventSecret.create": "Buat rahasia",
  "trunks.eventSecret.rotate": "Ganti rahasia",
  "trunks.eventSecret.rotateTitle": "Ganti rahasia event telepon?",
  "trunks.eventSecret.rotateBody":
    "Rahasia baru dibuat dan ditampilkan sekali. Rahasia saat ini tetap diterima sampai Anda menghentikannya; rahasia yang lebih lama dari itu langsung tidak berlaku.",
  "trunks.eventSecret.rotateConfirm": "Buat rahasia baru",
  "trunks.eventSecret.retire": "Hentikan rahasia lama",
  "trunks.eventSecret.retireTitle": "Hentikan rahasia lama?",
  "trunks.eventSecret.retireBody":
    "Laporan panggilan yang ditandatangani dengan rahasia lama akan ditolak. Pastikan PBX/SBC sudah memakai rahasia baru.",
  "trunks.eventSecret.retireConfirm": "Hentikan",
  "trunks.eventSecret.retired": "Rahasia lama dihentikan; hanya rahasia terbaru yang diterima.",
  "trunks.eventSecret.shownTitle": "Rahasia event telepon baru",
  "trunks.eventSecret.shownWarning":
    "Salin rahasia ini sekarang dan pasang di PBX/SBC trunk {name}. Rahasia ini hanya ditampilkan sekali: setelah kotak ini ditutup atau halaman dimuat ulang, rahasia tidak dapat dilihat lagi, hanya diganti.",
  "trunks.eventSecret.label": "Rahasia event telepon",

  "trunks.destination.title": "Tujuan panggilan",
  "trunks.destination.intro":
    "SBC platform meneruskan setiap panggilan 112 ke nomor DID daerah ini ke alamat SIP ini: PBX daerah atau kursi operator. Perubahan berlaku saat konfigurasi SBC dibuat ulang oleh pengelola platform.",
  "trunks.destination.label": "URI SIP tujuan",
  "trunks.destination.hint":
    "Misalnya sip:112@pbx.contoh.go.id atau sip:operator@10.20.0.5:5060. Kosongkan untuk menghapus; tanpa tujuan, panggilan ditolak di SBC.",
  "trunks.destination.invalid":
    "Bukan URI SIP yang sah. Tulis seperti sip:112@pbx.contoh.go.id, sip:operator@10.20.0.5:5060 atau sip:[2001:db8::5];transport=tcp.",
  "trunks.destination.save": "Simpan tujuan",
  "trunks.destination.saved": "Tujuan panggilan disimpan.",
  "trunks.destination.cleared": "Tujuan panggilan dihapus.",
  "trunks.destination.none": "Belum ditetapkan: panggilan ditolak di SBC.",

  "trunks.export.title": "Konfigurasi PBX",
  "trunks.export.intro":
    "Berkas untuk pengelola PBX/SBC daerah: bagian PJSIP dan dialplan Asterisk, serta daftar dispatcher dan izin alamat Kamailio.",
  "trunks.export.warning":
    "Berkas ini memuat kata sandi SIP dalam teks biasa. Serahkan hanya kepada pengelola PBX dan simpan seperti konfigurasi PBX lainnya. Setiap unduhan tercatat di log audit.",
  "trunks.export.button": "Unduh konfigurasi PBX",
  "trunks.export.working": "Menyiapkan…",
  "trunks.export.kind.pjsip": "Asterisk pjsip.conf: endpoint, aor, auth, identify per trunk",
  "trunks.export.kind.extensions":
    "Asterisk extensions.conf: konteks dialplan per trunk menurut DID",
  "trunks.export.kind.asterisk": "Asterisk: pjsip.conf dan extensions.conf dalam satu berkas",
  "trunks.export.kind.dispatcher": "Kamailio dispatcher.list",
  "trunks.export.kind.permissions": "Kamailio permissions (berkas alamat)",
} as const;
