<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
    <context>
        <name>errors</name>
        <message>
            <source>Entry {index} is not a set of fields (“key: value” pairs).</source>
            <translation>Entri {index} bukan kumpulan isian (pasangan “kunci: nilai”).</translation>
        </message>
        <message>
            <source>Entry {index}: unknown field “{field}”.</source>
            <translation>Entri {index}: isian “{field}” tidak dikenal.</translation>
        </message>
        <message>
            <source>Entry {index}: the field “{field}” is missing.</source>
            <translation>Entri {index}: isian “{field}” tidak ada.</translation>
        </message>
        <message>
            <source>Entry {index}: “{field}” must be a whole number.</source>
            <translation>Entri {index}: “{field}” harus berupa bilangan bulat.</translation>
        </message>
        <message>
            <source>Entry {index}: “{field}” must be between {low} and {high}.</source>
            <translation>Entri {index}: “{field}” harus antara {low} dan {high}.</translation>
        </message>
        <message>
            <source>Entry {index}: “{field}” must be a list of whole numbers.</source>
            <translation>Entri {index}: “{field}” harus berupa daftar bilangan bulat.</translation>
        </message>
        <message>
            <source>Entry {index}: “{field}” must be text.</source>
            <translation>Entri {index}: “{field}” harus berupa teks.</translation>
        </message>
        <message>
            <source>Entry {index}: “{field}” must not be empty.</source>
            <translation>Entri {index}: “{field}” tidak boleh kosong.</translation>
        </message>
        <message>
            <source>Entry {index}: “{field}” is too long ({length} characters, at most {limit}).</source>
            <translation>Entri {index}: “{field}” terlalu panjang ({length} karakter, paling banyak {limit}).</translation>
        </message>
        <message>
            <source>Entry {index}: “{field}” must be a list of texts, none of them empty.</source>
            <translation>Entri {index}: “{field}” harus berupa daftar teks, tanpa butir yang kosong.</translation>
        </message>
        <message>
            <source>Entry {index}: unknown risk level “{risk}” (use Rendah, Menengah Rendah, Menengah Tinggi or Tinggi).</source>
            <translation>Entri {index}: tingkat risiko “{risk}” tidak dikenal (gunakan Rendah, Menengah Rendah, Menengah Tinggi, atau Tinggi).</translation>
        </message>
        <message>
            <source>Entry {index}: the KBLI code {kbli} must be text of exactly 5 digits, in quotes, such as "62021".</source>
            <translation>Entri {index}: kode KBLI {kbli} harus berupa teks tepat 5 angka di antara tanda kutip, misalnya "62021".</translation>
        </message>
        <message>
            <source>Entry {index}: “requirements” must have the lists “general” and “special” and nothing else.</source>
            <translation>Entri {index}: “requirements” harus berisi daftar “general” dan “special”, tidak lebih.</translation>
        </message>
        <message>
            <source>Cannot read {path}: {reason}</source>
            <translation>Berkas {path} tidak dapat dibaca: {reason}</translation>
        </message>
        <message>
            <source>Line {line}: the file is not UTF-8 text.</source>
            <translation>Baris {line}: berkas bukan teks UTF-8.</translation>
        </message>
        <message>
            <source>The file must contain a list of services (as written by “catalog export”).</source>
            <translation>Berkas harus berisi daftar layanan (seperti hasil “catalog export”).</translation>
        </message>
        <message>
            <source>Entry {index}: annex number {annex} is already used by entry {first}.</source>
            <translation>Entri {index}: nomor lampiran {annex} sudah dipakai oleh entri {first}.</translation>
        </message>
        <message>
            <source>Line {line}: the file is not valid JSON: {reason}</source>
            <translation>Baris {line}: berkas bukan JSON yang sah: {reason}</translation>
        </message>
        <message>
            <source>Line {line}: the file is not valid YAML: {reason}</source>
            <translation>Baris {line}: berkas bukan YAML yang sah: {reason}</translation>
        </message>
        <message>
            <source>Annex number {annex} appears in more than one place: {first} and {second}.</source>
            <translation>Nomor lampiran {annex} muncul di lebih dari satu tempat: {first} dan {second}.</translation>
        </message>
        <message>
            <source>Cannot export to {path}: use a .yaml, .yml or .json file name.</source>
            <translation>Tidak dapat mengekspor ke {path}: gunakan nama berkas .yaml, .yml, atau .json.</translation>
        </message>
        <message>
            <source>Cannot write {path}: {reason}</source>
            <translation>Berkas {path} tidak dapat ditulis: {reason}</translation>
        </message>
        <message>
            <source>Line {line}: the file contains no service standard.</source>
            <translation>Baris {line}: berkas tidak berisi standar pelayanan apa pun.</translation>
        </message>
        <message>
            <source>Line {line}: a table row comes before the service heading (such as “{example}”).</source>
            <translation>Baris {line}: ada baris tabel sebelum judul layanan (misalnya “{example}”).</translation>
        </message>
        <message>
            <source>Line {line}: unexpected value “{value}” in the NO column.</source>
            <translation>Baris {line}: nilai “{value}” tidak semestinya ada di kolom NO.</translation>
        </message>
        <message>
            <source>Line {line}: a continuation row comes before any component.</source>
            <translation>Baris {line}: ada baris lanjutan sebelum komponen mana pun.</translation>
        </message>
        <message>
            <source>Line {line}: unexpected text outside the table: “{text}”.</source>
            <translation>Baris {line}: ada teks tak terduga di luar tabel: “{text}”.</translation>
        </message>
        <message>
            <source>Line {line}: the service heading is not in the form “{example}”.</source>
            <translation>Baris {line}: judul layanan tidak berbentuk “{example}”.</translation>
        </message>
        <message>
            <source>Line {line}: the annex number {value} is out of range ({low} to {high}).</source>
            <translation>Baris {line}: nomor lampiran {value} di luar rentang ({low} sampai {high}).</translation>
        </message>
        <message>
            <source>Line {line}: annex number {annex} is already used on line {first}.</source>
            <translation>Baris {line}: nomor lampiran {annex} sudah dipakai di baris {first}.</translation>
        </message>
        <message>
            <source>Line {line}: unknown risk level “{risk}” (use {levels}).</source>
            <translation>Baris {line}: tingkat risiko “{risk}” tidak dikenal (gunakan {levels}).</translation>
        </message>
        <message>
            <source>Line {line}: the KBLI code “{kbli}” must have exactly 5 digits.</source>
            <translation>Baris {line}: kode KBLI “{kbli}” harus tepat 5 angka.</translation>
        </message>
        <message>
            <source>Line {line}: the product type is too long ({length} characters, at most {limit}).</source>
            <translation>Baris {line}: jenis produk terlalu panjang ({length} karakter, paling banyak {limit}).</translation>
        </message>
        <message>
            <source>Line {line}: the service title is too long ({length} characters, at most {limit}).</source>
            <translation>Baris {line}: nama layanan terlalu panjang ({length} karakter, paling banyak {limit}).</translation>
        </message>
        <message>
            <source>Line {line}: unknown component “{name}”.</source>
            <translation>Baris {line}: komponen “{name}” tidak dikenal.</translation>
        </message>
        <message>
            <source>Line {line}: the component “{name}” appears twice in service {annex}.</source>
            <translation>Baris {line}: komponen “{name}” muncul dua kali pada layanan {annex}.</translation>
        </message>
        <message>
            <source>Line {line}: the component “{name}” is empty (write “-” if there is none).</source>
            <translation>Baris {line}: komponen “{name}” kosong (tulis “-” bila memang tidak ada).</translation>
        </message>
        <message>
            <source>Line {line}: service {annex} has no component “{name}”.</source>
            <translation>Baris {line}: layanan {annex} tidak memiliki komponen “{name}”.</translation>
        </message>
        <message>
            <source>Line {line}: the classification number {value} is out of range ({low} to {high}).</source>
            <translation>Baris {line}: nomor klasifikasi {value} di luar rentang ({low} sampai {high}).</translation>
        </message>
        <message>
            <source>Line {line}: the procedure gives no classification numbers, such as “Klasifikasi 3, 7, 12, atau 16”.</source>
            <translation>Baris {line}: prosedur tidak menyebut nomor klasifikasi, misalnya “Klasifikasi 3, 7, 12, atau 16”.</translation>
        </message>
        <message>
            <source>Line {line}: the completion time must start with a number of working days, such as “7 hari kerja”, not “{text}”.</source>
            <translation>Baris {line}: jangka waktu penyelesaian harus diawali jumlah hari kerja, misalnya “7 hari kerja”, bukan “{text}”.</translation>
        </message>
        <message>
            <source>Line {line}: the staff count must be a number, such as “30 Orang”, not “{text}”.</source>
            <translation>Baris {line}: jumlah pelaksana harus berupa angka, misalnya “30 Orang”, bukan “{text}”.</translation>
        </message>
        <message>
            <source>Service {annex}: the queue group “{code}” does not exist.</source>
            <translation>Layanan {annex}: kelompok antrian “{code}” tidak ada.</translation>
        </message>
        <message>
            <source>Annex number {annex} is given more than once in this import.</source>
            <translation>Nomor lampiran {annex} diberikan lebih dari sekali dalam impor ini.</translation>
        </message>
            <message>
            <source>There is no service with annex number {annex} in the catalogue.</source>
            <translation>Tidak ada layanan dengan nomor lampiran {annex} dalam katalog.</translation>
        </message>
        <message>
            <source>“{value}” is not a date; write it as YYYY-MM-DD.</source>
            <translation>“{value}” bukan tanggal; tulis sebagai TTTT-BB-HH.</translation>
        </message>
        <message>
            <source>The evaluation date {day} is after today.</source>
            <translation>Tanggal evaluasi {day} setelah hari ini.</translation>
        </message>
        <message>
            <source>The evaluation date {day} is before {year}.</source>
            <translation>Tanggal evaluasi {day} sebelum tahun {year}.</translation>
        </message>
        <message>
            <source>Say who evaluated the standard.</source>
            <translation>Sebutkan siapa yang mengevaluasi standar.</translation>
        </message>
        <message>
            <source>Who evaluated: at most {max} characters.</source>
            <translation>Yang mengevaluasi: paling banyak {max} karakter.</translation>
        </message>
        <message>
            <source>The notes are longer than {max} characters.</source>
            <translation>Catatan lebih dari {max} karakter.</translation>
        </message>
        <message>
            <source>A classification number is a whole number from 1 to {max}.</source>
            <translation>Nomor klasifikasi adalah bilangan bulat 1 sampai {max}.</translation>
        </message>
        <message>
            <source>Classification {number}: the name is empty.</source>
            <translation>Klasifikasi {number}: namanya kosong.</translation>
        </message>
        <message>
            <source>Classification {number}: the name is longer than {max} characters.</source>
            <translation>Klasifikasi {number}: nama lebih dari {max} karakter.</translation>
        </message>
        <message>
            <source>Classification {number}: every step needs a text, and there is at least one step.</source>
            <translation>Klasifikasi {number}: setiap langkah harus berisi teks, dan paling sedikit ada satu langkah.</translation>
        </message>
        <message>
            <source>Classification {number}: at most {steps} steps of at most {chars} characters each.</source>
            <translation>Klasifikasi {number}: paling banyak {steps} langkah, masing-masing paling banyak {chars} karakter.</translation>
        </message>
        <message>
            <source>Line {line}: a classification starts with “Klasifikasi N: name”.</source>
            <translation>Baris {line}: klasifikasi diawali dengan “Klasifikasi N: nama”.</translation>
        </message>
        <message>
            <source>Line {line}: a step starts with its number (“1. …”).</source>
            <translation>Baris {line}: langkah diawali dengan nomornya (“1. …”).</translation>
        </message>
        <message>
            <source>The file holds no classification (“Klasifikasi N: name”).</source>
            <translation>Berkas tidak memuat klasifikasi (“Klasifikasi N: nama”).</translation>
        </message>
        <message>
            <source>Line {line}: the CSV file must start with the columns nomor, nama, langkah.</source>
            <translation>Baris {line}: berkas CSV harus diawali kolom nomor, nama, langkah.</translation>
        </message>
        <message>
            <source>Line {line}: “{value}” is not a classification number.</source>
            <translation>Baris {line}: “{value}” bukan nomor klasifikasi.</translation>
        </message>
        <message>
            <source>Line {line}: classification {number} has another name above.</source>
            <translation>Baris {line}: klasifikasi {number} sudah bernama lain di atas.</translation>
        </message>
        <message>
            <source>Line {line}: classification {number} is given twice.</source>
            <translation>Baris {line}: klasifikasi {number} tercantum dua kali.</translation>
        </message>
        <message>
            <source>Line {line}: {problem}</source>
            <translation>Baris {line}: {problem}</translation>
        </message>
        <message>
            <source>Classification {number} is given more than once.</source>
            <translation>Klasifikasi {number} tercantum lebih dari sekali.</translation>
        </message>
