<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<context>
    <name>cli</name>
    <message>
        <source>{arg}: {value} is not a whole number.</source>
        <translation>{arg}: {value} bukan bilangan bulat.</translation>
    </message>
    <message>
        <source>{arg}: {value} is not one of {choices}.</source>
        <translation>{arg}: {value} bukan salah satu dari {choices}.</translation>
    </message>
    <message>
        <source>{arg} needs a value.</source>
        <translation>{arg} perlu diberi nilai.</translation>
    </message>
    <message>
        <source>{arg} cannot be used together with {other}.</source>
        <translation>{arg} tidak dapat dipakai bersama {other}.</translation>
    </message>
    <message>
        <source>{arg} takes no value ({value}).</source>
        <translation>{arg} tidak menerima nilai ({value}).</translation>
    </message>
    <message>
        <source>Missing: {args}.</source>
        <translation>Belum diisi: {args}.</translation>
    </message>
    <message>
        <source>Not understood: {args}.</source>
        <translation>Tidak dikenali: {args}.</translation>
    </message>
    <message>
        <source>{arg}: {message}</source>
        <translation>{arg}: {message}</translation>
    </message>
    <message>
        <source>write a whole number from {low} to {high}, not {value}.</source>
        <translation>tulis bilangan bulat {low} sampai {high}, bukan {value}.</translation>
    </message>
    <message>
        <source>{value} is not a record id (like 0b7e2a9c-1f3d-4c55-9a0e-6d2f8b1c4e7a).</source>
        <translation>{value} bukan id data (seperti 0b7e2a9c-1f3d-4c55-9a0e-6d2f8b1c4e7a).</translation>
    </message>
    <message>
        <source>the text is {length} characters long; at most {maximum} are accepted.</source>
        <translation>teks sepanjang {length} karakter; paling banyak {maximum} yang diterima.</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name in it.</source>
        <translation>{path} adalah folder; berikan nama berkas di dalamnya.</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist.</source>
        <translation>folder {folder} tidak ada.</translation>
    </message>
    <message>
        <source>{path} cannot be written (no permission).</source>
        <translation>{path} tidak dapat ditulisi (tidak ada izin).</translation>
    </message>
    <message>
        <source>A value of {length} characters was given; at most {maximum} are accepted. Nothing was done.</source>
        <translation>Diberikan nilai sepanjang {length} karakter; paling banyak {maximum} yang diterima. Tidak ada yang dilakukan.</translation>
    </message>
    <message>
        <source>Unexpected error ({kind}); the details are in {log}.</source>
        <translation>Galat tak terduga ({kind}); rinciannya ada di {log}.</translation>
    </message>
    <message>
        <source>Backup written: {path} ({size} KB, {when}); its copy of the database is intact.</source>
        <translation>Cadangan ditulis: {path} ({size} KB, {when}); salinan basis datanya utuh.</translation>
    </message>
    <message>
        <source>Rotation: {count} older backups deleted.</source>
        <translation>Rotasi: {count} cadangan lama dihapus.</translation>
    </message>
    <message>
        <source>Restored from {file}. The database that was in place is kept in {aside}.</source>
        <translation>Dipulihkan dari {file}. Basis data yang sebelumnya terpasang disimpan di {aside}.</translation>
    </message>
    <message>
        <source>Support bundle written: {path} (no database, no keys; logs masked).</source>
        <translation>Berkas dukungan ditulis: {path} (tanpa basis data, tanpa kunci; log disamarkan).</translation>
    </message>
    <message>
        <source>handed-over or rejected files</source>
        <translation>berkas yang sudah diserahkan atau ditolak</translation>
    </message>
    <message>
        <source>incomplete or cancelled visits</source>
        <translation>kunjungan tidak lengkap atau dibatalkan</translation>
    </message>
    <message>
        <source>closed complaints</source>
        <translation>pengaduan yang sudah ditutup</translation>
    </message>
    <message>
        <source>Personal data due for erasure: {count} records.</source>
        <translation>Data pribadi yang jatuh tempo untuk dihapus: {count} catatan.</translation>
    </message>
    <message>
        <source>Dry run: {count} records would be anonymised; nothing was changed.</source>
        <translation>Uji coba: {count} catatan akan dianonimkan; tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>{count} records anonymised, {tombstones} receipts and attachments erased ({files} files); the statistics are kept.</source>
        <translation>{count} catatan dianonimkan, {tombstones} tanda terima dan lampiran dihapus ({files} berkas); statistik tetap tersimpan.</translation>
    </message>
    <message>
        <source>No database yet in {folder}: the app makes it at its first start.</source>
        <translation>Belum ada basis data di {folder}: aplikasi membuatnya saat pertama kali dijalankan.</translation>
    </message>
    <message>
        <source>{path} is not an SQLite database or is damaged; restore a backup (mpp-desk restore).</source>
        <translation>{path} bukan basis data SQLite atau rusak; pulihkan cadangan (mpp-desk restore).</translation>
    </message>
    <message>
        <source>The database cannot be read ({reason}); restore a backup (mpp-desk restore).</source>
        <translation>Basis data tidak dapat dibaca ({reason}); pulihkan cadangan (mpp-desk restore).</translation>
    </message>
    <message>
        <source>The database is damaged ({detail}); restore a backup (mpp-desk restore).</source>
        <translation>Basis data rusak ({detail}); pulihkan cadangan (mpp-desk restore).</translation>
    </message>
    <message>
        <source>The database was made by a newer MPP Desk (schema {revision}); install that version.</source>
        <translation>Basis data dibuat oleh MPP Desk yang lebih baru (skema {revision}); pasang versi itu.</translation>
    </message>
    <message>
        <source>Database intact (schema {revision}, {size} MB).</source>
        <translation>Basis data utuh (skema {revision}, {size} MB).</translation>
    </message>
    <message>
        <source>Only {free_mb} MB free on the disk of {folder}: the database and receipts may fail to save. Free some space.</source>
        <translation>Hanya {free_mb} MB tersisa di disk {folder}: basis data dan tanda terima bisa gagal disimpan. Kosongkan sebagian ruang.</translation>
    </message>
    <message>
        <source>{free_mb} MB free on the disk of {folder}: getting low.</source>
        <translation>{free_mb} MB tersisa di disk {folder}: mulai menipis.</translation>
    </message>
    <message>
        <source>{free_mb} MB free on the disk of {folder}.</source>
        <translation>{free_mb} MB tersisa di disk {folder}.</translation>
    </message>
    <message>
        <source>No automatic backup yet (the app makes one a day; or run mpp-desk backup).</source>
        <translation>Belum ada cadangan otomatis (aplikasi membuat satu per hari; atau jalankan mpp-desk backup).</translation>
    </message>
    <message>
        <source>Newest backup: {when} ({days} days ago), {count} kept.</source>
        <translation>Cadangan terbaru: {when} ({days} hari lalu), {count} disimpan.</translation>
    </message>
    <message>
        <source>Key files missing: {files}. Receipts cannot be signed or the audit trail checked until they are restored from a backup.</source>
        <translation>Berkas kunci hilang: {files}. Tanda terima tidak dapat ditandatangani dan jejak audit tidak dapat diperiksa sampai kunci dipulihkan dari cadangan.</translation>
    </message>
    <message>
        <source>Signing and audit keys present.</source>
        <translation>Kunci tanda tangan dan kunci audit ada.</translation>
    </message>
    <message>
        <source>The log folder {folder} cannot be written.</source>
        <translation>Folder log {folder} tidak dapat ditulisi.</translation>
    </message>
    <message>
        <source>Logs in {folder} ({size} KB).</source>
        <translation>Log di {folder} ({size} KB).</translation>
    </message>
    <message>
        <source>receipt printer</source>
        <translation>printer tanda terima</translation>
    </message>
    <message>
        <source>ticket printer</source>
        <translation>printer tiket</translation>
    </message>
    <message>
        <source>No {printer} set on this PC.</source>
        <translation>Belum ada {printer} yang diatur di PC ini.</translation>
    </message>
    <message>
        <source>The {printer} at {address} does not answer ({reason}): is it on and connected?</source>
        <translation>{printer} di {address} tidak menjawab ({reason}): apakah menyala dan tersambung?</translation>
    </message>
    <message>
        <source>The {printer} answers at {address}.</source>
        <translation>{printer} menjawab di {address}.</translation>
    </message>
    <message>
        <source>The {printer} device {device} is not there: is it plugged in?</source>
        <translation>Perangkat {printer} {device} tidak ada: apakah sudah dicolokkan?</translation>
    </message>
    <message>
        <source>The {printer} device {device} cannot be written by this user.</source>
        <translation>Perangkat {printer} {device} tidak dapat ditulisi oleh pengguna ini.</translation>
    </message>
    <message>
        <source>The {printer} device {device} is there.</source>
        <translation>Perangkat {printer} {device} ada.</translation>
    </message>
    <message>
        <source>Cannot check the {printer} {queue}: lpstat is not installed.</source>
        <translation>Tidak dapat memeriksa {printer} {queue}: lpstat belum terpasang.</translation>
    </message>
    <message>
        <source>The {printer} {queue} is not known to the print system.</source>
        <translation>{printer} {queue} tidak dikenal oleh sistem cetak.</translation>
    </message>
    <message>
        <source>The {printer} {queue} is known to the print system.</source>
        <translation>{printer} {queue} dikenal oleh sistem cetak.</translation>
    </message>
    <message>
        <source>The {printer} writes PDFs to {folder}, which cannot be written.</source>
        <translation>{printer} menulis PDF ke {folder}, yang tidak dapat ditulisi.</translation>
    </message>
    <message>
        <source>The {printer} writes PDFs to {folder}.</source>
        <translation>{printer} menulis PDF ke {folder}.</translation>
    </message>
    <message>
        <source>The {printer} setting {spec} is not understood.</source>
        <translation>Pengaturan {printer} {spec} tidak dikenali.</translation>
    </message>
    <message>
        <source>The {printer} (USB {ids}) is plugged in.</source>
        <translation>{printer} (USB {ids}) sudah tercolok.</translation>
    </message>
    <message>
        <source>The {printer} (USB {ids}) is not plugged in or not switched on.</source>
        <translation>{printer} (USB {ids}) tidak tercolok atau tidak menyala.</translation>
    </message>
    <message>
        <source>Cannot look for the {printer} (USB {ids}) on this system.</source>
        <translation>Tidak dapat mencari {printer} (USB {ids}) di sistem ini.</translation>
    </message>
    <message>
        <source>sync.json cannot be read ({reason}).</source>
        <translation>sync.json tidak dapat dibaca ({reason}).</translation>
    </message>
    <message>
        <source>This PC has not joined a central server (standalone).</source>
        <translation>PC ini belum bergabung dengan server pusat (mandiri).</translation>
    </message>
    <message>
        <source>The central server {url} cannot be reached ({reason}).</source>
        <translation>Server pusat {url} tidak dapat dihubungi ({reason}).</translation>
    </message>
    <message>
        <source>The central server {url} answered {code}.</source>
        <translation>Server pusat {url} menjawab {code}.</translation>
    </message>
    <message>
        <source>The central server {url} answers.</source>
        <translation>Server pusat {url} menjawab.</translation>
    </message>
    <message>
        <source>The server does not say its time.</source>
        <translation>Server tidak menyebutkan jamnya.</translation>
    </message>
    <message>
        <source>This PC's clock is {skew} s from the server's (receipts and due dates use it; set the time automatically).</source>
        <translation>Jam PC ini selisih {skew} detik dari jam server (tanda terima dan tanggal jatuh tempo memakainya; atur waktu otomatis).</translation>
    </message>
    <message>
        <source>Cannot look for a barcode scanner on this system; scan a receipt's QR code in the app to test it.</source>
        <translation>Tidak dapat mencari pemindai kode batang di sistem ini; pindai kode QR tanda terima di aplikasi untuk mengujinya.</translation>
    </message>
    <message>
        <source>Barcode scanner found: {device}.</source>
        <translation>Pemindai kode batang ditemukan: {device}.</translation>
    </message>
    <message>
        <source>No barcode scanner found among the USB devices (a scanner that names itself as a plain keyboard is not recognised: scan a QR code in the app to test it).</source>
        <translation>Tidak ada pemindai kode batang di antara perangkat USB (pemindai yang mengaku sebagai papan ketik biasa tidak dikenali: pindai kode QR di aplikasi untuk mengujinya).</translation>
    </message>
</context>
</TS>
