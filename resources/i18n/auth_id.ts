<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
    <context>
        <name>errors</name>
        <message>
            <source>The username or password is wrong.</source>
            <translation>Nama pengguna atau kata sandi salah.</translation>
        </message>
        <message>
            <source>Too many failed attempts. Sign-in is locked; try again in {minutes} minute(s).</source>
            <translation>Terlalu banyak percobaan gagal. Akun dikunci; coba lagi dalam {minutes} menit.</translation>
        </message>
        <message>
            <source>This account is disabled. Ask an administrator.</source>
            <translation>Akun ini dinonaktifkan. Hubungi administrator.</translation>
        </message>
        <message>
            <source>Too many wrong PINs. Try again in {minutes} minute(s).</source>
            <translation>Terlalu banyak PIN salah. Coba lagi dalam {minutes} menit.</translation>
        </message>
        <message>
            <source>A username has 3 to 32 characters: lower-case letters, digits, dot, hyphen or underscore, starting with a letter or digit.</source>
            <translation>Nama pengguna terdiri atas 3 sampai 32 karakter: huruf kecil, angka, titik, tanda minus atau garis bawah, diawali huruf atau angka.</translation>
        </message>
        <message>
            <source>The username {username} is reserved. Choose another.</source>
            <translation>Nama pengguna {username} dicadangkan oleh sistem. Pilih nama lain.</translation>
        </message>
        <message>
            <source>A password needs at least {minimum} characters.</source>
            <translation>Kata sandi minimal {minimum} karakter.</translation>
        </message>
        <message>
            <source>A password can have at most {maximum} characters.</source>
            <translation>Kata sandi maksimal {maximum} karakter.</translation>
        </message>
        <message>
            <source>A password cannot be one character repeated.</source>
            <translation>Kata sandi tidak boleh berupa satu karakter yang diulang-ulang.</translation>
        </message>
        <message>
            <source>A password cannot be the same as the username.</source>
            <translation>Kata sandi tidak boleh sama dengan nama pengguna.</translation>
        </message>
        <message>
            <source>A PIN has {minimum} to {maximum} digits.</source>
            <translation>PIN terdiri atas {minimum} sampai {maximum} angka.</translation>
        </message>
        <message>
            <source>A PIN cannot be one digit repeated or a run such as 123456.</source>
            <translation>PIN tidak boleh berupa satu angka yang diulang atau deret seperti 123456.</translation>
        </message>
        <message>
            <source>Enter the person's full name.</source>
            <translation>Isi nama lengkap petugas.</translation>
        </message>
        <message>
            <source>This is too long (at most {maximum} characters).</source>
            <translation>Isian terlalu panjang (maksimal {maximum} karakter).</translation>
        </message>
        <message>
            <source>Unknown role {role}. Choose one of: {choices}.</source>
            <translation>Peran {role} tidak dikenal. Pilih salah satu: {choices}.</translation>
        </message>
        <message>
            <source>There is no account named {username}.</source>
            <translation>Tidak ada akun dengan nama pengguna {username}.</translation>
        </message>
        <message>
            <source>Sign in first to do this.</source>
            <translation>Masuk terlebih dahulu untuk melakukan ini.</translation>
        </message>
        <message>
            <source>Your account was changed or disabled. Sign in again.</source>
            <translation>Akun Anda telah diubah atau dinonaktifkan. Silakan masuk kembali.</translation>
        </message>
        <message>
            <source>MPP Desk is already set up. Sign in as an administrator.</source>
            <translation>MPP Desk sudah disiapkan. Masuklah sebagai administrator.</translation>
        </message>
        <message>
            <source>The username {username} is already taken.</source>
            <translation>Nama pengguna {username} sudah dipakai.</translation>
        </message>
        <message>
            <source>This is the last active administrator; the role cannot change.</source>
            <translation>Ini administrator aktif terakhir; perannya tidak dapat diubah.</translation>
        </message>
        <message>
            <source>You cannot disable your own account.</source>
            <translation>Anda tidak dapat menonaktifkan akun Anda sendiri.</translation>
        </message>
        <message>
            <source>This is the last active administrator and cannot be disabled.</source>
            <translation>Ini administrator aktif terakhir dan tidak dapat dinonaktifkan.</translation>
        </message>
        <message>
            <source>Only an administrator can have a PIN.</source>
            <translation>Hanya administrator yang dapat memiliki PIN.</translation>
        </message>
        <message>
            <source>The current password is wrong.</source>
            <translation>Kata sandi saat ini salah.</translation>
        </message>
        <message>
            <source>The new password must differ from the current one.</source>
            <translation>Kata sandi baru harus berbeda dari kata sandi saat ini.</translation>
        </message>
        <message>
            <source>Nothing was given on standard input.</source>
            <translation>Tidak ada masukan pada input standar (stdin).</translation>
        </message>
        <message>
            <source>The two entries do not match. Nothing was changed.</source>
            <translation>Kedua isian tidak sama. Tidak ada yang diubah.</translation>
        </message>
        <message>
            <source>Your role ({role}) does not allow this: {action}.</source>
            <translation>Peran Anda ({role}) tidak diizinkan untuk: {action}.</translation>
        </message>
        <message>
        <source>This password is too easy to guess (a common password, a word with digits, a keyboard run or a name). Use three or four unrelated words, for example Kopi-Tubruk-Pagi-7.</source>
        <translation>Kata sandi ini terlalu mudah ditebak (kata sandi umum, kata dengan angka, deretan tombol keyboard, atau nama). Gunakan tiga atau empat kata yang tidak berhubungan, misalnya Kopi-Tubruk-Pagi-7.</translation>
    </message>
    <message>
        <source>Change your password first: it was reset by an administrator.</source>
        <translation>Ganti kata sandi Anda terlebih dahulu: kata sandi telah diatur ulang oleh administrator.</translation>
    </message>