</context>
    <context>
        <name>catalog</name>
        <message>
            <source>{count} service(s): {created} new, {updated} updated, {unchanged} unchanged.</source>
            <translation>{count} layanan: {created} baru, {updated} diperbarui, {unchanged} tidak berubah.</translation>
        </message>
        <message>
            <source>Dry run: nothing was saved.</source>
            <translation>Uji coba: tidak ada yang disimpan.</translation>
        </message>
        <message>
            <source>new</source>
            <translation>baru</translation>
        </message>
        <message>
            <source>updated</source>
            <translation>diperbarui</translation>
        </message>
        <message>
            <source>unchanged</source>
            <translation>tidak berubah</translation>
        </message>
        <message>
            <source>changed: {fields}</source>
            <translation>berubah: {fields}</translation>
        </message>
        <message>
            <source>No service in the catalogue matches.</source>
            <translation>Tidak ada layanan dalam katalog yang cocok.</translation>
        </message>
        <message>
            <source>{label} ({product_type}, risk {risk_level}, queue {queue})</source>
            <translation>{label} ({product_type}, risiko {risk_level}, antrian {queue})</translation>
        </message>
        <message>
            <source>{count} service(s) exported to {path}.</source>
            <translation>{count} layanan diekspor ke {path}.</translation>
        </message>
            <message>
            <source>Classification {number}: {name}</source>
            <translation>Klasifikasi {number}: {name}</translation>
        </message>
        <message>
            <source>No Lampiran IV classification in the catalogue yet.</source>
            <translation>Belum ada klasifikasi Lampiran IV dalam katalog.</translation>
        </message>
        <message>
            <source>There is no classification {number}.</source>
            <translation>Tidak ada klasifikasi {number}.</translation>
        </message>
        <message>
            <source>Classification {number} removed.</source>
            <translation>Klasifikasi {number} dihapus.</translation>
        </message>
        <message>
            <source>The standard of service {annex} names no Lampiran IV classification.</source>
            <translation>Standar layanan {annex} tidak menyebut klasifikasi Lampiran IV.</translation>
        </message>
        <message>
            <source>Classification {number}: not in the catalogue yet.</source>
            <translation>Klasifikasi {number}: belum ada dalam katalog.</translation>
        </message>
        <message>
            <source>Evaluation of service {annex} on {day} recorded.</source>
            <translation>Evaluasi layanan {annex} pada {day} dicatat.</translation>
        </message>
        <message>
            <source>No evaluation recorded in {year}.</source>
            <translation>Belum ada evaluasi yang dicatat pada tahun {year}.</translation>
        </message>
        <message>
            <source>{day} · {annex} KBLI {kbli} {title} · by {who}</source>
            <translation>{day} · {annex} KBLI {kbli} {title} · oleh {who}</translation>
        </message>
        <message>
            <source>Document: {name}</source>
            <translation>Dokumen: {name}</translation>
        </message>
        <message>
            <source>Every standard was evaluated in the last 12 months.</source>
            <translation>Semua standar sudah dievaluasi dalam 12 bulan terakhir.</translation>
        </message>
        <message>
            <source>never</source>
            <translation>belum pernah</translation>
        </message>
        <message>
            <source>{annex} KBLI {kbli} {title}: evaluation due (last: {last})</source>
            <translation>{annex} KBLI {kbli} {title}: perlu dievaluasi (terakhir: {last})</translation>
        </message>
</context>
</TS>
