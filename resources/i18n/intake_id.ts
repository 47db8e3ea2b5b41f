<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
    <context>
        <name>intake</name>
    <message>
        <source>Not met</source>
        <translation>Tidak terpenuhi</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Terpenuhi</translation>
    </message>
        <message>
            <source>overdue by {days} working day(s)</source>
            <translation>terlambat {days} hari kerja</translation>
        </message>
        <message>
            <source>due today</source>
            <translation>jatuh tempo hari ini</translation>
        </message>
        <message>
            <source>{count} file(s)</source>
            <translation>{count} berkas</translation>
        </message>
        <message>
            <source>{visits} visit(s), median {median} min, p90 {p90} min</source>
            <translation>{visits} kunjungan, median {median} menit, p90 {p90} menit</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Diterima</translation>
        </message>
        <message>
            <source>In process</source>
            <translation>Dalam proses</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>Selesai</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Ditolak</translation>
        </message>
        <message>
            <source>Handed over</source>
            <translation>Sudah diserahkan</translation>
        </message>
        <message>
            <source>Incomplete (returned)</source>
            <translation>Belum lengkap (dikembalikan)</translation>
        </message>
        <message>
            <source>Present and valid</source>
            <translation>Ada dan sesuai</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>Tidak ada</translation>
        </message>
        <message>
            <source>Not valid</source>
            <translation>Tidak sesuai</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Perorangan</translation>
        </message>
        <message>
            <source>Business</source>
            <translation>Badan usaha</translation>
        </message>
    </context>
    <context>
        <name>receipts</name>
    <message>
        <source>This code is of a COPY (print {copy}), not of the original.</source>
        <translation>Kode ini milik SALINAN (cetakan ke-{copy}), bukan tanda terima asli.</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Yang menerima</translation>
    </message>
    <message>
        <source>Handed over by</source>
        <translation>Yang menyerahkan</translation>
    </message>
    <message>
        <source>{product}: issued electronically through OSS (oss.go.id), nothing to collect at the counter. Keep this receipt.</source>
        <translation>{product}: terbit secara elektronik melalui OSS (oss.go.id), tidak perlu diambil di loket. Simpan tanda terima ini.</translation>
    </message>
    <message>
        <source>Requirements checked: all met</source>
        <translation>Persyaratan diperiksa: semua terpenuhi</translation>
    </message>
    <message>
        <source>Person in charge/Proxy</source>
        <translation>Penanggung jawab/Kuasa</translation>
    </message>
    <message>
        <source>The date may move: the cuti bersama of {year} are not decreed yet.</source>
        <translation>Tanggal dapat bergeser: cuti bersama tahun {year} belum ditetapkan.</translation>
    </message>
    <message>
        <source>{date} (estimate)</source>
        <translation>{date} (perkiraan)</translation>
    </message>
    <message>
        <source>B. Special requirements</source>
        <translation>B. Persyaratan Khusus</translation>
    </message>
    <message>
        <source>A. General requirements</source>
        <translation>A. Persyaratan Umum</translation>
    </message>
        <message>
            <source>registration number</source>
            <translation>nomor registrasi</translation>
        </message>
        <message>
            <source>NIK</source>
            <translation>NIK</translation>
        </message>
        <message>
            <source>KBLI</source>
            <translation>KBLI</translation>
        </message>
        <message>
            <source>date received</source>
            <translation>tanggal diterima</translation>
        </message>
        <message>
            <source>due date</source>
            <translation>batas waktu penyelesaian</translation>
        </message>
        <message>
            <source>copy number</source>
            <translation>nomor salinan</translation>
        </message>
        <message>
            <source>RECEIPT OF APPLICATION FILE</source>
            <translation>TANDA TERIMA BERKAS PERMOHONAN</translation>
        </message>
        <message>
            <source>FILE NOT YET COMPLETE</source>
            <translation>BERKAS BELUM LENGKAP</translation>
        </message>
        <message>
            <source>The application file was received complete and correct.</source>
            <translation>Berkas permohonan telah diterima lengkap dan benar.</translation>
        </message>
        <message>
            <source>Return slip: the file was not registered.</source>
            <translation>Tanda pengembalian berkas: berkas belum didaftarkan.</translation>
        </message>
        <message>
            <source>COPY</source>
            <translation>SALINAN</translation>
        </message>
        <message>
            <source>Registration number</source>
            <translation>Nomor registrasi</translation>
        </message>
        <message>
            <source>Visit reference</source>
            <translation>Referensi kunjungan</translation>
        </message>
        <message>
            <source>{product} · Risk {risk}</source>
            <translation>{product} · Risiko {risk}</translation>
        </message>
        <message>
            <source>{date} at {time} WIB</source>
            <translation>{date} pukul {time} WIB</translation>
        </message>
        <message>
            <source>{name} (counter {number})</source>
            <translation>{name} (Loket {number})</translation>
        </message>
        <message>
            <source>{days} working days after the complete file was received</source>
            <translation>{days} hari kerja sejak berkas diterima lengkap dan benar</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Layanan</translation>
        </message>
        <message>
            <source>Service product</source>
            <translation>Produk layanan</translation>
        </message>
        <message>
            <source>Fee</source>
            <translation>Biaya/tarif</translation>
        </message>
        <message>
            <source>Applicant</source>
            <translation>Pemohon</translation>
        </message>
        <message>
            <source>Business</source>
            <translation>Nama usaha</translation>
        </message>
        <message>
            <source>NIB</source>
            <translation>NIB</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Diterima</translation>
        </message>
        <message>
            <source>Visit date</source>
            <translation>Tanggal kunjungan</translation>
        </message>
        <message>
            <source>Officer</source>
            <translation>Petugas</translation>
        </message>
        <message>
            <source>To be finished by</source>
            <translation>Selesai paling lambat</translation>
        </message>
        <message>
            <source>Missing or not valid</source>
            <translation>Belum ada atau tidak sesuai</translation>
        </message>
        <message>
            <source>{count} requirement(s)</source>
            <translation>{count} persyaratan</translation>
        </message>
        <message>
            <source>The file is not registered yet; the completion time has not started.</source>
            <translation>Berkas belum didaftarkan; jangka waktu penyelesaian belum berjalan.</translation>
        </message>
        <message>
            <source>Requirements checked: all present and valid</source>
            <translation>Persyaratan diperiksa: semua ada dan sesuai</translation>
        </message>
        <message>
            <source>Requirements to complete</source>
            <translation>Persyaratan yang harus dilengkapi</translation>
        </message>
        <message>
            <source>{count} other requirement(s) were present and valid.</source>
            <translation>{count} persyaratan lain sudah ada dan sesuai.</translation>
        </message>
        <message>
            <source>Note: {note}</source>
            <translation>Catatan: {note}</translation>
        </message>
        <message>
            <source>Keep this receipt and bring it when you collect the result.</source>
            <translation>Simpan tanda terima ini dan bawa saat mengambil hasil layanan.</translation>
        </message>
        <message>
            <source>Complete the requirements above and come back with this slip. The completion time starts only when the file is complete and correct.</source>
            <translation>Lengkapi persyaratan di atas, lalu datang kembali dengan membawa lembar ini. Jangka waktu penyelesaian baru dihitung sejak berkas diterima lengkap dan benar.</translation>
        </message>
        <message>
            <source>Scan the QR code to check that this receipt is genuine.</source>
            <translation>Pindai kode QR untuk memeriksa keaslian tanda terima ini.</translation>
        </message>
        <message>
            <source>Show this QR code at the counter on your next visit.</source>
            <translation>Tunjukkan kode QR ini di loket pada kunjungan berikutnya.</translation>
        </message>
        <message>
            <source>Complaints, suggestions and feedback</source>
            <translation>Pengaduan, saran dan masukan</translation>
        </message>
        <message>
            <source>Printed {moment}</source>
            <translation>Dicetak {moment}</translation>
        </message>
        <message>
            <source>Copy {number}</source>
            <translation>Salinan ke-{number}</translation>
        </message>
        <message>
            <source>Page {page} of {pages}</source>
            <translation>Halaman {page} dari {pages}</translation>
        </message>
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
            <translation>Hasil pemeriksaan</translation>
        </message>
        <message>
            <source>The receipt is genuine.</source>
            <translation>Tanda terima ini asli.</translation>
        </message>
        <message>
            <source>This is not an MPP Desk receipt, or the code is damaged.</source>
            <translation>Ini bukan tanda terima MPP Desk, atau kodenya rusak.</translation>
        </message>
        <message>
            <source>The receipt was signed by an installation this one does not know.</source>
            <translation>Tanda terima ditandatangani oleh instalasi yang tidak dikenal di sini.</translation>
        </message>
        <message>
            <source>The receipt is not genuine: it was altered or forged.</source>
            <translation>Tanda terima TIDAK asli: isinya diubah atau dipalsukan.</translation>
        </message>
        <message>
            <source>This code is genuine but it is not an intake receipt.</source>
            <translation>Kode ini asli, tetapi bukan tanda terima berkas.</translation>
        </message>
        <message>
            <source>The receipt does not match the file on record.</source>
            <translation>Tanda terima tidak cocok dengan berkas yang tercatat.</translation>
        </message>
        <message>
            <source>Different from the record: {fields}.</source>
            <translation>Berbeda dari catatan: {fields}.</translation>
        </message>
        <message>
        <source>The receipt is not genuine here: this office has no record of it.</source>
        <translation>Tanda terima ini tidak sah di sini: kantor ini tidak memiliki catatannya.</translation>
    </message>
    <message>
        <source>The receipt is not genuine: its address is not this office's verification address.</source>
        <translation>Tanda terima ini tidak asli: alamatnya bukan alamat verifikasi kantor ini.</translation>
    </message>
    <message>
        <source>kind of receipt</source>
        <translation>jenis tanda terima</translation>
    </message>