</context>
    <context>
        <name>cli</name>
        <message>
            <source>Password: </source>
            <translation>Kata sandi: </translation>
        </message>
        <message>
            <source>Password again: </source>
            <translation>Ulangi kata sandi: </translation>
        </message>
        <message>
            <source>Account {username} created ({role}). The password must be changed at the first sign-in.</source>
            <translation>Akun {username} dibuat ({role}). Kata sandi wajib diganti saat pertama kali masuk.</translation>
        </message>
        <message>
            <source>active</source>
            <translation>aktif</translation>
        </message>
        <message>
            <source>disabled</source>
            <translation>nonaktif</translation>
        </message>
        <message>
            <source>locked</source>
            <translation>terkunci</translation>
        </message>
        <message>
            <source>Account {username} is disabled.</source>
            <translation>Akun {username} dinonaktifkan.</translation>
        </message>
        <message>
            <source>Account {username} is active.</source>
            <translation>Akun {username} aktif.</translation>
        </message>
        <message>
            <source>Password of {username} reset; it must be changed at the next sign-in.</source>
            <translation>Kata sandi {username} diatur ulang; wajib diganti saat masuk berikutnya.</translation>
        </message>
        <message>
            <source>PIN: </source>
            <translation>PIN: </translation>
        </message>
        <message>
            <source>PIN again: </source>
            <translation>Ulangi PIN: </translation>
        </message>
        <message>
            <source>PIN of {username} cleared.</source>
            <translation>PIN {username} dihapus.</translation>
        </message>
        <message>
            <source>PIN of {username} set.</source>
            <translation>PIN {username} disimpan.</translation>
        </message>
        <message>
            <source>MPP Desk is set up. Administrator: {username}.</source>
            <translation>MPP Desk sudah disiapkan. Administrator: {username}.</translation>
        </message>
    </context>
    <context>
        <name>roles</name>
        <message>
            <source>Administrator</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>Supervisor (head of office)</source>
            <translation>Atasan / Kepala Kantor</translation>
        </message>
        <message>
            <source>Counter officer</source>
            <translation>Petugas loket</translation>
        </message>
        <message>
            <source>Complaint desk officer</source>
            <translation>Petugas pengaduan</translation>
        </message>
        <message>
            <source>Kiosk (self-service queue tickets)</source>
            <translation>Kiosk (anjungan antrian mandiri)</translation>
        </message>
        <message>
            <source>Display board</source>
            <translation>Layar antrian</translation>
        </message>
    </context>
    <context>
        <name>permissions</name>
        <message>
            <source>manage staff accounts</source>
            <translation>mengelola akun petugas</translation>
        </message>
        <message>
            <source>change settings</source>
            <translation>mengubah pengaturan</translation>
        </message>
        <message>
            <source>edit the service catalogue</source>
            <translation>mengubah katalog layanan</translation>
        </message>
        <message>
            <source>edit the working-day calendar</source>
            <translation>mengubah kalender hari kerja</translation>
        </message>
        <message>
            <source>set up queue lines and counters</source>
            <translation>mengatur jalur antrian dan loket</translation>
        </message>
        <message>
            <source>view the service catalogue</source>
            <translation>melihat katalog layanan</translation>
        </message>
        <message>
            <source>view the audit trail</source>
            <translation>melihat jejak audit</translation>
        </message>
        <message>
            <source>view reports</source>
            <translation>melihat laporan</translation>
        </message>
        <message>
            <source>export data</source>
            <translation>mengekspor data</translation>
        </message>
        <message>
            <source>call and serve queue numbers</source>
            <translation>memanggil dan melayani nomor antrian</translation>
        </message>
        <message>
            <source>receive application files</source>
            <translation>menerima berkas permohonan</translation>
        </message>
        <message>
            <source>record and follow up complaints</source>
            <translation>mencatat dan menindaklanjuti pengaduan</translation>
        </message>
        <message>
            <source>approve complaint escalation</source>
            <translation>menyetujui eskalasi pengaduan</translation>
        </message>
        <message>
            <source>view personal data</source>
            <translation>melihat data pribadi</translation>
        </message>
        <message>
            <source>erase personal data past its retention</source>
            <translation>menghapus data pribadi yang melewati masa retensi</translation>
        </message>
        <message>
            <source>leave kiosk or display mode</source>
            <translation>keluar dari mode kiosk atau layar antrian</translation>
        </message>
            <message>
            <source>record the yearly evaluation of the service standards</source>
            <translation>mencatat evaluasi tahunan standar pelayanan</translation>
        </message>
</context>
</TS>
