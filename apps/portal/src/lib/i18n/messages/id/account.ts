/** The account page and the shared pieces of signed-in pages (dialogs, API failures). */
export const accountPagesId = {
  "account.pageTitle": "Akun saya",
  "account.intro":
    "Profil, kata sandi, perangkat yang sedang masuk, dan verifikasi dua langkah Anda.",

  "account.tenants.none":
    "Anda belum tergabung di daerah mana pun. Minta admin daerah Anda mengirim undangan ke email akun ini.",
  "account.tenants.title": "Daerah kerja Anda",

  "account.profile.title": "Profil",
  "account.profile.displayName": "Nama",
  "account.profile.email": "Email",
  "account.profile.emailHint": "Email dipakai untuk masuk dan tidak dapat diubah di sini.",
  "account.profile.locale": "Bahasa",
  "account.profile.localeId": "Bahasa Indonesia",
  "account.profile.localeEn": "English",
  "account.profile.save": "Simpan profil",
  "account.profile.saved": "Profil disimpan.",

  "account.password.title": "Ubah kata sandi",
  "account.password.current": "Kata sandi saat ini",
  "account.password.new": "Kata sandi baru",
  "account.password.repeat": "Ulangi kata sandi baru",
  "account.password.hint":
    "Minimal 10 karakter dan sulit ditebak; frasa beberapa kata lebih mudah diingat.",
  "account.password.mismatch": "Kedua isian kata sandi baru tidak sama.",
  "account.password.submit": "Ubah kata sandi",
  "account.password.changed": "Kata sandi diubah. Sesi di perangkat lain telah diakhiri.",
  "account.password.wrongCurrent": "Kata sandi saat ini salah.",

  "account.sessions.title": "Sesi aktif",
  "account.sessions.intro":
    "Perangkat yang saat ini masuk ke akun Anda. Akhiri sesi yang tidak Anda kenali.",
  "account.sessions.caption": "Sesi aktif",
  "account.sessions.device": "Perangkat",
  "account.sessions.ip": "Alamat IP",
  "account.sessions.lastSeen": "Terakhir aktif",
  "account.sessions.createdAt": "Masuk sejak",
  "account.sessions.actions": "Tindakan",
  "account.sessions.thisDevice": "Perangkat ini",
  "account.sessions.revoke": "Akhiri sesi",
  "account.sessions.revokeTitle": "Akhiri sesi ini?",
  "account.sessions.revokeBody": "{device} akan langsung keluar dan harus masuk kembali.",
  "account.sessions.revoked": "Sesi diakhiri.",
  "account.sessions.empty": "Tidak ada sesi aktif lain.",
  "account.sessions.unknownDevice": "Perangkat tidak dikenal",
  "account.sessions.deviceOn": "{browser} di {os}",
  "account.sessions.unknownIp": "tidak diketahui",

  "account.everywhere.title": "Keluar dari semua perangkat",
  "account.everywhere.body": "Mengakhiri setiap sesi akun ini, termasuk sesi di perangkat ini.",
  "account.everywhere.button": "Keluar dari semua perangkat",
  "account.everywhere.confirmTitle": "Keluar dari semua perangkat?",
  "account.everywhere.confirmBody":
    "Semua perangkat, termasuk perangkat ini, akan langsung keluar. Anda perlu masuk kembali.",

  "account.twoFactor.title": "Verifikasi dua langkah",
  "account.twoFactor.intro":
    "Kode dari aplikasi autentikator di ponsel Anda, diminta setiap kali masuk.",
  "account.twoFactor.on": "Aktif",
  "account.twoFactor.off": "Tidak aktif",
  "account.twoFactor.required":
    "Peran Anda mewajibkan verifikasi dua langkah, jadi tidak dapat dinonaktifkan.",
  "account.twoFactor.enable": "Aktifkan verifikasi dua langkah",
  "account.twoFactor.scan":
    "Pindai kode QR ini dengan aplikasi autentikator (misalnya Google Authenticator, Microsoft Authenticator atau Aegis).",
  "account.twoFactor.qrLabel": "Kode QR untuk aplikasi autentikator",
  "account.twoFactor.manualKey": "Tidak bisa memindai? Masukkan kunci ini secara manual:",
  "account.twoFactor.code": "Kode 6 digit dari aplikasi",
  "account.twoFactor.codeHint": "Kode berganti setiap 30 detik.",
  "account.twoFactor.confirm": "Konfirmasi",
  "account.twoFactor.cancel": "Batal",
  "account.twoFactor.enabled": "Verifikasi dua langkah aktif.",
  "account.twoFactor.recoveryTitle": "Kode pemulihan",
  "account.twoFactor.recoveryBody":
    "Simpan kode ini di tempat yang aman. Jika ponsel Anda hilang, setiap kode dapat dipakai sekali untuk masuk. Kode ini tidak akan ditampilkan lagi.",
  "account.twoFactor.recoveryListLabel": "Kode pemulihan Anda",
  "account.twoFactor.recoveryDone": "Saya sudah menyimpannya",
  "account.twoFactor.codesLeft": "Sisa kode pemulihan: {count}.",
  "account.twoFactor.regenerate": "Buat kode pemulihan baru",
  "account.twoFactor.regenerateHint": "Kode pemulihan lama langsung tidak berlaku.",
  "account.twoFactor.disable": "Nonaktifkan",
  "account.twoFactor.disableHint":
    "Masukkan kode dari aplikasi untuk menonaktifkan verifikasi dua langkah.",
  "account.twoFactor.disabled": "Verifikasi dua langkah dinonaktifkan.",

  "dialog.cancel": "Batal",
  "common.loading": "Memuat…",
  "common.saving": "Menyimpan…",
  "common.leaveUnsaved": "Ada perubahan yang belum disimpan. Tinggalkan halaman ini?",

  "failure.BAD_REQUEST": "Periksa kembali isian yang ditandai.",
  "failure.UNAUTHORIZED": "Sesi Anda telah berakhir. Silakan masuk kembali.",
  "failure.FORBIDDEN": "Peran Anda tidak mengizinkan tindakan ini.",
  "failure.NOT_FOUND": "Data ini tidak ditemukan. Mungkin sudah diubah atau dihapus orang lain.",
  "failure.CONFLICT": "Tindakan ini bertentangan dengan data saat ini.",
  "failure.PAYLOAD_TOO_LARGE":
    "Data yang dikirim terlalu besar (maksimal 2 MiB per permintaan). Perkecil berkas atau isinya lalu coba lagi.",
  "failure.loadTitle": "Data tidak dapat dimuat",
  "failure.retry": "Coba lagi",
} as const;