</context>
    <context>
        <name>errors</name>
        <message>
            <source>Unknown receipt size {size}.</source>
            <translation>Ukuran tanda terima {size} tidak dikenal.</translation>
        </message>
        <message>
            <source>This intake visit does not exist.</source>
            <translation>Kunjungan penerimaan berkas ini tidak ada.</translation>
        </message>
        <message>
            <source>A receipt is printed only once the visit is registered or returned.</source>
            <translation>Tanda terima baru dapat dicetak setelah berkas didaftarkan atau dikembalikan.</translation>
        </message>
        <message>
            <source>This receipt does not exist.</source>
            <translation>Tanda terima ini tidak ada.</translation>
        </message>
        <message>
            <source>The kept copy of this receipt is missing ({path}).</source>
            <translation>Arsip PDF tanda terima ini hilang ({path}).</translation>
        </message>
        <message>
            <source>The kept copy of this receipt was changed after it was issued ({path}).</source>
            <translation>Arsip PDF tanda terima ini berubah setelah diterbitkan ({path}).</translation>
        </message>
        <message>
            <source>Choose whether the applicant is a person or a business.</source>
            <translation>Pilih apakah pemohon perorangan atau badan usaha.</translation>
        </message>
        <message>
            <source>The address is too long (at most {maximum} characters).</source>
            <translation>Alamat terlalu panjang (paling banyak {maximum} karakter).</translation>
        </message>
        <message>
            <source>Enter the applicant's name as on the KTP.</source>
            <translation>Isi nama pemohon sesuai KTP.</translation>
        </message>
        <message>
            <source>The name is too long (at most {maximum} characters).</source>
            <translation>Nama terlalu panjang (paling banyak {maximum} karakter).</translation>
        </message>
        <message>
            <source>A name needs at least one letter.</source>
            <translation>Nama harus memuat setidaknya satu huruf.</translation>
        </message>
        <message>
            <source>Enter the business name.</source>
            <translation>Isi nama badan usaha.</translation>
        </message>
        <message>
            <source>The business name is too long (at most {maximum} characters).</source>
            <translation>Nama badan usaha terlalu panjang (paling banyak {maximum} karakter).</translation>
        </message>
        <message>
            <source>Unknown checklist state {state}.</source>
            <translation>Status persyaratan {state} tidak dikenal.</translation>
        </message>
        <message>
            <source>A note may have at most {maximum} characters.</source>
            <translation>Catatan paling banyak {maximum} karakter.</translation>
        </message>
        <message>
            <source>Unknown status {status}.</source>
            <translation>Status {status} tidak dikenal.</translation>
        </message>
        <message>
            <source>A file that is “{current}” cannot become “{target}”.</source>
            <translation>Berkas berstatus “{current}” tidak dapat diubah menjadi “{target}”.</translation>
        </message>
        <message>
            <source>Give the reason for the rejection.</source>
            <translation>Isi alasan penolakan.</translation>
        </message>
        <message>
            <source>The reason is too long (at most {maximum} characters).</source>
            <translation>Alasan terlalu panjang (paling banyak {maximum} karakter).</translation>
        </message>
        <message>
            <source>Enter to whom the result was handed over.</source>
            <translation>Isi kepada siapa hasil layanan diserahkan.</translation>
        </message>
        <message>
            <source>The queue ticket of this visit no longer exists.</source>
            <translation>Tiket antrian kunjungan ini sudah tidak ada.</translation>
        </message>
        <message>
            <source>The file is not complete: {count} requirement(s) missing or not valid. Give the applicant a return slip instead.</source>
            <translation>Berkas belum lengkap: {count} persyaratan tidak ada atau tidak sesuai. Berikan tanda pengembalian berkas kepada pemohon.</translation>
        </message>
        <message>
            <source>Check every requirement first: {count} not checked yet.</source>
            <translation>Periksa semua persyaratan dahulu: {count} belum diperiksa.</translation>
        </message>
        <message>
            <source>Every requirement is present and valid: register the file instead.</source>
            <translation>Semua persyaratan ada dan sesuai: daftarkan berkasnya.</translation>
        </message>
        <message>
            <source>This file does not exist.</source>
            <translation>Berkas ini tidak ada.</translation>
        </message>
        <message>
            <source>There is no file with number {number}.</source>
            <translation>Tidak ada berkas dengan nomor {number}.</translation>
        </message>
        <message>
            <source>Choose a service from the catalogue.</source>
            <translation>Pilih layanan dari katalog.</translation>
        </message>
        <message>
            <source>This visit is already finished and can no longer be changed.</source>
            <translation>Kunjungan ini sudah selesai dan tidak dapat diubah lagi.</translation>
        </message>
        <message>
            <source>The checklist has no line {position}.</source>
            <translation>Daftar periksa tidak memiliki baris {position}.</translation>
        </message>
    </context>
    <context>
        <name>printing</name>
        <message>
            <source>No receipt printer is set up on this PC.</source>
            <translation>PC ini belum diatur printer tanda terimanya.</translation>
        </message>
        <message>
            <source>The receipt printer cannot be reached (switched off or unplugged).</source>
            <translation>Printer tanda terima tidak dapat dihubungi (mati atau kabelnya terlepas).</translation>
        </message>
        <message>
            <source>The receipt printer is out of paper.</source>
            <translation>Kertas printer tanda terima habis.</translation>
        </message>
        <message>
            <source>The receipt printer reported an error.</source>
            <translation>Printer tanda terima melaporkan kesalahan.</translation>
        </message>
        <message>
            <source>This printer is printed to through the print dialog.</source>
            <translation>Printer ini dipakai melalui dialog cetak.</translation>
        </message>
        <message>
            <source>The receipt printer setting is not valid; ask the administrator to correct it.</source>
            <translation>Pengaturan printer tanda terima tidak valid; minta administrator memperbaikinya.</translation>
        </message>
    </context>
</TS>
