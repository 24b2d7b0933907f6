/** Bahasa Indonesia: sign-in, second factor, invitations, password reset, the dev outbox. */
export const authId = {
  "auth.header.signIn": "Masuk",
  "auth.header.signOut": "Keluar",
  "auth.header.signingOut": "Sedang keluar…",
  "auth.header.signedInAs": "Masuk sebagai {name}",

  "auth.field.email": "Email",
  "auth.field.password": "Kata sandi",
  "auth.field.newPassword": "Kata sandi baru",
  "auth.field.displayName": "Nama lengkap",
  "auth.field.code": "Kode 6 digit",
  "auth.field.recoveryCode": "Kode pemulihan",
  "auth.field.invalid": "Periksa kembali isian ini.",
  "auth.field.required": "Wajib diisi.",
  "auth.field.emailInvalid": "Masukkan alamat email yang benar, misalnya nama@contoh.go.id.",

  "auth.error.generic": "Permintaan tidak dapat diproses. Silakan coba lagi.",
  "auth.error.unavailable":
    "Layanan Sigap 112 sedang tidak dapat dihubungi. Silakan coba lagi sebentar lagi.",
  "auth.error.throttledMinutes": "Terlalu banyak percobaan. Coba lagi dalam {count} menit.",
  "auth.error.throttledSeconds": "Terlalu banyak percobaan. Coba lagi dalam {count} detik.",
  "auth.error.sessionEnded": "Sesi Anda telah berakhir. Silakan masuk kembali.",

  "auth.signIn.title": "Masuk ke Sigap 112",
  "auth.signIn.intro": "Gunakan email dan kata sandi akun Sigap 112 Anda.",
  "auth.signIn.submit": "Masuk",
  "auth.signIn.submitting": "Sedang masuk…",
  "auth.signIn.wrongCredentials": "Email atau kata sandi salah.",
  "auth.signIn.forgotPassword": "Lupa kata sandi?",

  "auth.challenge.title": "Verifikasi dua langkah",
  "auth.challenge.intro":
    "Buka aplikasi autentikator Anda dan masukkan kode 6 digit untuk Sigap 112.",
  "auth.challenge.recoveryIntro":
    "Masukkan salah satu kode pemulihan yang Anda simpan saat mengaktifkan verifikasi dua langkah.",
  "auth.challenge.codeHint": "Kode berganti setiap 30 detik.",
  "auth.challenge.submit": "Verifikasi",
  "auth.challenge.submitting": "Sedang memverifikasi…",
  "auth.challenge.wrongCode": "Kode salah atau sudah kedaluwarsa. Coba kode terbaru.",
  "auth.challenge.useRecovery": "Tidak bisa membuka aplikasi autentikator? Gunakan kode pemulihan",
  "auth.challenge.useTotp": "Gunakan kode dari aplikasi autentikator",
  "auth.challenge.cancel": "Batal dan keluar",

  "auth.enrol.title": "Aktifkan verifikasi dua langkah",
  "auth.enrol.required":
    "Peran Anda mewajibkan verifikasi dua langkah. Aktifkan sekarang untuk melanjutkan.",
  "auth.enrol.step1":
    "1. Pindai kode QR ini dengan aplikasi autentikator (misalnya Google Authenticator, Microsoft Authenticator, atau FreeOTP).",
  "auth.enrol.qrLabel": "Kode QR untuk aplikasi autentikator",
  "auth.enrol.manualKeyLabel": "Tidak bisa memindai? Masukkan kunci ini secara manual:",
  "auth.enrol.step2":
    "2. Masukkan kode 6 digit yang ditampilkan aplikasi untuk memastikan semuanya berfungsi.",
  "auth.enrol.loading": "Menyiapkan kunci baru…",
  "auth.enrol.retry": "Coba lagi",
  "auth.enrol.submit": "Aktifkan",
  "auth.enrol.submitting": "Sedang mengaktifkan…",
  "auth.enrol.codesTitle": "Simpan kode pemulihan Anda",
  "auth.enrol.codesIntro":
    "Setiap kode dapat dipakai satu kali untuk masuk jika ponsel Anda hilang. Kode ini hanya ditampilkan sekarang: simpan di tempat yang aman.",
  "auth.enrol.codesLabel": "Kode pemulihan",
  "auth.enrol.copy": "Salin",
  "auth.enrol.copied": "Tersalin",
  "auth.enrol.download": "Unduh (.txt)",
  "auth.enrol.downloadHeading": "Kode pemulihan Sigap 112 untuk {email}",
  "auth.enrol.saved": "Saya sudah menyimpannya",
  "auth.enrol.continue": "Lanjutkan",

  "auth.invite.title": "Undangan bergabung dengan {tenant}",
  "auth.invite.summary": "Anda diundang sebagai {role} untuk {email}.",
  "auth.invite.newAccount": "Buat akun Anda",
  "auth.invite.existingAccount": "Sudah punya akun Sigap 112?",
  "auth.invite.existingAccountIntro": "Masukkan kata sandi akun Anda untuk menerima undangan ini.",
  "auth.invite.passwordHint":
    "Minimal 10 karakter. Gunakan beberapa kata yang tidak mudah ditebak.",
  "auth.invite.submit": "Terima undangan",
  "auth.invite.submitting": "Sedang memproses…",
  "auth.invite.unusableTitle": "Undangan tidak dapat dipakai",
  "auth.invite.expired":
    "Undangan ini sudah kedaluwarsa. Minta admin untuk mengirim undangan baru.",
  "auth.invite.used": "Undangan ini sudah dipakai. Jika itu Anda, silakan masuk.",
  "auth.invite.revoked": "Undangan ini telah dibatalkan oleh admin.",
  "auth.invite.notFound": "Tautan undangan ini tidak valid. Periksa kembali tautan di email Anda.",
  "auth.invite.wrongPassword": "Kata sandi salah.",

  "auth.role.platform_admin": "Admin platform",
  "auth.role.ministry_viewer": "Peninjau kementerian",
  "auth.role.tenant_admin": "Admin daerah",
  "auth.role.supervisor": "Supervisor",
  "auth.role.operator": "Operator",
  "auth.role.agency_responder": "Petugas instansi",

  "auth.reset.title": "Atur ulang kata sandi",
  "auth.reset.intro":
    "Masukkan email akun Anda. Kami akan mengirim tautan untuk mengatur kata sandi baru.",
  "auth.reset.submit": "Kirim tautan",
  "auth.reset.submitting": "Sedang mengirim…",
  "auth.reset.sent":
    "Jika email tersebut terdaftar, tautan untuk mengatur ulang kata sandi sudah dikirim. Periksa kotak masuk Anda; tautan berlaku terbatas dan hanya dapat dipakai sekali.",
  "auth.reset.backToSignIn": "Kembali ke halaman masuk",
  "auth.reset.completeTitle": "Buat kata sandi baru",
  "auth.reset.completeIntro":
    "Kata sandi baru menggantikan yang lama dan mengakhiri semua sesi yang masih aktif.",
  "auth.reset.completeSubmit": "Simpan kata sandi",
  "auth.reset.completeSubmitting": "Sedang menyimpan…",
  "auth.reset.invalidLink":
    "Tautan ini tidak valid, sudah dipakai, atau sudah kedaluwarsa. Minta tautan baru.",
  "auth.reset.requestAgain": "Minta tautan baru",
  "auth.reset.done": "Kata sandi Anda sudah diganti. Silakan masuk dengan kata sandi baru.",

  "auth.outbox.title": "Kotak keluar (pengembangan)",
  "auth.outbox.intro":
    "Tanpa server email, pesan yang dikirim Sigap 112 disimpan di sini, terbuka hanya untuk admin platform. Halaman ini hanya tersedia di lingkungan pengembangan.",
  "auth.outbox.empty": "Belum ada pesan.",
  "auth.outbox.to": "Kepada",
  "auth.outbox.subject": "Subjek",
  "auth.outbox.sentAt": "Waktu",
  "auth.outbox.back": "Kembali ke kotak keluar",
  "auth.outbox.unreadable":
    "Isi pesan ini tidak dapat dibuka (disimpan sebelum isi pesan disegel).",
  "auth.outbox.refresh": "Muat ulang",
} as const;
