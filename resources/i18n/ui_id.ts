<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
    <context>
        <name>Errors</name>
        <message>
            <source>Unexpected error: {error}</source>
            <translation>Terjadi kesalahan tak terduga: {error}</translation>
        </message>
    </context>
    <context>
        <name>CatalogTableModel</name>
        <message>
            <source>No.</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>KBLI</source>
            <translation>KBLI</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Layanan</translation>
        </message>
        <message>
            <source>Risk</source>
            <translation>Risiko</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produk</translation>
        </message>
        <message>
            <source>Working days</source>
            <translation>Hari kerja</translation>
        </message>
    </context>
    <context>
        <name>Areas</name>
        <message>
            <source>Home</source>
            <translation>Beranda</translation>
        </message>
        <message>
            <source>Complaints</source>
            <translation>Pengaduan</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>Ikhtisar</translation>
        </message>
        <message>
            <source>Staff accounts</source>
            <translation>Akun petugas</translation>
        </message>
        <message>
            <source>Service catalogue</source>
            <translation>Katalog layanan</translation>
        </message>
        <message>
            <source>Working-day calendar</source>
            <translation>Kalender hari kerja</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Pengaturan</translation>
        </message>
        <message>
            <source>Audit trail</source>
            <translation>Jejak audit</translation>
        </message>
        <message>
            <source>Queue</source>
            <translation>Antrian</translation>
        </message>
        <message>
            <source>Queue set-up</source>
            <translation>Pengaturan antrian</translation>
        </message>
        <message>
            <source>Queue statistics</source>
            <translation>Statistik antrian</translation>
        </message>
        <message>
            <source>Complaint oversight</source>
            <translation>Pengawasan pengaduan</translation>
        </message>
        <message>
            <source>File intake</source>
            <translation>Penerimaan berkas</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>Berkas</translation>
        </message>
        <message>
            <source>Sync and devices</source>
            <translation>Sinkronisasi dan perangkat</translation>
        </message>
        <message>
            <source>Satisfaction survey</source>
            <translation>Survei kepuasan</translation>
        </message>
        <message>
            <source>Standards upkeep</source>
            <translation>Pemeliharaan standar</translation>
        </message>
        <message>
            <source>Personal data retention</source>
            <translation>Retensi data pribadi</translation>
        </message>
    </context>
    <context>
        <name>AuditArea</name>
        <message>
            <source>Audit trail</source>
            <translation>Jejak audit</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Waktu</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Pengguna</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Tindakan</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Keterangan</translation>
        </message>
        <message>
            <source>PC</source>
            <translation>PC</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Muat ulang</translation>
        </message>
        <message>
            <source>Check the chain</source>
            <translation>Periksa rantai</translation>
        </message>
        <message>
            <source>The chain is intact: {count} entries checked.</source>
            <translation>Rantai utuh: {count} catatan diperiksa.</translation>
        </message>
        <message>
            <source>The chain is broken at entry {seq}: {reason}</source>
            <translation>Rantai terputus pada catatan {seq}: {reason}</translation>
        </message>
    </context>
    <context>
        <name>CalendarArea</name>
        <message>
            <source>Working-day calendar</source>
            <translation>Kalender hari kerja</translation>
        </message>
        <message>
            <source>National holiday</source>
            <translation>Libur nasional</translation>
        </message>
        <message>
            <source>Cuti bersama</source>
            <translation>Cuti bersama</translation>
        </message>
        <message>
            <source>Local closure</source>
            <translation>Tutup (lokal)</translation>
        </message>
        <message>
            <source>Holiday worked (local opening)</source>
            <translation>Libur tetapi buka (lokal)</translation>
        </message>
        <message>
            <source>Local change for the selected day</source>
            <translation>Perubahan lokal untuk tanggal terpilih</translation>
        </message>
        <message>
            <source>Reason (required), e.g. a regent's decree</source>
            <translation>Alasan (wajib), mis. keputusan bupati</translation>
        </message>
        <message>
            <source>Close the office on this day</source>
            <translation>Tutup kantor pada tanggal ini</translation>
        </message>
        <message>
            <source>Open the office on this day</source>
            <translation>Buka kantor pada tanggal ini</translation>
        </message>
        <message>
            <source>Due date calculator</source>
            <translation>Hitung jatuh tempo</translation>
        </message>
        <message>
            <source>Working days after the selected day</source>
            <translation>Hari kerja setelah tanggal terpilih</translation>
        </message>
        <message>
            <source>Non-working days this month</source>
            <translation>Hari libur bulan ini</translation>
        </message>
        <message>
            <source>{date} — office open: {reason}</source>
            <translation>{date} — kantor buka: {reason}</translation>
        </message>
        <message>
            <source>weekend</source>
            <translation>akhir pekan</translation>
        </message>
        <message>
            <source>working day</source>
            <translation>hari kerja</translation>
        </message>
        <message>
            <source>working day (holiday worked: {reason})</source>
            <translation>hari kerja (libur tetapi buka: {reason})</translation>
        </message>
        <message>
            <source>not a working day: {name}</source>
            <translation>bukan hari kerja: {name}</translation>
        </message>
        <message>
            <source>Due: {date}</source>
            <translation>Jatuh tempo: {date}</translation>
        </message>
        <message>
            <source>Saved: {date}.</source>
            <translation>Tersimpan: {date}.</translation>
        </message>
    </context>
    <context>
        <name>StandardEditor</name>
        <message>
            <source>e.g. 3, 7, 12, 16</source>
            <translation>mis. 3, 7, 12, 16</translation>
        </message>
        <message>
            <source>Annex number</source>
            <translation>Nomor lampiran</translation>
        </message>
        <message>
            <source>Product type</source>
            <translation>Jenis produk</translation>
        </message>
        <message>
            <source>Risk level</source>
            <translation>Tingkat risiko</translation>
        </message>
        <message>
            <source>KBLI</source>
            <translation>KBLI</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Judul</translation>
        </message>
        <message>
            <source>Queue group</source>
            <translation>Kelompok antrian</translation>
        </message>
        <message>
            <source>Completion (working days)</source>
            <translation>Penyelesaian (hari kerja)</translation>
        </message>
        <message>
            <source>Fee</source>
            <translation>Biaya/tarif</translation>
        </message>
        <message>
            <source>Product delivered</source>
            <translation>Produk layanan</translation>
        </message>
        <message>
            <source>Procedure classifications</source>
            <translation>Klasifikasi prosedur</translation>
        </message>
        <message>
            <source>Staff count</source>
            <translation>Jumlah pelaksana</translation>
        </message>
        <message>
            <source>General</source>
            <translation>Umum</translation>
        </message>
        <message>
            <source>General requirements (A. Persyaratan Umum)</source>
            <translation>Persyaratan umum (A. Persyaratan Umum)</translation>
        </message>
        <message>
            <source>Special requirements (B. Persyaratan Khusus)</source>
            <translation>Persyaratan khusus (B. Persyaratan Khusus)</translation>
        </message>
        <message>
            <source>Requirements</source>
            <translation>Persyaratan</translation>
        </message>
        <message>
            <source>Procedure (text)</source>
            <translation>Prosedur (teks)</translation>
        </message>
        <message>
            <source>Completion time (text)</source>
            <translation>Jangka waktu (teks)</translation>
        </message>
        <message>
            <source>Complaint handling</source>
            <translation>Penanganan pengaduan</translation>
        </message>
        <message>
            <source>Performance evaluation</source>
            <translation>Evaluasi kinerja</translation>
        </message>
        <message>
            <source>Texts</source>
            <translation>Teks</translation>
        </message>
        <message>
            <source>Legal basis</source>
            <translation>Dasar hukum</translation>
        </message>
        <message>
            <source>Facilities</source>
            <translation>Sarana dan prasarana</translation>
        </message>
        <message>
            <source>Staff competence</source>
            <translation>Kompetensi pelaksana</translation>
        </message>
        <message>
            <source>Internal supervision</source>
            <translation>Pengawasan internal</translation>
        </message>
        <message>
            <source>Service guarantees</source>
            <translation>Jaminan pelayanan</translation>
        </message>
        <message>
            <source>Security and safety</source>
            <translation>Keamanan dan keselamatan</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(tidak ada)</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>The title must not be empty.</source>
            <translation>Judul tidak boleh kosong.</translation>
        </message>
        <message>
            <source>The product type must not be empty.</source>
            <translation>Jenis produk tidak boleh kosong.</translation>
        </message>
        <message>
            <source>Procedure classifications are numbers separated by commas, e.g. 3, 7, 12.</source>
            <translation>Klasifikasi prosedur berupa angka dipisahkan koma, mis. 3, 7, 12.</translation>
        </message>
        <message>
            <source>Annex number {number} is already in the catalogue.</source>
            <translation>Nomor lampiran {number} sudah ada di katalog.</translation>
        </message>
        <message>
            <source>This PC no longer uses the office's queue server, where the tickets served twice are kept: nothing was marked.</source>
            <translation>PC ini tidak lagi memakai server antrian kantor, tempat tiket yang dilayani dua kali disimpan: tidak ada yang ditandai.</translation>
        </message>
    </context>
    <context>
        <name>ImportPreviewDialog</name>
        <message>
            <source>Import preview</source>
            <translation>Pratinjau impor</translation>
        </message>
        <message>
            <source>new</source>
            <translation>baru</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>berubah</translation>
        </message>
        <message>
            <source>unchanged</source>
            <translation>tidak berubah</translation>
        </message>
        <message>
            <source>{new} new, {changed} changed, {same} unchanged.</source>
            <translation>{new} baru, {changed} berubah, {same} tidak berubah.</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Layanan</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Hasil</translation>
        </message>
        <message>
            <source>Changed fields</source>
            <translation>Isian yang berubah</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Impor</translation>
        </message>
    </context>
    <context>
        <name>CatalogArea</name>
        <message>
            <source>Service catalogue</source>
            <translation>Katalog layanan</translation>
        </message>
        <message>
            <source>Search by service name or KBLI…</source>
            <translation>Cari nama layanan atau KBLI…</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Simpan</translation>
        </message>
        <message>
            <source>Undo changes</source>
            <translation>Batalkan perubahan</translation>
        </message>
        <message>
            <source>New service</source>
            <translation>Layanan baru</translation>
        </message>
        <message>
            <source>Remove service</source>
            <translation>Hapus layanan</translation>
        </message>
        <message>
            <source>Import annex file…</source>
            <translation>Impor berkas lampiran…</translation>
        </message>
        <message>
            <source>Loading the catalogue…</source>
            <translation>Memuat katalog…</translation>
        </message>
        <message numerus="yes">
            <source>%n service(s) in the catalogue</source>
            <translation>
                <numerusform>%n layanan dalam katalog</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n service(s) shown</source>
            <translation>
                <numerusform>%n layanan ditampilkan</numerusform>
            </translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Perubahan belum disimpan</translation>
        </message>
        <message>
            <source>The changes to {name} are not saved. Discard them?</source>
            <translation>Perubahan pada {name} belum disimpan. Buang perubahan?</translation>
        </message>
        <message>
            <source>Saved: {name}.</source>
            <translation>Tersimpan: {name}.</translation>
        </message>
        <message>
            <source>Nothing changed.</source>
            <translation>Tidak ada yang berubah.</translation>
        </message>
        <message>
            <source>Remove {number}. {name} from the catalogue?</source>
            <translation>Hapus {number}. {name} dari katalog?</translation>
        </message>
        <message>
            <source>Import annex file</source>
            <translation>Impor berkas lampiran</translation>
        </message>
        <message>
            <source>Annex text or export (*.txt *.yaml *.yml *.json);;All files (*)</source>
            <translation>Teks lampiran atau ekspor (*.txt *.yaml *.yml *.json);;Semua berkas (*)</translation>
        </message>
        <message>
            <source>Import cancelled; nothing was changed.</source>
            <translation>Impor dibatalkan; tidak ada yang diubah.</translation>
        </message>
        <message numerus="yes">
            <source>%n service(s) imported.</source>
            <translation>
                <numerusform>%n layanan diimpor.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CounterHome</name>
        <message>
            <source>Counter</source>
            <translation>Loket</translation>
        </message>
    </context>
    <context>
        <name>SupervisorOverview</name>
        <message>
            <source>Overview</source>
            <translation>Ikhtisar</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Muat ulang</translation>
        </message>
        <message>
            <source>Services in the catalogue</source>
            <translation>Layanan dalam katalog</translation>
        </message>
        <message>
            <source>Active staff accounts</source>
            <translation>Akun petugas aktif</translation>
        </message>
        <message>
            <source>Next days the office is closed</source>
            <translation>Hari libur kantor berikutnya</translation>
        </message>
        <message>
            <source>None in the coming months.</source>
            <translation>Tidak ada dalam beberapa bulan ke depan.</translation>
        </message>
        <message>
            <source>Audit trail intact ({count} entries).</source>
            <translation>Jejak audit utuh ({count} catatan).</translation>
        </message>
        <message>
            <source>The audit trail is broken — ask the administrator to check it.</source>
            <translation>Jejak audit terputus — minta administrator memeriksanya.</translation>
        </message>
        <message numerus="yes">
            <source>Evaluasi Kinerja: %n standard(s) not evaluated in the last 12 months; record the evaluation under Standards upkeep.</source>
            <translation>
                <numerusform>Evaluasi Kinerja: %n standar belum dievaluasi dalam 12 bulan terakhir; catat evaluasinya di Pemeliharaan standar.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SettingsArea</name>
        <message>
            <source>Settings</source>
            <translation>Pengaturan</translation>
        </message>
        <message>
            <source>Office (all PCs)</source>
            <translation>Kantor (semua PC)</translation>
        </message>
        <message>
            <source>This PC</source>
            <translation>PC ini</translation>
        </message>
        <message>
            <source>Save settings</source>
            <translation>Simpan pengaturan</translation>
        </message>
        <message>
            <source>Undo changes</source>
            <translation>Batalkan perubahan</translation>
        </message>
        <message>
            <source>Nothing changed.</source>
            <translation>Tidak ada yang berubah.</translation>
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>Pengaturan tersimpan.</translation>
        </message>
        <message>
            <source>Settings saved. The language changes the next time MPP Desk starts.</source>
            <translation>Pengaturan tersimpan. Bahasa berubah saat MPP Desk dibuka berikutnya.</translation>
        </message>
    </context>
    <context>
        <name>NewUserPanel</name>
        <message>
            <source>New staff account</source>
            <translation>Akun petugas baru</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Nama pengguna</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Nama lengkap</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Peran</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Kata sandi</translation>
        </message>
        <message>
            <source>Repeat password</source>
            <translation>Ulangi kata sandi</translation>
        </message>
        <message>
            <source>The two passwords are not the same.</source>
            <translation>Kedua kata sandi tidak sama.</translation>
        </message>
    </context>
    <context>
        <name>ResetPasswordPanel</name>
        <message>
            <source>Reset the password of {user}</source>
            <translation>Atur ulang kata sandi {user}</translation>
        </message>
        <message>
            <source>They will have to choose a new password when they sign in.</source>
            <translation>Pengguna harus memilih kata sandi baru saat masuk.</translation>
        </message>
        <message>
            <source>New password</source>
            <translation>Kata sandi baru</translation>
        </message>
        <message>
            <source>Repeat password</source>
            <translation>Ulangi kata sandi</translation>
        </message>
        <message>
            <source>The two passwords are not the same.</source>
            <translation>Kedua kata sandi tidak sama.</translation>
        </message>
    </context>
    <context>
        <name>UsersArea</name>
        <message>
            <source>Staff accounts</source>
            <translation>Akun petugas</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Nama pengguna</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Nama lengkap</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Peran</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Last sign-in</source>
            <translation>Terakhir masuk</translation>
        </message>
        <message>
            <source>Add account</source>
            <translation>Tambah akun</translation>
        </message>
        <message>
            <source>Disable / enable</source>
            <translation>Nonaktifkan / aktifkan</translation>
        </message>
        <message>
            <source>Reset password</source>
            <translation>Atur ulang kata sandi</translation>
        </message>
        <message>
            <source>Set PIN</source>
            <translation>Atur PIN</translation>
        </message>
        <message>
            <source>disabled</source>
            <translation>nonaktif</translation>
        </message>
        <message>
            <source>locked (too many wrong passwords)</source>
            <translation>terkunci (terlalu sering salah sandi)</translation>
        </message>
        <message>
            <source>must change password</source>
            <translation>wajib ganti kata sandi</translation>
        </message>
        <message>
            <source>active</source>
            <translation>aktif</translation>
        </message>
        <message>
            <source>New staff account</source>
            <translation>Akun petugas baru</translation>
        </message>
        <message>
            <source>Account {user} created.</source>
            <translation>Akun {user} dibuat.</translation>
        </message>
        <message>
            <source>Account {user} enabled.</source>
            <translation>Akun {user} diaktifkan.</translation>
        </message>
        <message>
            <source>Account {user} disabled.</source>
            <translation>Akun {user} dinonaktifkan.</translation>
        </message>
        <message>
            <source>Password of {user} reset.</source>
            <translation>Kata sandi {user} diatur ulang.</translation>
        </message>
        <message>
            <source>PIN of {user} saved.</source>
            <translation>PIN {user} tersimpan.</translation>
        </message>
        <message>
            <source>PIN for leaving the kiosk/display (6–12 digits; empty removes it):</source>
            <translation>PIN untuk keluar dari kiosk/layar antrian (6–12 angka; kosongkan untuk menghapus):</translation>
        </message>
    </context>
    <context>
        <name>FirstRunPanel</name>
        <message>
            <source>Welcome to MPP Desk</source>
            <translation>Selamat datang di MPP Desk</translation>
        </message>
        <message>
            <source>This PC has no administrator yet. Enter the office's name and create the first administrator account. There is no default password.</source>
            <translation>PC ini belum memiliki administrator. Isi nama kantor dan buat akun administrator pertama. Tidak ada kata sandi bawaan.</translation>
        </message>
        <message>
            <source>Office name</source>
            <translation>Nama kantor</translation>
        </message>
        <message>
            <source>Office address</source>
            <translation>Alamat kantor</translation>
        </message>
        <message>
            <source>Administrator user name</source>
            <translation>Nama pengguna administrator</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Nama lengkap</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Kata sandi</translation>
        </message>
        <message>
            <source>Repeat password</source>
            <translation>Ulangi kata sandi</translation>
        </message>
        <message>
            <source>Administrator PIN (kiosk/display)</source>
            <translation>PIN administrator (kiosk/layar)</translation>
        </message>
        <message>
            <source>optional, 6–12 digits</source>
            <translation>opsional, 6–12 angka</translation>
        </message>
        <message>
            <source>The two passwords are not the same.</source>
            <translation>Kedua kata sandi tidak sama.</translation>
        </message>
    </context>
    <context>
        <name>SignInPanel</name>
        <message>
            <source>Screen locked</source>
            <translation>Layar terkunci</translation>
        </message>
        <message>
            <source>Enter your password to continue, or cancel to sign out.</source>
            <translation>Masukkan kata sandi untuk melanjutkan, atau batal untuk keluar.</translation>
        </message>
        <message>
            <source>MPP Desk</source>
            <translation>MPP Desk</translation>
        </message>
        <message>
            <source>Sign in with your own account.</source>
            <translation>Masuk dengan akun Anda sendiri.</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Nama pengguna</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Kata sandi</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Masuk</translation>
        </message>
    </context>
    <context>
        <name>ChangePasswordPanel</name>
        <message>
            <source>Change password</source>
            <translation>Ganti kata sandi</translation>
        </message>
        <message>
            <source>Your password was reset. Choose a new one to continue.</source>
            <translation>Kata sandi Anda telah diatur ulang. Pilih kata sandi baru untuk melanjutkan.</translation>
        </message>
        <message>
            <source>At least 8 characters, not your user name.</source>
            <translation>Minimal 8 karakter, bukan nama pengguna Anda.</translation>
        </message>
        <message>
            <source>Current password</source>
            <translation>Kata sandi sekarang</translation>
        </message>
        <message>
            <source>New password</source>
            <translation>Kata sandi baru</translation>
        </message>
        <message>
            <source>Repeat new password</source>
            <translation>Ulangi kata sandi baru</translation>
        </message>
        <message>
            <source>The two passwords are not the same.</source>
            <translation>Kedua kata sandi tidak sama.</translation>
        </message>
        <message>
            <source>Welcome: set your own password</source>
            <translation>Selamat datang: buat kata sandi Anda sendiri</translation>
        </message>
        <message>
            <source>This is the first sign-in to this account. Type the password you were given, then choose your own: at least 8 characters, not your user name.</source>
            <translation>Ini masuk pertama kali ke akun ini. Ketik kata sandi yang Anda terima, lalu pilih kata sandi Anda sendiri: paling sedikit 8 karakter, bukan nama pengguna Anda.</translation>
        </message>
    </context>
    <context>
        <name>CatalogDetail</name>
        <message>
            <source>None</source>
            <translation>Tidak ada</translation>
        </message>
        <message numerus="yes">
            <source>%n working day(s)</source>
            <translation>
                <numerusform>%n hari kerja</numerusform>
            </translation>
        </message>
        <message>
            <source>Risk</source>
            <translation>Risiko</translation>
        </message>
        <message>
            <source>General requirements</source>
            <translation>Persyaratan umum</translation>
        </message>
        <message>
            <source>Special requirements</source>
            <translation>Persyaratan khusus</translation>
        </message>
        <message>
            <source>Completion time</source>
            <translation>Jangka waktu penyelesaian</translation>
        </message>
        <message>
            <source>Fee</source>
            <translation>Biaya/tarif</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produk layanan</translation>
        </message>
        <message>
            <source>Procedure classifications</source>
            <translation>Klasifikasi prosedur</translation>
        </message>
        <message>
            <source>Legal basis</source>
            <translation>Dasar hukum</translation>
        </message>
    </context>
    <context>
        <name>TextListEditor</name>
        <message>
            <source>Add</source>
            <translation>Tambah</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <source>Up</source>
            <translation>Naik</translation>
        </message>
        <message>
            <source>Down</source>
            <translation>Turun</translation>
        </message>
        <message>
            <source>Add an item (Insert)</source>
            <translation>Tambah butir (Insert)</translation>
        </message>
        <message>
            <source>Remove the selected item (Delete)</source>
            <translation>Hapus butir terpilih (Delete)</translation>
        </message>
        <message>
            <source>Move up (Alt+Up)</source>
            <translation>Naikkan (Alt+Atas)</translation>
        </message>
        <message>
            <source>Move down (Alt+Down)</source>
            <translation>Turunkan (Alt+Bawah)</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>MPP Desk</source>
            <translation>MPP Desk</translation>
        </message>
        <message>
            <source>Opening the database…</source>
            <translation>Membuka basis data…</translation>
        </message>
        <message>
            <source>MPP Desk — {office}</source>
            <translation>MPP Desk — {office}</translation>
        </message>
    </context>
    <context>
        <name>RoleShell</name>
        <message>
            <source>{user} · {role}</source>
            <translation>{user} · {role}</translation>
        </message>
        <message>
            <source>Change password</source>
            <translation>Ganti kata sandi</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>Kunci</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>Keluar</translation>
        </message>
    </context>
    <context>
        <name>QueuePanel</name>
        <message>
            <source>Queue</source>
            <translation>Antrian</translation>
        </message>
        <message>
            <source>On hold at this counter</source>
            <translation>Ditunda di loket ini</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Nomor</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Kelompok</translation>
        </message>
        <message>
            <source>Since</source>
            <translation>Sejak</translation>
        </message>
        <message>
            <source>Queue — counter {number}</source>
            <translation>Antrian — loket {number}</translation>
        </message>
        <message>
            <source>Queue — counter {number} ({name}), calls from {groups}</source>
            <translation>Antrian — loket {number} ({name}), memanggil kelompok {groups}</translation>
        </message>
        <message numerus="yes">
            <source>On hold at this counter (%n)</source>
            <translation>
                <numerusform>Ditunda di loket ini (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Nobody is waiting in this counter's lines.</source>
            <translation>Tidak ada yang menunggu di antrian loket ini.</translation>
        </message>
        <message>
            <source>{code} called to counter {number}.</source>
            <translation>{code} dipanggil ke loket {number}.</translation>
        </message>
        <message>
            <source>{code} called again.</source>
            <translation>{code} dipanggil ulang.</translation>
        </message>
        <message>
            <source>Serving {code}.</source>
            <translation>Melayani {code}.</translation>
        </message>
        <message>
            <source>{code} finished.</source>
            <translation>{code} selesai.</translation>
        </message>
        <message>
            <source>{code} marked absent.</source>
            <translation>{code} ditandai tidak hadir.</translation>
        </message>
        <message>
            <source>{code} transferred.</source>
            <translation>{code} dialihkan.</translation>
        </message>
        <message>
            <source>{code} put on hold.</source>
            <translation>{code} ditunda.</translation>
        </message>
        <message>
            <source>Serving {code} again.</source>
            <translation>Melayani {code} kembali.</translation>
        </message>
        <message>
            <source>There is no other group or counter to transfer to.</source>
            <translation>Tidak ada kelompok atau loket lain untuk pengalihan.</translation>
        </message>
        <message>
            <source>{code} printed ({where}).</source>
            <translation>{code} tercetak ({where}).</translation>
        </message>
        <message>
            <source>{code} was not printed: {reason}</source>
            <translation>{code} tidak tercetak: {reason}</translation>
        </message>
        <message>
            <source>Call next</source>
            <translation>Panggil berikutnya</translation>
        </message>
        <message>
            <source>Recall</source>
            <translation>Panggil ulang</translation>
        </message>
        <message>
            <source>Start service</source>
            <translation>Mulai layani</translation>
        </message>
        <message>
            <source>Finish…</source>
            <translation>Selesai…</translation>
        </message>
        <message>
            <source>Absent</source>
            <translation>Tidak hadir</translation>
        </message>
        <message>
            <source>Transfer…</source>
            <translation>Alihkan…</translation>
        </message>
        <message>
            <source>Hold</source>
            <translation>Tunda</translation>
        </message>
        <message>
            <source>Resume held</source>
            <translation>Lanjutkan yang ditunda</translation>
        </message>
        <message>
            <source>{problem} Ask the administrator to add counter {number} in the queue set-up, or change this PC's counter number in the settings.</source>
            <translation>{problem} Minta administrator menambahkan loket {number} di Pengaturan antrian, atau ubah nomor loket PC ini di Pengaturan.</translation>
        </message>
        <message>
            <source>Queue — counter {number}, calls from {groups}</source>
            <translation>Antrian — loket {number}, memanggil kelompok {groups}</translation>
        </message>
        <message>
            <source>Connected to the queue server again.</source>
            <translation>Tersambung kembali ke server antrian.</translation>
        </message>
        <message>
            <source>Not connected to the queue server since {time}: calling may fail; the number now at this counter can still be served.</source>
            <translation>Tidak tersambung ke server antrian sejak {time}: memanggil nomor mungkin gagal; nomor yang sedang di loket ini tetap dapat dilayani.</translation>
        </message>
        <message>
            <source>The work done without the server was sent: {applied} taken, {refused} refused.</source>
            <translation>Pekerjaan selama tanpa server telah dikirim: {applied} diterima, {refused} ditolak.</translation>
        </message>
        <message>
            <source>Served twice, shown to the supervisor: {codes}.</source>
            <translation>Dilayani dua kali, tampil bagi pengawas: {codes}.</translation>
        </message>
        <message numerus="yes">
            <source>Without the server: %n action(s) will be sent when it is back.</source>
            <translation>
                <numerusform>Tanpa server: %n tindakan akan dikirim setelah server tersambung kembali.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>QueueSetupArea</name>
        <message>
            <source>Queue set-up</source>
            <translation>Pengaturan antrian</translation>
        </message>
        <message>
            <source>Queue groups</source>
            <translation>Kelompok antrian</translation>
        </message>
        <message>
            <source>Counters</source>
            <translation>Loket</translation>
        </message>
        <message>
            <source>Breaks and display board</source>
            <translation>Jeda dan papan antrian</translation>
        </message>
        <message>
            <source>Prefix</source>
            <translation>Awalan</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>Jam</translation>
        </message>
        <message>
            <source>Daily limit</source>
            <translation>Kuota harian</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Buka</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>ya</translation>
        </message>
        <message>
            <source>no</source>
            <translation>tidak</translation>
        </message>
        <message>
            <source>Services</source>
            <translation>Layanan</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Kelompok</translation>
        </message>
        <message>
            <source>one to three letters, e.g. C</source>
            <translation>satu sampai tiga huruf, mis. C</translation>
        </message>
        <message>
            <source>no limit</source>
            <translation>tanpa batas</translation>
        </message>
        <message>
            <source>The kiosk issues numbers for this group</source>
            <translation>Kios memberikan nomor untuk kelompok ini</translation>
        </message>
        <message>
            <source>Opens at</source>
            <translation>Buka pukul</translation>
        </message>
        <message>
            <source>Closes at</source>
            <translation>Tutup pukul</translation>
        </message>
        <message>
            <source>Numbers per day</source>
            <translation>Nomor per hari</translation>
        </message>
        <message>
            <source>New group</source>
            <translation>Kelompok baru</translation>
        </message>
        <message>
            <source>Save group</source>
            <translation>Simpan kelompok</translation>
        </message>
        <message>
            <source>Catalogue services queued in this group:</source>
            <translation>Layanan katalog yang antre di kelompok ini:</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Nomor</translation>
        </message>
        <message>
            <source>Groups</source>
            <translation>Kelompok</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Aktif</translation>
        </message>
        <message>
            <source>Counter</source>
            <translation>Loket</translation>
        </message>
        <message>
            <source>In use</source>
            <translation>Dipakai</translation>
        </message>
        <message>
            <source>Number (said aloud)</source>
            <translation>Nomor (yang diucapkan)</translation>
        </message>
        <message>
            <source>Calls from</source>
            <translation>Memanggil dari</translation>
        </message>
        <message>
            <source>New counter</source>
            <translation>Loket baru</translation>
        </message>
        <message>
            <source>Save counter</source>
            <translation>Simpan loket</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>Hari</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Mulai</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>Sampai</translation>
        </message>
        <message>
            <source>Weekly breaks: no tickets are issued</source>
            <translation>Jeda mingguan: tidak ada pengambilan nomor</translation>
        </message>
        <message>
            <source>New break</source>
            <translation>Jeda baru</translation>
        </message>
        <message>
            <source>Save break</source>
            <translation>Simpan jeda</translation>
        </message>
        <message>
            <source>Remove break</source>
            <translation>Hapus jeda</translation>
        </message>
        <message>
            <source>Non-working days in the calendar close the kiosk too.</source>
            <translation>Hari libur di kalender juga menutup kios.</translation>
        </message>
        <message>
            <source>Display board</source>
            <translation>Papan antrian</translation>
        </message>
        <message>
            <source>e.g. Services are free of charge. Opening hours Monday–Friday 08.00–15.00.</source>
            <translation>mis. Layanan tidak dipungut biaya. Jam layanan Senin–Jumat 08.00–15.00.</translation>
        </message>
        <message>
            <source>Running text</source>
            <translation>Teks berjalan</translation>
        </message>
        <message>
            <source>Save running text</source>
            <translation>Simpan teks berjalan</translation>
        </message>
        <message>
            <source>Not saved: see the message beside the field.</source>
            <translation>Belum tersimpan: lihat pesan di samping isian.</translation>
        </message>
        <message>
            <source> — now in group {code}</source>
            <translation> — sekarang di kelompok {code}</translation>
        </message>
        <message>
            <source>Group {code} saved.</source>
            <translation>Kelompok {code} tersimpan.</translation>
        </message>
        <message>
            <source>Counter {number} saved.</source>
            <translation>Loket {number} tersimpan.</translation>
        </message>
        <message>
            <source>Break saved.</source>
            <translation>Jeda tersimpan.</translation>
        </message>
        <message>
            <source>Break removed.</source>
            <translation>Jeda dihapus.</translation>
        </message>
        <message>
            <source>Running text saved; the board shows it within half a minute.</source>
            <translation>Teks berjalan tersimpan; papan antrian menampilkannya dalam setengah menit.</translation>
        </message>
    </context>
    <context>
        <name>QueueStatsArea</name>
        <message>
            <source>{value} min</source>
            <translation>{value} mnt</translation>
        </message>
        <message>
            <source>Queue statistics</source>
            <translation>Statistik antrian</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Tampilkan</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>Hari</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>Diambil</translation>
        </message>
        <message>
            <source>Served</source>
            <translation>Dilayani</translation>
        </message>
        <message>
            <source>Absent</source>
            <translation>Tidak hadir</translation>
        </message>
        <message>
            <source>Waiting, average</source>
            <translation>Menunggu, rata-rata</translation>
        </message>
        <message>
            <source>Waiting, 90 % within</source>
            <translation>Menunggu, 90 % dalam</translation>
        </message>
        <message>
            <source>Service, average</source>
            <translation>Layanan, rata-rata</translation>
        </message>
        <message>
            <source>Service, 90 % within</source>
            <translation>Layanan, 90 % dalam</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Dibatalkan</translation>
        </message>
        <message>
            <source>Waiting avg</source>
            <translation>Tunggu rata-rata</translation>
        </message>
        <message>
            <source>Waiting p90</source>
            <translation>Tunggu p90</translation>
        </message>
        <message>
            <source>Service avg</source>
            <translation>Layanan rata-rata</translation>
        </message>
        <message>
            <source>Service p90</source>
            <translation>Layanan p90</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Kelompok</translation>
        </message>
        <message>
            <source>Counter</source>
            <translation>Loket</translation>
        </message>
        <message>
            <source>Per queue group</source>
            <translation>Per kelompok antrian</translation>
        </message>
        <message>
            <source>Per counter</source>
            <translation>Per loket</translation>
        </message>
        <message>
            <source>Tickets issued per hour</source>
            <translation>Nomor diambil per jam</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Memuat…</translation>
        </message>
        <message>
            <source>No queue tickets on this day.</source>
            <translation>Tidak ada nomor antrian pada hari ini.</translation>
        </message>
        <message>
            <source>Served twice</source>
            <translation>Dilayani dua kali</translation>
        </message>
        <message numerus="yes">
            <source>Served twice (%n)</source>
            <translation>
                <numerusform>Dilayani dua kali (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Waiting median</source>
            <translation>Median tunggu</translation>
        </message>
        <message>
            <source>{day}: the whole building, from the queue server</source>
            <translation>{day}: seluruh gedung, dari server antrian</translation>
        </message>
        <message>
            <source>Kiosk (walk-in)</source>
            <translation>Kios (datang langsung)</translation>
        </message>
        <message>
            <source>Booked visit</source>
            <translation>Booking kunjungan</translation>
        </message>
        <message>
            <source>Kiosk, server away</source>
            <translation>Kios, server terputus</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Saluran</translation>
        </message>
        <message>
            <source>Per channel</source>
            <translation>Per saluran</translation>
        </message>
    </context>
    <context>
        <name>DisplayWindow</name>
        <message>
            <source>Queue display board</source>
            <translation>Papan antrian</translation>
        </message>
        <message>
            <source>Queue number</source>
            <translation>Nomor antrian</translation>
        </message>
        <message>
            <source>Counter</source>
            <translation>Loket</translation>
        </message>
        <message>
            <source>Please listen for your number.</source>
            <translation>Perhatikan panggilan nomor Anda.</translation>
        </message>
        <message>
            <source>Now at the counters</source>
            <translation>Sekarang di loket</translation>
        </message>
        <message>
            <source>No number is being served yet.</source>
            <translation>Belum ada nomor yang dilayani.</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Menunggu</translation>
        </message>
        <message>
            <source>Counter {number}</source>
            <translation>Loket {number}</translation>
        </message>
        <message>
            <source>RECALL</source>
            <translation>PANGGILAN ULANG</translation>
        </message>
        <message>
            <source>Earlier calls</source>
            <translation>Panggilan sebelumnya</translation>
        </message>
        <message>
            <source>Announcement voice: {engine}.</source>
            <translation>Suara pengumuman: {engine}.</translation>
        </message>
        <message>
            <source>Announcement voice: {engine}. This PC has no sound output: the hall hears nothing.</source>
            <translation>Suara pengumuman: {engine}. PC ini tidak punya keluaran suara: pengunjung di ruang tunggu tidak mendengar panggilan.</translation>
        </message>
        <message>
            <source>{name} ({number})</source>
            <translation>{name} ({number})</translation>
        </message>
        <message>
            <source>Not connected to the queue server since {time}: the calls shown may not be the latest.</source>
            <translation>Tidak tersambung ke server antrian sejak {time}: panggilan yang tampil mungkin bukan yang terbaru.</translation>
        </message>
        <message>
            <source>Speaker zone {zone}: the server does not let this PC speak (enrol it as a display board).</source>
            <translation>Zona pengeras suara {zone}: server tidak mengizinkan PC ini bersuara (daftarkan sebagai papan antrian).</translation>
        </message>
        <message>
            <source>Speaker zone {zone}: the server is away; this board keeps speaking.</source>
            <translation>Zona pengeras suara {zone}: server tidak terjangkau; papan ini tetap bersuara.</translation>
        </message>
        <message>
            <source>Speaker zone {zone}: the server is away; this board stays silent.</source>
            <translation>Zona pengeras suara {zone}: server tidak terjangkau; papan ini tetap diam.</translation>
        </message>
        <message>
            <source>Speaker zone {zone}: this board speaks the calls.</source>
            <translation>Zona pengeras suara {zone}: papan ini menyuarakan panggilan.</translation>
        </message>
        <message>
            <source>Speaker zone {zone}: silent; board {holder} speaks the calls.</source>
            <translation>Zona pengeras suara {zone}: diam; papan {holder} yang menyuarakan panggilan.</translation>
        </message>
    </context>
    <context>
        <name>KioskWindow</name>
        <message numerus="yes">
            <source>%n people waiting</source>
            <translation>
                <numerusform>%n orang menunggu</numerusform>
            </translation>
        </message>
        <message>
            <source>Queue tickets</source>
            <translation>Nomor antrian</translation>
        </message>
        <message>
            <source>Take a queue number</source>
            <translation>Ambil nomor antrian</translation>
        </message>
        <message>
            <source>Touch the service you came for</source>
            <translation>Sentuh layanan yang Anda tuju</translation>
        </message>
        <message>
            <source>Cancel priority</source>
            <translation>Batalkan prioritas</translation>
        </message>
        <message>
            <source>Priority: elderly, people with disabilities, pregnant women, nursing mothers</source>
            <translation>Prioritas: lansia, penyandang disabilitas, ibu hamil, ibu menyusui</translation>
        </message>
        <message>
            <source>Priority queue</source>
            <translation>Antrian prioritas</translation>
        </message>
        <message>
            <source>Priority visitors are called before the normal line. Choose one:</source>
            <translation>Pengunjung prioritas dipanggil lebih dahulu. Pilih salah satu:</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Kembali</translation>
        </message>
        <message>
            <source>Your number is being printed…</source>
            <translation>Nomor Anda sedang dicetak…</translation>
        </message>
        <message>
            <source>Your queue number</source>
            <translation>Nomor antrian Anda</translation>
        </message>
        <message>
            <source>This screen returns to the start by itself.</source>
            <translation>Layar ini kembali ke awal dengan sendirinya.</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Selesai</translation>
        </message>
        <message>
            <source>No queue numbers are issued now.</source>
            <translation>Saat ini tidak ada pengambilan nomor antrian.</translation>
        </message>
        <message>
            <source>Priority queue: {reason}. Now touch the service.</source>
            <translation>Antrian prioritas: {reason}. Sekarang sentuh layanan yang dituju.</translation>
        </message>
        <message>
            <source>{name} is closed</source>
            <translation>{name} sedang tutup</translation>
        </message>
        <message>
            <source>Priority: {reason}</source>
            <translation>Prioritas: {reason}</translation>
        </message>
        <message>
            <source>You are next.</source>
            <translation>Anda berikutnya.</translation>
        </message>
        <message numerus="yes">
            <source>%n people ahead of you</source>
            <translation>
                <numerusform>%n orang di depan Anda</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Estimated wait: about %n minute(s)</source>
            <translation>
                <numerusform>Perkiraan waktu tunggu: sekitar %n menit</numerusform>
            </translation>
        </message>
        <message>
            <source>Please take your ticket below the screen.</source>
            <translation>Silakan ambil tiket Anda di bawah layar.</translation>
        </message>
        <message>
            <source>No number was issued</source>
            <translation>Nomor tidak dapat diberikan</translation>
        </message>
        <message>
            <source>Your number stays on screen until you touch Done.</source>
            <translation>Nomor Anda tetap di layar sampai Anda menyentuh Selesai.</translation>
        </message>
        <message>
            <source>Queue server: connected.</source>
            <translation>Server antrian: tersambung.</translation>
        </message>
        <message>
            <source>Queue server away since {time}: numbers come from this kiosk's blocks.</source>
            <translation>Server antrian tidak tersambung sejak {time}: nomor diambil dari cadangan nomor kios ini.</translation>
        </message>
        <message>
            <source>Tickets issued offline, not sent yet: {count}</source>
            <translation>Tiket yang diterbitkan saat server tidak tersambung, belum terkirim: {count}</translation>
        </message>
        <message>
            <source>Numbers left in the blocks: {left}</source>
            <translation>Sisa nomor cadangan: {left}</translation>
        </message>
        <message>
            <source>Refused by the server: {count} (see the log)</source>
            <translation>Ditolak oleh server: {count} (lihat log)</translation>
        </message>
    </context>
    <context>
        <name>PinPad</name>
        <message>
            <source>Administrator PIN</source>
            <translation>PIN administrator</translation>
        </message>
        <message>
            <source>Only an administrator can leave this screen.</source>
            <translation>Hanya administrator yang dapat keluar dari layar ini.</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Batal</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Memeriksa…</translation>
        </message>
        <message>
            <source>Wrong PIN.</source>
            <translation>PIN salah.</translation>
        </message>
    </context>
    <context>
        <name>MachineWindow</name>
        <message>
            <source>MPP Desk</source>
            <translation>MPP Desk</translation>
        </message>
        <message>
            <source>Please wait…</source>
            <translation>Mohon tunggu…</translation>
        </message>
    </context>
    <context>
        <name>CapturePanel</name>
        <message>
            <source>The reporter does not give their identity</source>
            <translation>Pelapor tidak menyebutkan identitasnya</translation>
        </message>
        <message>
            <source>optional, 16 digits</source>
            <translation>tidak wajib, 16 digit</translation>
        </message>
        <message>
            <source>the service, in words</source>
            <translation>layanannya, dengan kata-kata</translation>
        </message>
        <message>
            <source>What is complained about or suggested: the object and substance</source>
            <translation>Apa yang diadukan atau disarankan: objek dan materinya</translation>
        </message>
        <message>
            <source>SP4N-LAPOR! tracking ID</source>
            <translation>Nomor pelacakan SP4N-LAPOR!</translation>
        </message>
        <message>
            <source>— decide —</source>
            <translation>— putuskan —</translation>
        </message>
        <message>
            <source>why (recorded with the decision)</source>
            <translation>alasannya (dicatat bersama keputusan)</translation>
        </message>
        <message>
            <source>Add files…</source>
            <translation>Tambah berkas…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Kanal</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Diterima</translation>
        </message>
        <message>
            <source>Anonymous</source>
            <translation>Anonim</translation>
        </message>
        <message>
            <source>Reporter's name</source>
            <translation>Nama pelapor</translation>
        </message>
        <message>
            <source>NIK</source>
            <translation>NIK</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telepon</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Alamat</translation>
        </message>
        <message>
            <source>Service concerned</source>
            <translation>Layanan yang diadukan</translation>
        </message>
        <message>
            <source>Service received on</source>
            <translation>Tanggal menerima layanan</translation>
        </message>
        <message>
            <source>Object / substance</source>
            <translation>Objek / materi</translation>
        </message>
        <message>
            <source>SP4N-LAPOR!</source>
            <translation>SP4N-LAPOR!</translation>
        </message>
        <message>
            <source>Late complaint</source>
            <translation>Pengaduan terlambat</translation>
        </message>
        <message>
            <source>Attachments</source>
            <translation>Lampiran</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Memuat…</translation>
        </message>
        <message>
            <source>— not stated</source>
            <translation>— tidak disebutkan</translation>
        </message>
        <message>
            <source>Other (write it)</source>
            <translation>Lainnya (tuliskan)</translation>
        </message>
        <message>
            <source>The draft kept at {time} was restored.</source>
            <translation>Draf yang tersimpan pukul {time} dipulihkan.</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Menyimpan…</translation>
        </message>
        <message>
            <source>Not saved: see the message beside the field. Nothing typed is lost.</source>
            <translation>Belum disimpan: lihat pesan di samping isian. Tidak ada yang hilang dari yang sudah diketik.</translation>
        </message>
        <message>
            <source>Attach scans or photos</source>
            <translation>Lampirkan pindaian atau foto</translation>
        </message>
        <message>
            <source>Scans and photos (*.pdf *.jpg *.jpeg *.png)</source>
            <translation>Pindaian dan foto (*.pdf *.jpg *.jpeg *.png)</translation>
        </message>
        <message>
            <source>dd-mm-yyyy, empty if not known</source>
            <translation>hh-bb-tttt, kosongkan jika tidak tahu</translation>
        </message>
        <message>
            <source>Not a date: type it as dd-mm-yyyy, for example {example}.</source>
            <translation>Bukan tanggal: ketik sebagai hh-bb-tttt, misalnya {example}.</translation>
        </message>
    </context>
    <context>
        <name>ComplaintsArea</name>
        <message>
            <source>Answered {date}</source>
            <translation>Ditanggapi {date}</translation>
        </message>
        <message numerus="yes">
            <source>Overdue %n working day(s)</source>
            <translation>
                <numerusform>Terlambat %n hari kerja</numerusform>
            </translation>
        </message>
        <message>
            <source>Due today</source>
            <translation>Jatuh tempo hari ini</translation>
        </message>
        <message numerus="yes">
            <source>%n working day(s) left</source>
            <translation>
                <numerusform>%n hari kerja lagi</numerusform>
            </translation>
        </message>
        <message>
            <source>Anonymous</source>
            <translation>Anonim</translation>
        </message>
        <message>
            <source>Complaints, suggestions and feedback</source>
            <translation>Pengaduan, saran dan masukan</translation>
        </message>
        <message>
            <source>New case</source>
            <translation>Catat baru</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>Daftar kasus</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Nomor</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Jenis</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Diterima</translation>
        </message>
        <message>
            <source>Respond by</source>
            <translation>Batas tanggapan</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Keadaan</translation>
        </message>
        <message>
            <source>Reporter</source>
            <translation>Pelapor</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Layanan</translation>
        </message>
        <message>
            <source>Officer</source>
            <translation>Petugas</translation>
        </message>
    </context>
    <context>
        <name>ReceiptDialog</name>
        <message>
            <source>Receipt {number}</source>
            <translation>Tanda terima {number}</translation>
        </message>
        <message>
            <source>A4</source>
            <translation>A4</translation>
        </message>
        <message>
            <source>80 mm roll</source>
            <translation>Kertas gulung 80 mm</translation>
        </message>
        <message>
            <source>This print is a copy (SALINAN).</source>
            <translation>Cetakan ini adalah SALINAN.</translation>
        </message>
        <message>
            <source>First print of this receipt.</source>
            <translation>Cetakan pertama tanda terima ini.</translation>
        </message>
        <message>
            <source>Kept as {path}</source>
            <translation>Disimpan sebagai {path}</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>Cetak…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>Sent to {printer}.</source>
            <translation>Dikirim ke {printer}.</translation>
        </message>
        <message>
            <source>Sent to the printer.</source>
            <translation>Dikirim ke printer.</translation>
        </message>
        <message>
            <source>{problem} The case is saved and the PDF copy is kept: fix the printer and print again.</source>
            <translation>{problem} Pengaduan tetap tercatat dan arsip PDF disimpan: perbaiki printer lalu cetak lagi.</translation>
        </message>
        <message>
            <source>The printer could not be started.</source>
            <translation>Printer tidak dapat dimulai.</translation>
        </message>
    </context>
    <context>
        <name>CaseDetailPanel</name>
        <message>
            <source>Choose a case in the list.</source>
            <translation>Pilih kasus di daftar.</translation>
        </message>
        <message>
            <source>Classify</source>
            <translation>Kelompokkan</translation>
        </message>
        <message>
            <source>Analyse</source>
            <translation>Telaah</translation>
        </message>
        <message>
            <source>Assign</source>
            <translation>Tugaskan</translation>
        </message>
        <message>
            <source>Follow-up step</source>
            <translation>Langkah tindak lanjut</translation>
        </message>
        <message>
            <source>Approve APIP</source>
            <translation>Setujui APIP</translation>
        </message>
        <message>
            <source>Report to superior</source>
            <translation>Lapor ke atasan</translation>
        </message>
        <message>
            <source>Complainant informed</source>
            <translation>Pelapor diberi tahu</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Tutup kasus</translation>
        </message>
        <message>
            <source>Reopen</source>
            <translation>Buka kembali</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Catatan</translation>
        </message>
        <message>
            <source>Attach files…</source>
            <translation>Lampirkan berkas…</translation>
        </message>
        <message>
            <source>Receipt…</source>
            <translation>Tanda terima…</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Riwayat</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Diterima</translation>
        </message>
        <message>
            <source>Respond by</source>
            <translation>Batas tanggapan</translation>
        </message>
        <message>
            <source>Reporter</source>
            <translation>Pelapor</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Layanan</translation>
        </message>
        <message>
            <source>Problem type</source>
            <translation>Jenis masalah</translation>
        </message>
        <message>
            <source>Path</source>
            <translation>Jalur penyelesaian</translation>
        </message>
        <message>
            <source>Officer</source>
            <translation>Petugas</translation>
        </message>
        <message>
            <source>Late</source>
            <translation>Terlambat</translation>
        </message>
        <message>
            <source>{days} days after the service; decision: {decision}</source>
            <translation>{days} hari setelah layanan; keputusan: {decision}</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>Berkas</translation>
        </message>
        <message>
            <source>Sector</source>
            <translation>Bidang/sektor</translation>
        </message>
        <message>
            <source>Core problem</source>
            <translation>Inti masalah</translation>
        </message>
        <message>
            <source>Standard / SOP / regulation</source>
            <translation>SP / SOP / peraturan</translation>
        </message>
        <message>
            <source>Related cases</source>
            <translation>Kasus terkait</translation>
        </message>
        <message>
            <source>Plan</source>
            <translation>Rencana</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Kepada</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Dilakukan</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>Perangkat daerah</translation>
        </message>
        <message>
            <source>Approved by</source>
            <translation>Disetujui oleh</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Nomor surat</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Laporan</translation>
        </message>
        <message>
            <source>How</source>
            <translation>Melalui</translation>
        </message>
        <message>
            <source>Told</source>
            <translation>Disampaikan</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Hasil</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Berkas</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Keputusan</translation>
        </message>
        <message>
            <source>Attach scans or photos</source>
            <translation>Lampirkan pindaian atau foto</translation>
        </message>
        <message>
            <source>Scans and photos (*.pdf *.jpg *.jpeg *.png)</source>
            <translation>Pindaian dan foto (*.pdf *.jpg *.jpeg *.png)</translation>
        </message>
        <message>
            <source>same reporter</source>
            <translation>pelapor sama</translation>
        </message>
        <message>
            <source>same service</source>
            <translation>layanan sama</translation>
        </message>
        <message>
            <source>similar words</source>
            <translation>kata-kata serupa</translation>
        </message>
        <message>
            <source>Sector / service type</source>
            <translation>Bidang / jenis layanan</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Catatan</translation>
        </message>
        <message>
            <source>Standard / SOP / regulation concerned</source>
            <translation>SP / SOP / peraturan terkait</translation>
        </message>
        <message>
            <source>Earlier related cases</source>
            <translation>Kasus terdahulu yang terkait</translation>
        </message>
        <message>
            <source>(nobody)</source>
            <translation>(tidak ada)</translation>
        </message>
        <message>
            <source>Head of office's approval to involve APIP</source>
            <translation>Persetujuan Kepala DPMPTSP untuk melibatkan APIP</translation>
        </message>
        <message>
            <source>Reference (memo number)</source>
            <translation>Nomor nota dinas</translation>
        </message>
        <message>
            <source>Resolution path</source>
            <translation>Jalur penyelesaian</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Tingkatan</translation>
        </message>
        <message>
            <source>Technical team / agency</source>
            <translation>Tim teknis / perangkat daerah</translation>
        </message>
        <message>
            <source>What was done</source>
            <translation>Yang dilakukan</translation>
        </message>
        <message>
            <source>Written report to the superior</source>
            <translation>Laporan tertulis kepada atasan</translation>
        </message>
        <message>
            <source>Superior</source>
            <translation>Atasan</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Waktu</translation>
        </message>
        <message>
            <source>What they were told</source>
            <translation>Yang disampaikan</translation>
        </message>
        <message>
            <source>Close the case</source>
            <translation>Tutup kasus</translation>
        </message>
        <message>
            <source>Reopen the case</source>
            <translation>Buka kembali kasus</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Alasan</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Alasan</translation>
        </message>
    </context>
    <context>
        <name>CasesPanel</name>
        <message>
            <source>Open</source>
            <translation>Terbuka</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Selesai</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Semua</translation>
        </message>
        <message>
            <source>Assigned to me</source>
            <translation>Ditugaskan kepada saya</translation>
        </message>
        <message>
            <source>Search number, words or LAPOR! ID…</source>
            <translation>Cari nomor, kata atau nomor LAPOR!…</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Muat ulang</translation>
        </message>
        <message numerus="yes">
            <source>%n case(s)</source>
            <translation>
                <numerusform>%n kasus</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ComplaintsOversightArea</name>
        <message>
            <source>Complaint oversight</source>
            <translation>Pengawasan pengaduan</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Muat ulang</translation>
        </message>
        <message>
            <source>As of</source>
            <translation>Per tanggal</translation>
        </message>
        <message>
            <source>Due and overdue</source>
            <translation>Jatuh tempo dan terlambat</translation>
        </message>
        <message>
            <source>Period and register</source>
            <translation>Periode dan register</translation>
        </message>
        <message>
            <source>Channels</source>
            <translation>Kanal pengaduan</translation>
        </message>
        <message>
            <source>Due today</source>
            <translation>Jatuh tempo hari ini</translation>
        </message>
        <message>
            <source>Due in the next 3 working days</source>
            <translation>Jatuh tempo dalam 3 hari kerja</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Terlambat</translation>
        </message>
        <message>
            <source>Open cases</source>
            <translation>Kasus terbuka</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Nomor</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Jenis</translation>
        </message>
        <message>
            <source>Respond by</source>
            <translation>Batas tanggapan</translation>
        </message>
        <message>
            <source>Working days late</source>
            <translation>Hari kerja terlambat</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Keadaan</translation>
        </message>
        <message>
            <source>Officer</source>
            <translation>Petugas</translation>
        </message>
        <message>
            <source>Problem type</source>
            <translation>Jenis masalah</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Layanan</translation>
        </message>
        <message>
            <source>Next 3 working days</source>
            <translation>3 hari kerja ke depan</translation>
        </message>
        <message>
            <source>Received from</source>
            <translation>Diterima dari</translation>
        </message>
        <message>
            <source>to</source>
            <translation>sampai</translation>
        </message>
        <message>
            <source>Answered within 14 working days</source>
            <translation>Ditanggapi dalam 14 hari kerja</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Diterima</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>Kasus</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Terbuka</translation>
        </message>
        <message>
            <source>Resolution path</source>
            <translation>Jalur penyelesaian</translation>
        </message>
        <message>
            <source>By problem type</source>
            <translation>Menurut jenis masalah</translation>
        </message>
        <message>
            <source>By service</source>
            <translation>Menurut layanan</translation>
        </message>
        <message>
            <source>By resolution path</source>
            <translation>Menurut jalur penyelesaian</translation>
        </message>
        <message>
            <source>Export the register…</source>
            <translation>Ekspor register…</translation>
        </message>
        <message>
            <source>Register of the period as</source>
            <translation>Register periode ini sebagai</translation>
        </message>
        <message>
            <source>Includes names and contacts: keep the file confidential.</source>
            <translation>Memuat nama dan kontak: jaga kerahasiaan berkasnya.</translation>
        </message>
        <message>
            <source>Names and contacts are left out: your role may not see personal data.</source>
            <translation>Nama dan kontak tidak disertakan: peran Anda tidak berhak melihat data pribadi.</translation>
        </message>
        <message>
            <source>{complaints} complaints and {suggestions} suggestions received; {answered} answered, {within} of them within 14 working days; {overdue} overdue without an answer; {pending} still within their time; {closed} closed.</source>
            <translation>{complaints} pengaduan dan {suggestions} saran diterima; {answered} sudah ditanggapi, {within} di antaranya dalam 14 hari kerja; {overdue} terlambat tanpa tanggapan; {pending} masih dalam batas waktu; {closed} selesai.</translation>
        </message>
        <message>
            <source>Export the register</source>
            <translation>Ekspor register</translation>
        </message>
        <message>
            <source>Writing the register…</source>
            <translation>Menulis register…</translation>
        </message>
        <message numerus="yes">
            <source>%n case(s) written to {path}.</source>
            <translation>
                <numerusform>%n kasus ditulis ke {path}.</numerusform>
            </translation>
        </message>
        <message>
            <source>(not yet set)</source>
            <translation>(belum ditentukan)</translation>
        </message>
    </context>
    <context>
        <name>ChannelsEditor</name>
        <message>
            <source>Code</source>
            <translation>Kode</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Kontak</translation>
        </message>
        <message>
            <source>On the receipt</source>
            <translation>Di tanda terima</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>ya</translation>
        </message>
        <message>
            <source>In use</source>
            <translation>Dipakai</translation>
        </message>
        <message>
            <source>no</source>
            <translation>tidak</translation>
        </message>
        <message>
            <source>Print on the receipt as a way to ask about progress</source>
            <translation>Cetak di tanda terima sebagai cara menanyakan perkembangan</translation>
        </message>
        <message>
            <source>In use for new cases</source>
            <translation>Dipakai untuk kasus baru</translation>
        </message>
        <message>
            <source>Receipt</source>
            <translation>Tanda terima</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Urutan</translation>
        </message>
        <message>
            <source>Save channel</source>
            <translation>Simpan kanal</translation>
        </message>
        <message>
            <source>Remove channel</source>
            <translation>Hapus kanal</translation>
        </message>
        <message>
            <source>Saved: {name}.</source>
            <translation>Tersimpan: {name}.</translation>
        </message>
    </context>
    <context>
        <name>FilesArea</name>
        <message>
            <source>Files</source>
            <translation>Berkas permohonan</translation>
        </message>
        <message>
            <source>Registration number, NIK, NIB, KBLI or the start of a name…</source>
            <translation>Nomor registrasi, NIK, NIB, KBLI atau awal nama…</translation>
        </message>
        <message>
            <source>All registered</source>
            <translation>Semua yang terdaftar</translation>
        </message>
        <message>
            <source>Received from</source>
            <translation>Diterima dari</translation>
        </message>
        <message>
            <source>Overdue only</source>
            <translation>Hanya yang terlambat</translation>
        </message>
        <message>
            <source>Search (Enter)</source>
            <translation>Cari (Enter)</translation>
        </message>
        <message>
            <source>Due today and overdue</source>
            <translation>Jatuh tempo hari ini dan terlambat</translation>
        </message>
        <message>
            <source>to</source>
            <translation>sampai</translation>
        </message>
        <message>
            <source>Registration number</source>
            <translation>Nomor registrasi</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Diterima</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Batas waktu</translation>
        </message>
        <message>
            <source>Late</source>
            <translation>Terlambat</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Layanan</translation>
        </message>
        <message>
            <source>Applicant</source>
            <translation>Pemohon</translation>
        </message>
        <message>
            <source>NIK</source>
            <translation>NIK</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Berkas</translation>
        </message>
        <message>
            <source>Choose a file in the list.</source>
            <translation>Pilih berkas dari daftar.</translation>
        </message>
        <message>
            <source>Start processing</source>
            <translation>Mulai diproses</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>Selesai</translation>
        </message>
        <message>
            <source>Reject…</source>
            <translation>Tolak…</translation>
        </message>
        <message>
            <source>Hand over…</source>
            <translation>Serahkan…</translation>
        </message>
        <message>
            <source>Name of the person who received the result</source>
            <translation>Nama orang yang menerima hasil layanan</translation>
        </message>
        <message>
            <source>Reason for the rejection</source>
            <translation>Alasan penolakan</translation>
        </message>
        <message>
            <source>Handed over to</source>
            <translation>Diserahkan kepada</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Batal</translation>
        </message>
        <message numerus="yes">
            <source>%n working day(s)</source>
            <translation>
                <numerusform>%n hari kerja</numerusform>
            </translation>
        </message>
        <message>
            <source>past due</source>
            <translation>lewat batas waktu</translation>
        </message>
        <message>
            <source>due today</source>
            <translation>jatuh tempo hari ini</translation>
        </message>
        <message>
            <source>Due today: {due} · overdue: {late}</source>
            <translation>Jatuh tempo hari ini: {due} · terlambat: {late}</translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) found</source>
            <translation>
                <numerusform>%n berkas ditemukan</numerusform>
            </translation>
        </message>
        <message>
            <source>Incomplete visit (no registration number)</source>
            <translation>Kunjungan belum lengkap (tanpa nomor registrasi)</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telepon</translation>
        </message>
        <message>
            <source>NIB</source>
            <translation>NIB</translation>
        </message>
        <message numerus="yes">
            <source>overdue by %n working day(s)</source>
            <translation>
                <numerusform>terlambat %n hari kerja</numerusform>
            </translation>
        </message>
        <message>
            <source>Missing or not valid</source>
            <translation>Tidak ada atau tidak sesuai</translation>
        </message>
        <message>
            <source>Officer</source>
            <translation>Petugas</translation>
        </message>
        <message>
            <source>Queue number</source>
            <translation>Nomor antrian</translation>
        </message>
        <message>
            <source>Receipts</source>
            <translation>Tanda terima</translation>
        </message>
        <message numerus="yes">
            <source>%n printed or kept</source>
            <translation>
                <numerusform>%n dicetak atau diarsipkan</numerusform>
            </translation>
        </message>
        <message>
            <source>History</source>
            <translation>Riwayat</translation>
        </message>
        <message>
            <source>Reject the file</source>
            <translation>Tolak berkas</translation>
        </message>
        <message>
            <source>Hand over</source>
            <translation>Serahkan</translation>
        </message>
        <message>
            <source>{number} is now “{status}”.</source>
            <translation>{number} sekarang berstatus “{status}”.</translation>
        </message>
        <message>
            <source>This receipt is genuine but its file is not on this PC yet.</source>
            <translation>Tanda terima ini asli, tetapi berkasnya belum ada di PC ini.</translation>
        </message>
        <message>
            <source>Nothing is due today or overdue. Files received in the last {days} days: {count}</source>
            <translation>Tidak ada yang jatuh tempo hari ini atau terlambat. Berkas yang diterima dalam {days} hari terakhir: {count}</translation>
        </message>
    </context>
    <context>
        <name>ChecklistModel</name>
        <message>
            <source>No.</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>Requirement</source>
            <translation>Persyaratan</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Hasil</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Catatan</translation>
        </message>
        <message>
            <source>not checked</source>
            <translation>belum diperiksa</translation>
        </message>
    </context>
    <context>
        <name>IntakeArea</name>
        <message>
            <source>File intake</source>
            <translation>Penerimaan berkas</translation>
        </message>
        <message>
            <source>A4 paper</source>
            <translation>Kertas A4</translation>
        </message>
        <message>
            <source>80 mm roll</source>
            <translation>Gulungan 80 mm</translation>
        </message>
        <message>
            <source>Receipt:</source>
            <translation>Tanda terima:</translation>
        </message>
        <message>
            <source>1 · Service</source>
            <translation>1 · Layanan</translation>
        </message>
        <message>
            <source>2 · Applicant</source>
            <translation>2 · Pemohon</translation>
        </message>
        <message>
            <source>3 · Requirements</source>
            <translation>3 · Persyaratan</translation>
        </message>
        <message>
            <source>4 · Receipt</source>
            <translation>4 · Tanda terima</translation>
        </message>
        <message>
            <source>No service matches the search.</source>
            <translation>Tidak ada layanan yang cocok.</translation>
        </message>
        <message>
            <source>Correct the fields marked in red.</source>
            <translation>Perbaiki isian yang ditandai merah.</translation>
        </message>
        <message>
            <source>Saved. Check each requirement.</source>
            <translation>Tersimpan. Periksa setiap persyaratan.</translation>
        </message>
        <message>
            <source>Checklist saved.</source>
            <translation>Daftar periksa tersimpan.</translation>
        </message>
        <message>
            <source>Check every requirement first: {count} not checked yet.</source>
            <translation>Periksa semua persyaratan dahulu: {count} belum diperiksa.</translation>
        </message>
        <message>
            <source>The service of that visit is no longer in the catalogue.</source>
            <translation>Layanan kunjungan itu sudah tidak ada di katalog.</translation>
        </message>
        <message>
            <source>Unsaved intake</source>
            <translation>Penerimaan berkas belum disimpan</translation>
        </message>
        <message>
            <source>The intake on screen has changes that are not saved. Leave them?</source>
            <translation>Ada isian penerimaan berkas yang belum disimpan. Tinggalkan?</translation>
        </message>
    </context>
    <context>
        <name>IntakeHomeCard</name>
        <message>
            <source>File intake</source>
            <translation>Penerimaan berkas</translation>
        </message>
        <message>
            <source>Receive the file of the called number</source>
            <translation>Terima berkas nomor yang dipanggil</translation>
        </message>
        <message>
            <source>Receive a file without a queue number</source>
            <translation>Terima berkas tanpa nomor antrian</translation>
        </message>
        <message>
            <source>Find a file / due today</source>
            <translation>Cari berkas / jatuh tempo hari ini</translation>
        </message>
        <message>
            <source>Open files due today: {due} · overdue: {late}</source>
            <translation>Berkas jatuh tempo hari ini: {due} · terlambat: {late}</translation>
        </message>
        <message>
            <source>No number is called at this counter. Call the next number first, or receive a file without a queue number.</source>
            <translation>Belum ada nomor yang dipanggil di loket ini. Panggil nomor berikutnya dahulu, atau terima berkas tanpa nomor antrian.</translation>
        </message>
        <message>
            <source>This area is not available to your role.</source>
            <translation>Bagian ini tidak tersedia untuk peran Anda.</translation>
        </message>
    </context>
    <context>
        <name>Application</name>
        <message>
            <source>MPP Desk is already open for this data folder ({folder}): its window was brought to the front.</source>
            <translation>MPP Desk sudah terbuka untuk folder data ini ({folder}): jendelanya sudah ditampilkan di depan.</translation>
        </message>
    </context>
    <context>
        <name>DateField</name>
        <message>
            <source>dd-mm-yyyy</source>
            <translation>hh-bb-tttt</translation>
        </message>
        <message>
            <source>Calendar</source>
            <translation>Kalender</translation>
        </message>
        <message>
            <source>Pick the date on a calendar (Alt+Down)</source>
            <translation>Pilih tanggal di kalender (Alt+Bawah)</translation>
        </message>
    </context>
    <context>
        <name>Forms</name>
        <message>
            <source>{count} / {maximum} characters: {excess} too many</source>
            <translation>{count} / {maximum} karakter: kelebihan {excess}</translation>
        </message>
        <message>
            <source>{count} / {maximum} characters</source>
            <translation>{count} / {maximum} karakter</translation>
        </message>
    </context>
    <context>
        <name>ApplicantPage</name>
        <message>
            <source>Continue from that visit (Alt+L)</source>
            <translation>Lanjutkan dari kunjungan itu (Alt+L)</translation>
        </message>
        <message>
            <source>Back (Alt+Left)</source>
            <translation>Kembali (Alt+Kiri)</translation>
        </message>
        <message>
            <source>Check the requirements (Ctrl+Enter)</source>
            <translation>Periksa persyaratan (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>16 digits, as on the KTP</source>
            <translation>16 digit, sesuai KTP</translation>
        </message>
        <message>
            <source>e.g. 0812 3456 7890</source>
            <translation>mis. 0812 3456 7890</translation>
        </message>
        <message>
            <source>13 digits</source>
            <translation>13 digit</translation>
        </message>
        <message>
            <source>optional</source>
            <translation>tidak wajib</translation>
        </message>
        <message>
            <source>Applicant type</source>
            <translation>Jenis pemohon</translation>
        </message>
        <message>
            <source>NIK</source>
            <translation>NIK</translation>
        </message>
        <message>
            <source>Name (as on the KTP)</source>
            <translation>Nama (sesuai KTP)</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telepon</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Alamat</translation>
        </message>
        <message>
            <source>Business name</source>
            <translation>Nama badan usaha</translation>
        </message>
        <message>
            <source>NIB</source>
            <translation>NIB</translation>
        </message>
        <message>
            <source>NPWP</source>
            <translation>NPWP</translation>
        </message>
        <message>
            <source>Business KBLI</source>
            <translation>KBLI usaha</translation>
        </message>
        <message>
            <source>This applicant came on {day} for KBLI {kbli} and {count} requirement(s) were missing or not valid.</source>
            <translation>Pemohon ini datang pada {day} untuk KBLI {kbli}; {count} persyaratan tidak ada atau tidak sesuai.</translation>
        </message>
        <message>
            <source>The checklist starts from the earlier visit: what was fine then is already marked present.</source>
            <translation>Daftar periksa dimulai dari kunjungan sebelumnya: yang sudah sesuai ditandai ada.</translation>
        </message>
        <message>
            <source>Continuing from the visit of {day}: what was fine then is already marked present.</source>
            <translation>Melanjutkan kunjungan {day}: yang sudah sesuai ditandai ada.</translation>
        </message>
    </context>
    <context>
        <name>ChecklistPage</name>
        <message>
            <source>Note</source>
            <translation>Catatan</translation>
        </message>
        <message>
            <source>Enter on a line writes its note; Enter here saves it</source>
            <translation>Enter pada baris untuk menulis catatan; Enter di sini menyimpannya</translation>
        </message>
        <message>
            <source>All unchecked present and valid (Alt+A)</source>
            <translation>Sisanya ada dan sesuai (Alt+A)</translation>
        </message>
        <message>
            <source>Save (Ctrl+S)</source>
            <translation>Simpan (Ctrl+S)</translation>
        </message>
        <message>
            <source>Applicant (Alt+Left)</source>
            <translation>Data pemohon (Alt+Kiri)</translation>
        </message>
        <message>
            <source> · queue number {code}</source>
            <translation> · nomor antrian {code}</translation>
        </message>
        <message>
            <source>{total} requirement(s): {ok} present and valid, {missing} missing, {invalid} not valid, {open} not checked</source>
            <translation>{total} persyaratan: {ok} ada dan sesuai, {missing} tidak ada, {invalid} tidak sesuai, {open} belum diperiksa</translation>
        </message>
        <message>
            <source>Return the file with a slip (F12)</source>
            <translation>Kembalikan berkas dengan tanda pengembalian (F12)</translation>
        </message>
        <message>
            <source>Register the file (F12)</source>
            <translation>Daftarkan berkas (F12)</translation>
        </message>
        <message>
            <source>Note, line {n}</source>
            <translation>Catatan baris {n}</translation>
        </message>
        <message>
            <source>Up/Down move · 1 present and valid · 2 missing · 3 not valid · Space cycles · Enter note · Alt+A all unchecked present · Alt+P procedure · Ctrl+S save · F12 finish</source>
            <translation>Atas/Bawah pindah · 1 ada dan sesuai · 2 tidak ada · 3 tidak sesuai · Spasi ganti · Enter catatan · Alt+A sisanya ada · Alt+P prosedur · Ctrl+S simpan · F12 selesai</translation>
        </message>
    </context>
    <context>
        <name>DonePage</name>
        <message>
            <source>Print (Ctrl+P)</source>
            <translation>Cetak (Ctrl+P)</translation>
        </message>
        <message>
            <source>Print with dialog… (Ctrl+Shift+P)</source>
            <translation>Cetak lewat dialog… (Ctrl+Shift+P)</translation>
        </message>
        <message>
            <source>Next file (Ctrl+N)</source>
            <translation>Berkas berikutnya (Ctrl+N)</translation>
        </message>
        <message>
            <source>Registered: {number}</source>
            <translation>Terdaftar: {number}</translation>
        </message>
        <message>
            <source>Complete and correct. To be finished by {due} ({days} working days). Give the applicant the Tanda Terima.</source>
            <translation>Lengkap dan benar. Selesai paling lambat {due} ({days} hari kerja). Berikan tanda terima kepada pemohon.</translation>
        </message>
        <message>
            <source>Not complete: nothing was registered</source>
            <translation>Belum lengkap: berkas tidak didaftarkan</translation>
        </message>
        <message>
            <source>{count} requirement(s) missing or not valid. Give the applicant the return slip; the visit is kept and the next visit can start from it.</source>
            <translation>{count} persyaratan tidak ada atau tidak sesuai. Berikan tanda pengembalian berkas; kunjungan ini dicatat dan kunjungan berikutnya dapat melanjutkannya.</translation>
        </message>
        <message>
            <source>Print again as SALINAN (Ctrl+P)</source>
            <translation>Cetak ulang sebagai SALINAN (Ctrl+P)</translation>
        </message>
        <message>
            <source>{date} (estimate: the cuti bersama of {year} are not decreed yet, the date may move)</source>
            <translation>{date} (perkiraan: cuti bersama tahun {year} belum ditetapkan, tanggal dapat bergeser)</translation>
        </message>
    </context>
    <context>
        <name>ReceiptFlow</name>
        <message>
            <source>No receipt printer is set up on this PC: print with the dialog (Ctrl+Shift+P). The PDF copy is kept.</source>
            <translation>PC ini belum diatur printer tanda terimanya: cetak lewat dialog (Ctrl+Shift+P). Arsip PDF sudah disimpan.</translation>
        </message>
        <message>
            <source>Printing…</source>
            <translation>Mencetak…</translation>
        </message>
        <message>
            <source>Printed ({where}). The PDF copy is kept.</source>
            <translation>Tercetak ({where}). Arsip PDF disimpan.</translation>
        </message>
        <message>
            <source>{problem} The file is registered and the PDF copy is kept: fix the printer and press Ctrl+P to print again.</source>
            <translation>{problem} Berkas tetap tercatat dan arsip PDF disimpan: perbaiki printer lalu tekan Ctrl+P untuk mencetak lagi.</translation>
        </message>
        <message>
            <source>Printing cancelled. Press Ctrl+P to print.</source>
            <translation>Pencetakan dibatalkan. Tekan Ctrl+P untuk mencetak.</translation>
        </message>
        <message>
            <source>The printer could not be started. The PDF copy is kept; try again.</source>
            <translation>Printer tidak dapat dimulai. Arsip PDF disimpan; coba lagi.</translation>
        </message>
    </context>
    <context>
        <name>StartPage</name>
        <message>
            <source>e.g. A001</source>
            <translation>mis. A001</translation>
        </message>
        <message>
            <source>Walk-in: no queue number.</source>
            <translation>Tanpa nomor antrian.</translation>
        </message>
        <message>
            <source>Queue number</source>
            <translation>Nomor antrian</translation>
        </message>
        <message>
            <source>Files not finished yet (Enter continues)</source>
            <translation>Berkas yang belum selesai (Enter untuk melanjutkan)</translation>
        </message>
        <message>
            <source>Search the service by name, KBLI or annex number…</source>
            <translation>Cari layanan menurut nama, KBLI atau nomor lampiran…</translation>
        </message>
        <message>
            <source>Service (recently used first)</source>
            <translation>Layanan (yang terakhir dipakai di atas)</translation>
        </message>
        <message>
            <source>Type to search, Up/Down to choose, Enter to continue. A scanned receipt opens its file.</source>
            <translation>Ketik untuk mencari, Atas/Bawah untuk memilih, Enter untuk lanjut. Memindai tanda terima membuka berkasnya.</translation>
        </message>
        <message>
            <source>{days} working days</source>
            <translation>{days} hari kerja</translation>
        </message>
        <message>
            <source>Queue number {code} ({group}) is linked to this file.</source>
            <translation>Nomor antrian {code} ({group}) ditautkan ke berkas ini.</translation>
        </message>
        <message>
            <source>Community satisfaction survey</source>
            <translation>Survei Kepuasan Masyarakat</translation>
        </message>
        <message>
            <source>Help us improve our services: nine short questions, just touch your answer. No name is asked.</source>
            <translation>Bantu kami memperbaiki pelayanan: sembilan pertanyaan singkat, cukup sentuh jawaban Anda. Nama Anda tidak ditanyakan.</translation>
        </message>
        <message>
            <source>Start the survey</source>
            <translation>Mulai survei</translation>
        </message>
        <message>
            <source>About the service: {title}</source>
            <translation>Tentang layanan: {title}</translation>
        </message>
    </context>
    <context>
        <name>ReceiptPrint</name>
        <message>
            <source>Print the receipt</source>
            <translation>Cetak tanda terima</translation>
        </message>
    </context>
    <context>
        <name>ScanFlow</name>
        <message>
            <source>This receipt is genuine but its file is not on this PC yet.</source>
            <translation>Tanda terima ini asli, tetapi berkasnya belum ada di PC ini.</translation>
        </message>
        <message>
            <source>File {number}: {status}.</source>
            <translation>Berkas {number}: {status}.</translation>
        </message>
    </context>
    <context>
        <name>OutcomeCard</name>
        <message>
            <source>Save</source>
            <translation>Simpan</translation>
        </message>
        <message>
            <source>Clear the form</source>
            <translation>Kosongkan formulir</translation>
        </message>
        <message>
            <source>Receipt…</source>
            <translation>Tanda terima…</translation>
        </message>
        <message>
            <source>Open the case</source>
            <translation>Buka kasus</translation>
        </message>
        <message>
            <source>Will be recorded as</source>
            <translation>Akan dicatat sebagai</translation>
        </message>
        <message>
            <source>COMPLAINT OR SUGGESTION?</source>
            <translation>PENGADUAN ATAU SARAN?</translation>
        </message>
        <message>
            <source>Respond by {date}</source>
            <translation>Ditanggapi paling lambat {date}</translation>
        </message>
        <message>
            <source>A complaint: the reporter's identity and the substance are given.</source>
            <translation>Pengaduan: identitas pelapor dan materi pengaduan sudah ada.</translation>
        </message>
        <message>
            <source>Saved as {kind}: {number}. Respond by {date}.</source>
            <translation>Disimpan sebagai {kind}: {number}. Ditanggapi paling lambat {date}.</translation>
        </message>
    </context>
    <context>
        <name>SyncArea</name>
        <message>
            <source>Sync: conflicts and devices</source>
            <translation>Sinkronisasi: konflik dan perangkat</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Muat ulang</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Waktu</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Data</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Mulai</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Alasan</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Kolom</translation>
        </message>
        <message>
            <source>Version sent by the PC</source>
            <translation>Versi yang dikirim PC</translation>
        </message>
        <message>
            <source>Version on the server</source>
            <translation>Versi di server</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>Perangkat</translation>
        </message>
        <message>
            <source> (this PC)</source>
            <translation> (PC ini)</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Peran</translation>
        </message>
        <message>
            <source>Last seen</source>
            <translation>Terakhir terlihat</translation>
        </message>
        <message>
            <source>Changes waiting</source>
            <translation>Perubahan menunggu</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Revoke device…</source>
            <translation>Cabut perangkat…</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>Konflik</translation>
        </message>
        <message>
            <source>Devices</source>
            <translation>Perangkat</translation>
        </message>
        <message>
            <source>revoked</source>
            <translation>dicabut</translation>
        </message>
        <message>
            <source>waiting for its enrolment code</source>
            <translation>menunggu kode pendaftarannya</translation>
        </message>
        <message>
            <source>active</source>
            <translation>aktif</translation>
        </message>
        <message>
            <source>Asking the server…</source>
            <translation>Menghubungi server…</translation>
        </message>
        <message>
            <source>This PC has not joined the office's server; there is nothing to show. See the README, "Joining a PC".</source>
            <translation>PC ini belum bergabung dengan server kantor; tidak ada yang dapat ditampilkan. Lihat README, "Joining a PC".</translation>
        </message>
        <message>
            <source>{conflicts} open conflict(s), {devices} device(s).</source>
            <translation>{conflicts} konflik terbuka, {devices} perangkat.</translation>
        </message>
        <message>
            <source>Conflicts ({count})</source>
            <translation>Konflik ({count})</translation>
        </message>
        <message>
            <source>No conflict chosen.</source>
            <translation>Belum ada konflik yang dipilih.</translation>
        </message>
        <message>
            <source>{entity} {id}: the PC changed version {base}, the server holds version {server}. Fields that differ are marked.</source>
            <translation>{entity} {id}: PC mengubah versi {base}, server menyimpan versi {server}. Kolom yang berbeda ditandai.</translation>
        </message>
        <message>
            <source>Revoke device</source>
            <translation>Cabut perangkat</translation>
        </message>
        <message>
            <source>Revoke {name}? It can no longer send or receive changes until it is enrolled again.</source>
            <translation>Cabut {name}? Perangkat itu tidak dapat lagi mengirim atau menerima perubahan sampai didaftarkan kembali.</translation>
        </message>
        <message>
            <source>Entry</source>
            <translation>Entri</translation>
        </message>
        <message>
            <source>What the server found</source>
            <translation>Temuan server</translation>
        </message>
        <message>
            <source>Audit alerts</source>
            <translation>Peringatan jejak audit</translation>
        </message>
        <message>
            <source>Keep the server's version</source>
            <translation>Pertahankan versi server</translation>
        </message>
        <message>
            <source>Take the PC's version</source>
            <translation>Ambil versi PC</translation>
        </message>
        <message>
            <source>Take the ticked fields from the PC</source>
            <translation>Ambil isian yang dicentang dari PC</translation>
        </message>
        <message>
            <source>Audit alerts ({count})</source>
            <translation>Peringatan jejak audit ({count})</translation>
        </message>
        <message>
            <source>Only a supervisor, who sees both versions in full, resolves conflicts.</source>
            <translation>Hanya supervisor, yang melihat kedua versi secara utuh, yang menyelesaikan konflik.</translation>
        </message>
        <message>
            <source>Resolve conflict</source>
            <translation>Selesaikan konflik</translation>
        </message>
        <message>
            <source>Keep the server's version of {entity}? The PC's change is set aside for good.</source>
            <translation>Pertahankan versi server untuk {entity}? Perubahan dari PC dikesampingkan untuk seterusnya.</translation>
        </message>
        <message>
            <source>Take the PC's version of {entity}? It replaces the server's on every PC.</source>
            <translation>Ambil versi PC untuk {entity}? Versi ini menggantikan versi server di semua PC.</translation>
        </message>
        <message>
            <source>Take {fields} from the PC for {entity}? The other fields keep the server's values.</source>
            <translation>Ambil {fields} dari PC untuk {entity}? Isian lain tetap memakai nilai server.</translation>
        </message>
    </context>
    <context>
        <name>SyncStatus</name>
        <message>
            <source>Server: connecting…</source>
            <translation>Server: menghubungkan…</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>Daring</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Luring</translation>
        </message>
        <message numerus="yes">
            <source>%n change(s) waiting</source>
            <translation>
                <numerusform>%n perubahan menunggu</numerusform>
            </translation>
        </message>
        <message>
            <source>all changes sent</source>
            <translation>semua perubahan terkirim</translation>
        </message>
        <message>
            <source>last sync {time}</source>
            <translation>sinkron terakhir {time}</translation>
        </message>
        <message>
            <source>Update MPP Desk on this PC: the server no longer accepts this version</source>
            <translation>Perbarui MPP Desk di PC ini: server tidak lagi menerima versi ini</translation>
        </message>
    </context>
    <context>
        <name>FinishBar</name>
        <message>
            <source>Note (optional)</source>
            <translation>Catatan (tidak wajib)</translation>
        </message>
        <message>
            <source>How did the service end? (1–5, Enter)</source>
            <translation>Bagaimana hasil layanannya? (1–5, Enter)</translation>
        </message>
        <message>
            <source>Finish (Enter)</source>
            <translation>Selesai (Enter)</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>Batal (Esc)</translation>
        </message>
    </context>
    <context>
        <name>TransferBar</name>
        <message>
            <source>Transfer to (the number keeps its place by issue time):</source>
            <translation>Alihkan ke (nomor tetap diurutkan menurut waktu ambil):</translation>
        </message>
        <message>
            <source>Transfer (Enter)</source>
            <translation>Alihkan (Enter)</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>Batal (Esc)</translation>
        </message>
        <message>
            <source>Group {code} — {name}</source>
            <translation>Kelompok {code} — {name}</translation>
        </message>
        <message>
            <source>Counter {number} — {name}</source>
            <translation>Loket {number} — {name}</translation>
        </message>
    </context>
    <context>
        <name>CurrentCard</name>
        <message>
            <source>Now at this counter</source>
            <translation>Sekarang di loket ini</translation>
        </message>
        <message>
            <source>No number called.</source>
            <translation>Belum ada nomor yang dipanggil.</translation>
        </message>
        <message>
            <source>No number called. Press F5 to call the next one.</source>
            <translation>Belum ada nomor yang dipanggil. Tekan F5 untuk memanggil nomor berikutnya.</translation>
        </message>
        <message numerus="yes">
            <source>called %n time(s) again</source>
            <translation>
                <numerusform>dipanggil ulang %n kali</numerusform>
            </translation>
        </message>
        <message>
            <source>priority</source>
            <translation>prioritas</translation>
        </message>
        <message>
            <source>transferred</source>
            <translation>dialihkan</translation>
        </message>
        <message numerus="yes">
            <source>taken {time}, waited %n min</source>
            <translation>
                <numerusform>diambil {time}, menunggu %n menit</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CounterLines</name>
        <message>
            <source>Number</source>
            <translation>Nomor</translation>
        </message>
        <message>
            <source>Taken</source>
            <translation>Diambil</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Reprint the selected ticket (Ctrl+P)</source>
            <translation>Cetak ulang tiket terpilih (Ctrl+P)</translation>
        </message>
        <message>
            <source>Tickets of today whose paper did not come out of the kiosk.</source>
            <translation>Tiket hari ini yang kertasnya tidak keluar dari kios.</translation>
        </message>
        <message>
            <source>Not printed</source>
            <translation>Belum tercetak</translation>
        </message>
        <message numerus="yes">
            <source>{code}: %n waiting</source>
            <translation>
                <numerusform>{code}: %n menunggu</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Not printed (%n)</source>
            <translation>
                <numerusform>Belum tercetak (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>Prioritas</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Menunggu</translation>
        </message>
        <message numerus="yes">
            <source>%n min</source>
            <translation>
                <numerusform>%n menit</numerusform>
            </translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Keterangan</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>ya</translation>
        </message>
        <message>
            <source>for counter {number}</source>
            <translation>untuk loket {number}</translation>
        </message>
        <message>
            <source>transferred</source>
            <translation>dialihkan</translation>
        </message>
    </context>
    <context>
        <name>SurveyArea</name>
        <message>
            <source>Satisfaction survey and evaluation</source>
            <translation>Survei kepuasan dan evaluasi</translation>
        </message>
        <message>
            <source>Value per element (NRR, scale 1–4)</source>
            <translation>Nilai per unsur (NRR, skala 1–4)</translation>
        </message>
        <message>
            <source>Index per service</source>
            <translation>Indeks per layanan</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Layanan</translation>
        </message>
        <message>
            <source>MPP in general</source>
            <translation>MPP secara umum</translation>
        </message>
        <message>
            <source>Respondents</source>
            <translation>Responden</translation>
        </message>
        <message>
            <source>Index</source>
            <translation>Indeks</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>Mutu</translation>
        </message>
        <message>
            <source>Quarter {q} {year}</source>
            <translation>Triwulan {q} {year}</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Tampilkan</translation>
        </message>
        <message>
            <source>from</source>
            <translation>dari</translation>
        </message>
        <message>
            <source>to</source>
            <translation>sampai</translation>
        </message>
        <message>
            <source>IKM</source>
            <translation>IKM</translation>
        </message>
        <message>
            <source>Converted index</source>
            <translation>Indeks konversi</translation>
        </message>
        <message>
            <source>Service quality</source>
            <translation>Mutu pelayanan</translation>
        </message>
        <message>
            <source>IKM = Σ NRR × 1/9 (the weight exactly 1/9); converted index = IKM × 25 (PermenPANRB 14/2017).</source>
            <translation>IKM = Σ NRR × 1/9 (bobot tepat 1/9); indeks konversi = IKM × 25 (PermenPANRB 14/2017).</translation>
        </message>
        <message>
            <source>SKM report (PDF)</source>
            <translation>Laporan SKM (PDF)</translation>
        </message>
        <message>
            <source>SKM report (XLSX)</source>
            <translation>Laporan SKM (XLSX)</translation>
        </message>
        <message>
            <source>Service report (PDF)</source>
            <translation>Laporan pelayanan (PDF)</translation>
        </message>
        <message>
            <source>Service report (XLSX)</source>
            <translation>Laporan pelayanan (XLSX)</translation>
        </message>
        <message>
            <source>Weakest elements: {list}</source>
            <translation>Unsur terlemah: {list}</translation>
        </message>
        <message>
            <source>No responses in this period.</source>
            <translation>Tidak ada jawaban survei dalam periode ini.</translation>
        </message>
        <message>
            <source>Save the report</source>
            <translation>Simpan laporan</translation>
        </message>
        <message>
            <source>Writing the report…</source>
            <translation>Menulis laporan…</translation>
        </message>
        <message>
            <source>Written: {path}</source>
            <translation>Ditulis: {path}</translation>
        </message>
    </context>
    <context>
        <name>HandOverBar</name>
        <message>
            <source>Hand over the survey tablet</source>
            <translation>Serahkan tablet survei</translation>
        </message>
        <message>
            <source>{code} finished. Ask the applicant to fill the satisfaction survey.</source>
            <translation>{code} selesai. Minta pemohon mengisi survei kepuasan.</translation>
        </message>
        <message>
            <source>The survey tablet opens for: {service}</source>
            <translation>Tablet survei terbuka untuk: {service}</translation>
        </message>
        <message>
            <source>services of the MPP in general</source>
            <translation>pelayanan MPP secara umum</translation>
        </message>
    </context>
    <context>
        <name>ServicePage</name>
        <message>
            <source>Which service did you come for?</source>
            <translation>Layanan apa yang Anda urus hari ini?</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Kembali</translation>
        </message>
        <message>
            <source>Services of the MPP in general</source>
            <translation>Pelayanan MPP secara umum</translation>
        </message>
    </context>
    <context>
        <name>ChoicePage</name>
        <message>
            <source>Back</source>
            <translation>Kembali</translation>
        </message>
        <message>
            <source>Skip this question</source>
            <translation>Lewati pertanyaan ini</translation>
        </message>
    </context>
    <context>
        <name>SuggestionPage</name>
        <message>
            <source>Any suggestion for us? (optional)</source>
            <translation>Ada saran untuk kami? (boleh dikosongkan)</translation>
        </message>
        <message>
            <source>You may leave this empty and touch Send.</source>
            <translation>Anda boleh membiarkannya kosong lalu menyentuh Kirim.</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Kembali</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Kirim</translation>
        </message>
    </context>
    <context>
        <name>ThanksPage</name>
        <message>
            <source>Thank you!</source>
            <translation>Terima kasih!</translation>
        </message>
        <message>
            <source>Your answers help us serve better.</source>
            <translation>Jawaban Anda membantu kami melayani lebih baik.</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Selesai</translation>
        </message>
    </context>
    <context>
        <name>SurveyWindow</name>
        <message>
            <source>How old are you?</source>
            <translation>Berapa usia Anda?</translation>
        </message>
        <message>
            <source>Are you…</source>
            <translation>Jenis kelamin Anda</translation>
        </message>
        <message>
            <source>Your highest education</source>
            <translation>Pendidikan terakhir Anda</translation>
        </message>
        <message>
            <source>Your occupation</source>
            <translation>Pekerjaan Anda</translation>
        </message>
        <message>
            <source>Satisfaction survey</source>
            <translation>Survei kepuasan</translation>
        </message>
        <message>
            <source>Services of the MPP in general</source>
            <translation>Pelayanan MPP secara umum</translation>
        </message>
        <message>
            <source>Question {n} of {total}</source>
            <translation>Pertanyaan {n} dari {total}</translation>
        </message>
        <message>
            <source>About you ({n} of {total})</source>
            <translation>Tentang Anda ({n} dari {total})</translation>
        </message>
    </context>
    <context>
        <name>EvaluationsTab</name>
        <message>
            <source>Date</source>
            <translation>Tanggal</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Layanan</translation>
        </message>
        <message>
            <source>Evaluated by</source>
            <translation>Dievaluasi oleh</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Catatan</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Dokumen</translation>
        </message>
        <message>
            <source>Open document</source>
            <translation>Buka dokumen</translation>
        </message>
        <message>
            <source>Evaluations in</source>
            <translation>Evaluasi pada tahun</translation>
        </message>
        <message>
            <source>Record an evaluation (standard and SOP, at least once a year)</source>
            <translation>Catat evaluasi (standar pelayanan dan SOP, minimal setahun sekali)</translation>
        </message>
        <message>
            <source>e.g. Tim Evaluasi SOP DPMPTSP</source>
            <translation>mis. Tim Evaluasi SOP DPMPTSP</translation>
        </message>
        <message>
            <source>Findings, improvements, and how the results were shared with all staff</source>
            <translation>Temuan, perbaikan, dan cara hasilnya disampaikan kepada semua petugas</translation>
        </message>
        <message>
            <source>optional: minutes or report (PDF, JPEG, PNG)</source>
            <translation>opsional: berita acara atau laporan (PDF, JPEG, PNG)</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Pilih…</translation>
        </message>
        <message>
            <source>Record evaluation</source>
            <translation>Catat evaluasi</translation>
        </message>
        <message numerus="yes">
            <source>%n evaluation(s) in {year}</source>
            <translation>
                <numerusform>%n evaluasi pada tahun {year}</numerusform>
            </translation>
        </message>
        <message>
            <source>never</source>
            <translation>belum pernah</translation>
        </message>
        <message>
            <source>{annex} KBLI {kbli} (last: {last})</source>
            <translation>{annex} KBLI {kbli} (terakhir: {last})</translation>
        </message>
        <message numerus="yes">
            <source> and %n more</source>
            <translation>
                <numerusform> dan %n lainnya</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Evaluation due: %n standard(s) not evaluated in the last 12 months: </source>
            <translation>
                <numerusform>Evaluasi perlu dilakukan: %n standar belum dievaluasi dalam 12 bulan terakhir: </numerusform>
            </translation>
        </message>
        <message>
            <source>Evaluation document</source>
            <translation>Dokumen evaluasi</translation>
        </message>
        <message>
            <source>PDF or image (*.pdf *.jpg *.jpeg *.png)</source>
            <translation>PDF atau gambar (*.pdf *.jpg *.jpeg *.png)</translation>
        </message>
        <message>
            <source>Choose the service that was evaluated.</source>
            <translation>Pilih layanan yang dievaluasi.</translation>
        </message>
        <message>
            <source>Evaluation of service {annex} on {day} recorded.</source>
            <translation>Evaluasi layanan {annex} pada {day} dicatat.</translation>
        </message>
        <message>
            <source>The selected evaluation has no document.</source>
            <translation>Evaluasi yang dipilih tidak memiliki dokumen.</translation>
        </message>
    </context>
    <context>
        <name>ProcedureDialog</name>
        <message>
            <source>Procedure (Lampiran IV)</source>
            <translation>Prosedur (Lampiran IV)</translation>
        </message>
        <message>
            <source>The standard names no Lampiran IV classification.</source>
            <translation>Standar ini tidak menyebut klasifikasi Lampiran IV.</translation>
        </message>
        <message>
            <source>The standard names several classifications; the one that applies depends on the application (e.g. its risk level).</source>
            <translation>Standar ini menyebut beberapa klasifikasi; yang berlaku tergantung permohonannya (mis. tingkat risikonya).</translation>
        </message>
        <message>
            <source>Classification {number}: not in the catalogue yet</source>
            <translation>Klasifikasi {number}: belum ada dalam katalog</translation>
        </message>
        <message>
            <source>Classification {number}: {name}</source>
            <translation>Klasifikasi {number}: {name}</translation>
        </message>
    </context>
    <context>
        <name>ProcedureButton</name>
        <message>
            <source>Procedure (Alt+P)</source>
            <translation>Prosedur (Alt+P)</translation>
        </message>
        <message>
            <source>The service's procedure: the Lampiran IV classifications its standard names</source>
            <translation>Prosedur layanan: klasifikasi Lampiran IV yang disebut standarnya</translation>
        </message>
    </context>
    <context>
        <name>ProceduresTab</name>
        <message>
            <source>Number</source>
            <translation>Nomor</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>Steps</source>
            <translation>Langkah</translation>
        </message>
        <message>
            <source>New classification</source>
            <translation>Klasifikasi baru</translation>
        </message>
        <message>
            <source>Save classification</source>
            <translation>Simpan klasifikasi</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <source>Import Lampiran IV file…</source>
            <translation>Impor berkas Lampiran IV…</translation>
        </message>
        <message>
            <source>A standard names its classifications by number (“Klasifikasi 3, 7, 12, atau 16 … Lampiran IV”); the counter shows their steps during intake. A file holds “Klasifikasi N: name” lines each followed by numbered steps, or CSV columns nomor, nama, langkah (one row per step).</source>
            <translation>Standar menyebut klasifikasinya dengan nomor (“Klasifikasi 3, 7, 12, atau 16 … Lampiran IV”); loket menampilkan langkah-langkahnya saat penerimaan berkas. Berkas berisi baris “Klasifikasi N: nama” yang masing-masing diikuti langkah bernomor, atau CSV dengan kolom nomor, nama, langkah (satu baris per langkah).</translation>
        </message>
        <message>
            <source>Classification {number}: {name}</source>
            <translation>Klasifikasi {number}: {name}</translation>
        </message>
        <message numerus="yes">
            <source>%n classification(s) of Lampiran IV</source>
            <translation>
                <numerusform>%n klasifikasi Lampiran IV</numerusform>
            </translation>
        </message>
        <message>
            <source>Classification {number} saved.</source>
            <translation>Klasifikasi {number} disimpan.</translation>
        </message>
        <message>
            <source>Remove classification</source>
            <translation>Hapus klasifikasi</translation>
        </message>
        <message>
            <source>Remove classification {number} from the catalogue?</source>
            <translation>Hapus klasifikasi {number} dari katalog?</translation>
        </message>
        <message>
            <source>Classification {number} removed.</source>
            <translation>Klasifikasi {number} dihapus.</translation>
        </message>
        <message>
            <source>Import Lampiran IV</source>
            <translation>Impor Lampiran IV</translation>
        </message>
        <message>
            <source>Text or CSV (*.txt *.csv);;All files (*)</source>
            <translation>Teks atau CSV (*.txt *.csv);;Semua berkas (*)</translation>
        </message>
        <message numerus="yes">
            <source>%n classification(s) imported.</source>
            <translation>
                <numerusform>%n klasifikasi diimpor.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StandardsArea</name>
        <message>
            <source>Standards: evaluation and procedures</source>
            <translation>Standar: evaluasi dan prosedur</translation>
        </message>
        <message>
            <source>Performance evaluation</source>
            <translation>Evaluasi kinerja</translation>
        </message>
        <message>
            <source>Procedures (Lampiran IV)</source>
            <translation>Prosedur (Lampiran IV)</translation>
        </message>
    </context>
    <context>
        <name>RetentionArea</name>
        <message>
            <source>Personal data due for erasure</source>
            <translation>Data pribadi yang jatuh tempo untuk dihapus</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Muat ulang</translation>
        </message>
        <message>
            <source>Erase personal data past retention…</source>
            <translation>Hapus data pribadi yang lewat masa simpan…</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Jenis</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Nomor</translation>
        </message>
        <message>
            <source>Counted from</source>
            <translation>Dihitung sejak</translation>
        </message>
        <message>
            <source>Period ended</source>
            <translation>Masa simpan berakhir</translation>
        </message>
        <message>
            <source>Handed-over or rejected files</source>
            <translation>Berkas yang sudah diserahkan atau ditolak</translation>
        </message>
        <message>
            <source>Incomplete or cancelled visits</source>
            <translation>Kunjungan tidak lengkap atau dibatalkan</translation>
        </message>
        <message>
            <source>Closed complaints</source>
            <translation>Pengaduan yang sudah ditutup</translation>
        </message>
        <message>
            <source>Kept for: files {files} year(s) after hand-over or rejection, visits {visits} year(s), closed complaints {complaints} year(s) (Settings). Erasing empties the NIK, names, phone, e-mail, address and free texts and deletes receipts and attachments; numbers, dates, services and outcomes stay, so the statistics do not change.</source>
            <translation>Masa simpan: berkas {files} tahun setelah diserahkan atau ditolak, kunjungan {visits} tahun, pengaduan yang ditutup {complaints} tahun (Pengaturan). Penghapusan mengosongkan NIK, nama, telepon, e-mail, alamat dan teks bebas serta menghapus tanda terima dan lampiran; nomor, tanggal, layanan dan hasil tetap ada, sehingga statistik tidak berubah.</translation>
        </message>
        <message>
            <source>{count} record(s) due for erasure as of {day}.</source>
            <translation>{count} data jatuh tempo untuk dihapus per {day}.</translation>
        </message>
        <message>
            <source>Nothing is due for erasure.</source>
            <translation>Tidak ada data yang jatuh tempo untuk dihapus.</translation>
        </message>
        <message>
            <source>Checking what would be erased (dry run)…</source>
            <translation>Memeriksa apa yang akan dihapus (uji coba)…</translation>
        </message>
        <message>
            <source>Nothing was erased.</source>
            <translation>Tidak ada yang dihapus.</translation>
        </message>
        <message>
            <source>Erasing…</source>
            <translation>Menghapus…</translation>
        </message>
        <message>
            <source>{count} record(s) anonymised; {erased} receipt(s) and attachment(s) erased. The statistics are kept; the change reaches the server with the next sync.</source>
            <translation>{count} data dianonimkan; {erased} tanda terima dan lampiran dihapus. Statistik tetap; perubahan sampai ke server pada sinkronisasi berikutnya.</translation>
        </message>
        <message>
            <source>Erase personal data</source>
            <translation>Hapus data pribadi</translation>
        </message>
        <message>
            <source>The dry run found these records past their retention period:
{counts}

Erase their personal data now? This cannot be undone (only from a backup).</source>
            <translation>Uji coba menemukan data berikut yang sudah lewat masa simpannya:
{counts}

Hapus data pribadinya sekarang? Ini tidak dapat dibatalkan (hanya dari cadangan).</translation>
        </message>
    </context>
    <context>
        <name>ServedTwiceTab</name>
        <message>
            <source>Ticket</source>
            <translation>Tiket</translation>
        </message>
        <message>
            <source>Served offline at</source>
            <translation>Dilayani tanpa server di</translation>
        </message>
        <message>
            <source>counter {number} ({pc})</source>
            <translation>loket {number} ({pc})</translation>
        </message>
        <message>
            <source>Called there</source>
            <translation>Dipanggil di sana</translation>
        </message>
        <message>
            <source>Last offline action</source>
            <translation>Tindakan terakhir tanpa server</translation>
        </message>
        <message>
            <source>Also at</source>
            <translation>Juga di</translation>
        </message>
        <message>
            <source>counter {number}</source>
            <translation>loket {number}</translation>
        </message>
        <message>
            <source>Status there</source>
            <translation>Status di sana</translation>
        </message>
        <message>
            <source>Called there first</source>
            <translation>Pertama dipanggil di sana</translation>
        </message>
        <message>
            <source>A counter without the server served these tickets while another counter had called or served them. Check them with both counters.</source>
            <translation>Loket yang tidak tersambung ke server melayani tiket ini padahal loket lain telah memanggil atau melayaninya. Periksa bersama kedua loket.</translation>
        </message>
        <message>
            <source>No ticket was served twice on this day.</source>
            <translation>Tidak ada tiket yang dilayani dua kali pada hari ini.</translation>
        </message>
        <message>
            <source>The tickets served twice could not be read: {reason}</source>
            <translation>Daftar tiket yang dilayani dua kali tidak dapat dibaca: {reason}</translation>
        </message>
        <message>
            <source>Checked</source>
            <translation>Diperiksa</translation>
        </message>
        <message>
            <source>Mark as checked</source>
            <translation>Tandai sudah diperiksa</translation>
        </message>
        <message>
            <source>The selected ticket was looked into with both counters: your name and the time are kept with it, and it stays in the list.</source>
            <translation>Tiket yang dipilih sudah diperiksa bersama kedua loket: nama Anda dan waktunya disimpan bersamanya, dan tiket tetap ada di daftar.</translation>
        </message>
        <message>
            <source>not yet</source>
            <translation>belum</translation>
        </message>
        <message>
            <source>Ticket {code} is marked as checked.</source>
            <translation>Tiket {code} sudah ditandai diperiksa.</translation>
        </message>
        <message>
            <source>Every ticket served twice on this day has been checked.</source>
            <translation>Semua tiket yang dilayani dua kali pada hari ini sudah diperiksa.</translation>
        </message>
    </context>
    <context>
        <name>OfflineCallingBox</name>
        <message>
            <source>Counters may call offline from the last known waiting list</source>
            <translation>Loket boleh memanggil tanpa server dari daftar tunggu terakhir yang diketahui</translation>
        </message>
        <message>
            <source>When a counter PC loses the queue server it can always serve the number it has. With this on, it may also call the next number from the last waiting list it received; a number another counter called meanwhile is then shown in the queue statistics as served twice.</source>
            <translation>Bila PC loket kehilangan server antrian, nomor yang sedang dilayaninya selalu dapat diselesaikan. Bila ini aktif, loket juga boleh memanggil nomor berikutnya dari daftar tunggu terakhir yang diterimanya; nomor yang sementara itu dipanggil loket lain tampil di statistik antrian sebagai dilayani dua kali.</translation>
        </message>
        <message>
            <source>Counters may now call from the last known waiting list when the server is away.</source>
            <translation>Loket kini boleh memanggil dari daftar tunggu terakhir yang diketahui saat server tidak tersambung.</translation>
        </message>
        <message>
            <source>Counters without the server now only serve the number they have.</source>
            <translation>Loket tanpa server kini hanya melayani nomor yang sedang dipegangnya.</translation>
        </message>
    </context>
    <context>
        <name>BookingKeypad</name>
        <message>
            <source>Booking code typed</source>
            <translation>Kode booking yang diketik</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Kembali</translation>
        </message>
        <message>
            <source>Take my number</source>
            <translation>Ambil nomor saya</translation>
        </message>
    </context>
    <context>
        <name>KioskBooking</name>
        <message>
            <source>Have a booking code? Type it or scan its QR code</source>
            <translation>Punya kode booking? Ketik atau pindai kode QR-nya</translation>
        </message>
        <message>
            <source>Have a booking code?</source>
            <translation>Punya kode booking?</translation>
        </message>
        <message>
            <source>Type the 8 characters of your booking code, or hold its QR code under the scanner.</source>
            <translation>Ketik 8 karakter kode booking Anda, atau dekatkan kode QR-nya ke pemindai.</translation>
        </message>
        <message>
            <source>No number was issued for this booking</source>
            <translation>Nomor antrian untuk booking ini tidak dapat diberikan</translation>
        </message>
    </context>
    <context>
        <name>CheckedNoteDialog</name>
        <message>
            <source>Mark as checked</source>
            <translation>Tandai sudah diperiksa</translation>
        </message>
        <message>
            <source>Ticket {code} of {day}, served at counter {one} and at counter {two}: mark it as checked? It stays in the list, with your name and the time.</source>
            <translation>Tiket {code} tanggal {day}, dilayani di loket {one} dan di loket {two}: tandai sudah diperiksa? Tiket tetap ada di daftar, dengan nama Anda dan waktunya.</translation>
        </message>
        <message>
            <source>Note (optional), e.g. what the two counters said</source>
            <translation>Catatan (opsional), mis. keterangan kedua loket</translation>
        </message>
    </context>
</TS>
