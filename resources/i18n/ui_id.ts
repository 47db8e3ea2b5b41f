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
        <message>
            <source>Queue</source>
            <translation>Antrian</translation>
        </message>
        <message>
            <source>Calling the next number, recall, transfer and finishing a visit will appear here.</source>
            <translation>Memanggil nomor berikutnya, panggil ulang, alihkan dan menyelesaikan layanan akan tersedia di sini.</translation>
        </message>
        <message>
            <source>Intake</source>
            <translation>Penerimaan berkas</translation>
        </message>
        <message>
            <source>Checking an applicant's documents against the service standard and registering the file will appear here.</source>
            <translation>Pemeriksaan berkas pemohon terhadap standar pelayanan dan pendaftaran berkas akan tersedia di sini.</translation>
        </message>
        <message>
            <source>Search files</source>
            <translation>Cari berkas</translation>
        </message>
        <message>
            <source>Finding a registered file by number, NIK or name will appear here.</source>
            <translation>Pencarian berkas terdaftar menurut nomor, NIK atau nama akan tersedia di sini.</translation>
        </message>
    </context>
    <context>
        <name>ComplaintsHome</name>
        <message>
            <source>Complaints</source>
            <translation>Pengaduan</translation>
        </message>
        <message>
            <source>Complaint register</source>
            <translation>Register pengaduan</translation>
        </message>
        <message>
            <source>Recording complaints, suggestions and feedback from every channel, their classification and follow-up within 14 working days will appear here.</source>
            <translation>Pencatatan pengaduan, saran dan masukan dari semua saluran, klasifikasi dan tindak lanjutnya dalam 14 hari kerja akan tersedia di sini.</translation>
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
    </context>
    <context>
        <name>PinPanel</name>
        <message>
            <source>Administrator PIN</source>
            <translation>PIN administrator</translation>
        </message>
        <message>
            <source>Only an administrator can leave this screen.</source>
            <translation>Hanya administrator yang dapat keluar dari layar ini.</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>PIN</translation>
        </message>
        <message>
            <source>Wrong PIN.</source>
            <translation>PIN salah.</translation>
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
</TS>
