<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<context>
    <name>errors</name>
    <message>
        <source>Choose a PNG or JPEG file.</source>
        <translation>Pilih berkas PNG atau JPEG.</translation>
    </message>
    <message>
        <source>Use letters, digits and hyphens only, such as lantai-1.</source>
        <translation>Gunakan huruf, angka, dan tanda hubung saja, misalnya lantai-1.</translation>
    </message>
    <message>
        <source>The serial number in the NIK (the last 4 digits) cannot be 0000.</source>
        <translation>Nomor urut pada NIK (4 angka terakhir) tidak boleh 0000.</translation>
    </message>
    <message>
        <source>Cannot create the data folder {folder}: {reason}</source>
        <translation>Folder data {folder} tidak dapat dibuat: {reason}</translation>
    </message>
    <message>
        <source>The data folder {folder} is read-only.</source>
        <translation>Folder data {folder} hanya-baca (tidak dapat ditulisi).</translation>
    </message>
    <message>
        <source>The database file {path} is read-only. Ask the administrator to fix its permissions.</source>
        <translation>Berkas basis data {path} hanya-baca. Minta administrator memperbaiki izin aksesnya.</translation>
    </message>
    <message>
        <source>The file {path} is not an MPP Desk database or is damaged. It was not changed.</source>
        <translation>Berkas {path} bukan basis data MPP Desk atau rusak. Berkas tidak diubah.</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({detail}). It was not changed; restore a backup.</source>
        <translation>Basis data {path} rusak ({detail}). Berkas tidak diubah; pulihkan dari cadangan.</translation>
    </message>
    <message>
        <source>The database {path} is locked by another program. Try again in a moment.</source>
        <translation>Basis data {path} sedang dikunci oleh program lain. Coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>The database {path} cannot be opened: {reason}</source>
        <translation>Basis data {path} tidak dapat dibuka: {reason}</translation>
    </message>
    <message>
        <source>The database {path} cannot switch to WAL mode ({mode}).</source>
        <translation>Basis data {path} tidak dapat beralih ke mode WAL ({mode}).</translation>
    </message>
    <message>
        <source>The database {path} was made by a newer version of MPP Desk (schema {revision}). Install the newer version; the file was not changed.</source>
        <translation>Basis data {path} dibuat oleh versi MPP Desk yang lebih baru (skema {revision}). Pasang versi yang lebih baru; berkas tidak diubah.</translation>
    </message>
    <message>
        <source>The audit trail's key file is missing ({path}). No new key is made, because the entries already written can only be checked with the original. IT staff: please restore the key file from the backup.</source>
        <translation>Berkas kunci jejak audit tidak ada ({path}). Kunci baru tidak dibuat, karena entri yang sudah tertulis hanya dapat diperiksa dengan kunci aslinya. Petugas TI: mohon memulihkan berkas kunci dari cadangan.</translation>
    </message>
    <message>
        <source>The audit trail's key file {path} is damaged. IT staff: please restore the key file from the backup.</source>
        <translation>Berkas kunci jejak audit {path} rusak. Petugas TI: mohon memulihkan berkas kunci dari cadangan.</translation>
    </message>
    <message>
        <source>The signing key of this installation is missing ({path}). No new key is made, because every code already printed can only be checked with the original. IT staff: please restore the key file from the backup.</source>
        <translation>Kunci tanda tangan instalasi ini tidak ada ({path}). Kunci baru tidak dibuat, karena setiap kode yang sudah dicetak hanya dapat diperiksa dengan kunci aslinya. Petugas TI: mohon memulihkan berkas kunci dari cadangan.</translation>
    </message>
    <message>
        <source>The signing key file {path} is damaged and cannot be used. IT staff: please restore the key file from the backup.</source>
        <translation>Berkas kunci tanda tangan {path} rusak dan tidak dapat dipakai. Petugas TI: mohon memulihkan berkas kunci dari cadangan.</translation>
    </message>
    <message>
        <source>The signing key file {path} is not this installation's key (found {found}, expected {expected}). IT staff: please restore the original key file from the backup.</source>
        <translation>Berkas kunci tanda tangan {path} bukan kunci instalasi ini (ditemukan {found}, seharusnya {expected}). Petugas TI: mohon memulihkan berkas kunci asli dari cadangan.</translation>
    </message>
    <message>
        <source>Type at least one letter or digit of the name, number or NIK to search.</source>
        <translation>Ketik sedikitnya satu huruf atau angka dari nama, nomor, atau NIK untuk mencari.</translation>
    </message>
    <message>
        <source>A search has at most {words} words and {chars} characters.</source>
        <translation>Pencarian paling banyak {words} kata dan {chars} karakter.</translation>
    </message>
    <message>
        <source>The database file {path} is empty (0 bytes): it is damaged, not a new installation. It was not changed; restore a backup, or remove the file to set up a new office.</source>
        <translation>Berkas basis data {path} kosong (0 bita): berkas rusak, bukan pemasangan baru. Berkas tidak diubah; pulihkan cadangan, atau hapus berkas itu untuk menyiapkan kantor baru.</translation>
    </message>
    <message>
        <source>The file {path} belongs to another program (it has tables but is not an MPP Desk database). It was not changed.</source>
        <translation>Berkas {path} milik program lain (berisi tabel, tetapi bukan basis data MPP Desk). Berkas tidak diubah.</translation>
    </message>
    <message>
        <source>There is no database to back up in {folder}.</source>
        <translation>Tidak ada basis data untuk dicadangkan di {folder}.</translation>
    </message>
    <message>
        <source>The backup folder {folder} cannot be written.</source>
        <translation>Folder cadangan {folder} tidak dapat ditulisi.</translation>
    </message>
    <message>
        <source>The database could not be copied: {reason}</source>
        <translation>Basis data tidak dapat disalin: {reason}</translation>
    </message>
    <message>
        <source>The copy of the database is damaged ({detail}); no backup was kept. Run mpp-desk doctor.</source>
        <translation>Salinan basis data rusak ({detail}); tidak ada cadangan yang disimpan. Jalankan mpp-desk doctor.</translation>
    </message>
    <message>
        <source>The backup could not be written to {folder}: {reason}</source>
        <translation>Cadangan tidak dapat ditulis ke {folder}: {reason}</translation>
    </message>
    <message>
        <source>The file {path} is not an MPP Desk backup. Nothing was changed.</source>
        <translation>Berkas {path} bukan cadangan MPP Desk. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>The backup {path} is damaged ({detail}). Nothing was changed.</source>
        <translation>Cadangan {path} rusak ({detail}). Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>The backup {path} was made by a newer version of MPP Desk (schema {revision}). Install that version first. Nothing was changed.</source>
        <translation>Cadangan {path} dibuat oleh MPP Desk versi yang lebih baru (skema {revision}). Pasang versi itu dulu. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>Berkas {path} tidak ada.</translation>
    </message>
    <message>
        <source>MPP Desk is still open on this PC (the app, the kiosk, the board or a command). Close it first; nothing was changed.</source>
        <translation>MPP Desk masih terbuka di PC ini (aplikasi, kios, papan, atau perintah). Tutup dulu; tidak ada yang diubah.</translation>
    </message>
</context>
</TS>
