<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
    <context>
        <name>complaints</name>
    <message>
        <source>the written report of each level that handled it ({levels})</source>
        <translation>laporan tertulis setiap tingkat yang menanganinya ({levels})</translation>
    </message>
    <message>
        <source>its analysis</source>
        <translation>penelaahannya</translation>
    </message>
    <message>
        <source>its classification (sector or service, and problem type)</source>
        <translation>pengelompokannya (bidang atau layanan, dan jenis masalah)</translation>
    </message>
    <message>
        <source>The {level} level has not yet reported its follow-up in writing to the level above: record that report before the case moves on.</source>
        <translation>Tingkat {level} belum melaporkan hasil tindak lanjutnya secara tertulis ke pejabat di atasnya: catat laporan itu sebelum kasus berlanjut.</translation>
    </message>
        <message>
            <source>No overdue complaints on {date}.</source>
            <translation>Tidak ada pengaduan yang lewat tenggat pada {date}.</translation>
        </message>
        <message>
            <source>Overdue {days} working day(s)</source>
            <translation>Terlambat {days} hari kerja</translation>
        </message>
        <message>
            <source>{count} overdue case(s).</source>
            <translation>{count} kasus lewat tenggat.</translation>
        </message>
        <message>
            <source>(personal data left out)</source>
            <translation>(data pribadi tidak disertakan)</translation>
        </message>
        <message>
            <source>{count} case(s) written to {path}.</source>
            <translation>{count} kasus ditulis ke {path}.</translation>
        </message>
        <message>
            <source>Received {received} ({complaints} complaints, {suggestions} suggestions); answered within 14 working days: {share}.</source>
            <translation>Diterima {received} ({complaints} pengaduan, {suggestions} saran); ditanggapi dalam 14 hari kerja: {share}.</translation>
        </message>
        <message>
            <source>Channel {code} saved.</source>
            <translation>Kanal {code} disimpan.</translation>
        </message>
        <message>
            <source>There is no channel {code}.</source>
            <translation>Tidak ada kanal {code}.</translation>
        </message>
        <message>
            <source>Channel {code} removed.</source>
            <translation>Kanal {code} dihapus.</translation>
        </message>
        <message>
            <source>The file {name} cannot be read.</source>
            <translation>Berkas {name} tidak dapat dibaca.</translation>
        </message>
        <message>
            <source>The file {name} is too large ({size} MB); the limit is {limit} MB.</source>
            <translation>Berkas {name} terlalu besar ({size} MB); batasnya {limit} MB.</translation>
        </message>
        <message>
            <source>The file {name} is empty.</source>
            <translation>Berkas {name} kosong.</translation>
        </message>
        <message>
            <source>The file {name} is not a PDF, JPEG or PNG; only scans and photos in those forms are accepted.</source>
            <translation>Berkas {name} bukan PDF, JPEG atau PNG; hanya pindaian dan foto dalam bentuk itu yang diterima.</translation>
        </message>
        <message>
            <source>At most {count} files can be attached at once.</source>
            <translation>Paling banyak {count} berkas dapat dilampirkan sekaligus.</translation>
        </message>
        <message>
            <source>The file {name} could not be stored in the data folder.</source>
            <translation>Berkas {name} tidak dapat disimpan di folder data.</translation>
        </message>
        <message>
            <source>A channel code is 2 to 32 lower-case letters, digits or underscores, starting with a letter.</source>
            <translation>Kode kanal terdiri dari 2 sampai 32 huruf kecil, angka atau garis bawah, diawali huruf.</translation>
        </message>
        <message>
            <source>Enter the channel's name.</source>
            <translation>Isi nama kanal.</translation>
        </message>
        <message>
            <source>Complaint</source>
            <translation>Pengaduan</translation>
        </message>
        <message>
            <source>Suggestion</source>
            <translation>Saran</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Terbuka</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Selesai</translation>
        </message>
        <message>
            <source>Requirements</source>
            <translation>Persyaratan</translation>
        </message>
        <message>
            <source>System, mechanism and procedure</source>
            <translation>Sistem, mekanisme, dan prosedur</translation>
        </message>
        <message>
            <source>Completion time</source>
            <translation>Jangka waktu penyelesaian</translation>
        </message>
        <message>
            <source>Fee/tariff</source>
            <translation>Biaya/tarif</translation>
        </message>
        <message>
            <source>Service product</source>
            <translation>Produk pelayanan</translation>
        </message>
        <message>
            <source>Facilities and infrastructure</source>
            <translation>Sarana, prasarana, dan/atau fasilitas</translation>
        </message>
        <message>
            <source>Staff competence</source>
            <translation>Kompetensi pelaksana</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Lainnya</translation>
        </message>
        <message>
            <source>Internal to the office</source>
            <translation>Internal DPMPTSP</translation>
        </message>
        <message>
            <source>Technical team / regional agency</source>
            <translation>Tim Teknis/Perangkat Daerah terkait</translation>
        </message>
        <message>
            <source>APIP (Inspectorate)</source>
            <translation>APIP (Inspektorat)</translation>
        </message>
        <message>
            <source>Officer</source>
            <translation>Pelaksana</translation>
        </message>
        <message>
            <source>Section head</source>
            <translation>Kepala Seksi</translation>
        </message>
        <message>
            <source>Division head</source>
            <translation>Kepala Bidang</translation>
        </message>
        <message>
            <source>Head of office</source>
            <translation>Kepala DPMPTSP</translation>
        </message>
        <message>
            <source>Head of the regional agency</source>
            <translation>Kepala Perangkat Daerah</translation>
        </message>
        <message>
            <source>Inspectorate</source>
            <translation>Inspektorat</translation>
        </message>
        <message>
            <source>Clarification</source>
            <translation>Klarifikasi</translation>
        </message>
        <message>
            <source>Confirmation</source>
            <translation>Konfirmasi</translation>
        </message>
        <message>
            <source>Research or examination</source>
            <translation>Penelitian atau pemeriksaan</translation>
        </message>
        <message>
            <source>Investigation</source>
            <translation>Investigasi</translation>
        </message>
        <message>
            <source>Handle as a complaint</source>
            <translation>Tangani sebagai pengaduan</translation>
        </message>
        <message>
            <source>Treat as a suggestion</source>
            <translation>Perlakukan sebagai saran</translation>
        </message>
        <message>
            <source>Not via LAPOR!</source>
            <translation>Bukan melalui LAPOR!</translation>
        </message>
        <message>
            <source>Came from SP4N-LAPOR!</source>
            <translation>Berasal dari SP4N-LAPOR!</translation>
        </message>
        <message>
            <source>Forwarded to SP4N-LAPOR!</source>
            <translation>Diteruskan ke SP4N-LAPOR!</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Diterima</translation>
        </message>
        <message>
            <source>Classified</source>
            <translation>Dikelompokkan</translation>
        </message>
        <message>
            <source>Analysed</source>
            <translation>Ditelaah</translation>
        </message>
        <message>
            <source>Assigned</source>
            <translation>Ditugaskan</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Tindak lanjut</translation>
        </message>
        <message>
            <source>APIP involvement approved</source>
            <translation>Pelibatan APIP disetujui</translation>
        </message>
        <message>
            <source>Reported to the superior</source>
            <translation>Dilaporkan kepada atasan</translation>
        </message>
        <message>
            <source>Complainant informed</source>
            <translation>Pelapor diberi tahu</translation>
        </message>
        <message>
            <source>Reopened</source>
            <translation>Dibuka kembali</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Catatan</translation>
        </message>
        <message>
            <source>Attachment added</source>
            <translation>Lampiran ditambahkan</translation>
        </message>
        <message>
            <source>SUGGESTION RECEIPT</source>
            <translation>TANDA TERIMA SARAN</translation>
        </message>
        <message>
            <source>COMPLAINT RECEIPT</source>
            <translation>TANDA TERIMA PENGADUAN</translation>
        </message>
        <message>
            <source>COPY</source>
            <translation>SALINAN</translation>
        </message>
        <message>
            <source>Suggestion / feedback</source>
            <translation>Saran / masukan</translation>
        </message>
        <message>
            <source>14 working days after it was received</source>
            <translation>14 hari kerja sejak diterima</translation>
        </message>
        <message>
            <source>Anonymous</source>
            <translation>Anonim</translation>
        </message>
        <message>
            <source>{id} (forwarded to SP4N-LAPOR!)</source>
            <translation>{id} (diteruskan ke SP4N-LAPOR!)</translation>
        </message>
        <message>
            <source>{id} (from SP4N-LAPOR!)</source>
            <translation>{id} (dari SP4N-LAPOR!)</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Jenis</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Kanal</translation>
        </message>
        <message>
            <source>Reporter</source>
            <translation>Pelapor</translation>
        </message>
        <message>
            <source>NIK</source>
            <translation>NIK</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Layanan</translation>
        </message>
        <message>
            <source>Service received on</source>
            <translation>Tanggal menerima layanan</translation>
        </message>
        <message>
            <source>Follow code</source>
            <translation>Kode lacak</translation>
        </message>
        <message>
            <source>Substance</source>
            <translation>Pokok pengaduan</translation>
        </message>
        <message>
            <source>Response at the latest on</source>
            <translation>Ditanggapi paling lambat</translation>
        </message>
        <message>
            <source>Ask about progress (mention the case number):</source>
            <translation>Menanyakan perkembangan (sebutkan nomor pengaduan):</translation>
        </message>
        <message>
            <source>Receiving officer</source>
            <translation>Petugas penerima</translation>
        </message>
        <message>
            <source>Scan to check that this receipt is genuine</source>
            <translation>Pindai untuk memeriksa keaslian tanda terima</translation>
        </message>
        <message>
            <source>Officer: {officer} · printed {when}</source>
            <translation>Petugas: {officer} · dicetak {when}</translation>
        </message>
        <message>
            <source>Filed more than 30 days after the service was received: recorded as a suggestion.</source>
            <translation>Disampaikan lebih dari 30 hari setelah menerima layanan: dicatat sebagai saran.</translation>
        </message>
        <message>
            <source>Recorded as a suggestion: a complaint needs the reporter's identity and its substance.</source>
            <translation>Dicatat sebagai saran: pengaduan memerlukan identitas pelapor dan pokok pengaduannya.</translation>
        </message>
        <message>
            <source>Choose PDF, XLSX or CSV.</source>
            <translation>Pilih PDF, XLSX atau CSV.</translation>
        </message>
        <message>
            <source>The file cannot be written: {problem}</source>
            <translation>Berkas tidak dapat ditulis: {problem}</translation>
        </message>
        <message>
            <source>The period ends before it starts.</source>
            <translation>Periode berakhir sebelum dimulai.</translation>
        </message>
        <message>
            <source>Choose a period of at most five years.</source>
            <translation>Pilih periode paling lama lima tahun.</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>Case number</source>
            <translation>Nomor pengaduan</translation>
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
            <source>Problem type</source>
            <translation>Jenis masalah</translation>
        </message>
        <message>
            <source>Respond by</source>
            <translation>Batas tanggapan</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>Ditanggapi</translation>
        </message>
        <message>
            <source>Path</source>
            <translation>Penyelesaian</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Complaint register {start} – {end}</source>
            <translation>Register pengaduan {start} – {end}</translation>
        </message>
        <message>
            <source>Contains personal data (UU 27/2022): keep it confidential.</source>
            <translation>Memuat data pribadi (UU 27/2022): jaga kerahasiaannya.</translation>
        </message>
        <message>
            <source>Personal data left out (your role may not see it).</source>
            <translation>Data pribadi tidak disertakan (peran Anda tidak berhak melihatnya).</translation>
        </message>
        <message>
            <source>Register</source>
            <translation>Register</translation>
        </message>
        <message>
            <source>No cases in this period.</source>
            <translation>Tidak ada kasus pada periode ini.</translation>
        </message>
        <message>
            <source>{office} · complaint register · printed {date} · page {page}</source>
            <translation>{office} · register pengaduan · dicetak {date} · halaman {page}</translation>
        </message>
        <message>
            <source>{count} case(s)</source>
            <translation>{count} kasus</translation>
        </message>
        <message>
            <source>Choose the channel it came through.</source>
            <translation>Pilih kanal penyampaiannya.</translation>
        </message>
        <message>
            <source>This channel is not in the office's list.</source>
            <translation>Kanal ini tidak ada dalam daftar kantor.</translation>
        </message>
        <message>
            <source>Enter the date and time it was received.</source>
            <translation>Isi tanggal dan jam diterima.</translation>
        </message>
        <message>
            <source>The received date cannot be after today ({today}).</source>
            <translation>Tanggal diterima tidak boleh setelah hari ini ({today}).</translation>
        </message>
        <message>
            <source>This is not an e-mail address (name@example.com).</source>
            <translation>Ini bukan alamat e-mail (nama@contoh.com).</translation>
        </message>
        <message>
            <source>Choose a service from the list.</source>
            <translation>Pilih layanan dari daftar.</translation>
        </message>
        <message>
            <source>A LAPOR! tracking ID has 3 to 40 letters, digits, dots, dashes or slashes.</source>
            <translation>Nomor pelacakan LAPOR! terdiri dari 3 sampai 40 huruf, angka, titik, tanda hubung atau garis miring.</translation>
        </message>
        <message>
            <source>Choose whether it came from or goes to LAPOR!.</source>
            <translation>Pilih apakah berasal dari atau diteruskan ke LAPOR!.</translation>
        </message>
        <message>
            <source>Enter the LAPOR! tracking ID.</source>
            <translation>Isi nomor pelacakan LAPOR!.</translation>
        </message>
        <message>
            <source>The service date cannot be after the date the complaint was received.</source>
            <translation>Tanggal layanan tidak boleh setelah tanggal pengaduan diterima.</translation>
        </message>
        <message>
            <source>Anonymous: recorded as a suggestion, because a complaint needs the reporter's identity.</source>
            <translation>Anonim: dicatat sebagai saran, karena pengaduan memerlukan identitas pelapor.</translation>
        </message>
        <message>
            <source>No reporter identity (a name and a NIK, phone, e-mail or address): recorded as a suggestion.</source>
            <translation>Tanpa identitas pelapor (nama serta NIK, telepon, e-mail atau alamat): dicatat sebagai saran.</translation>
        </message>
        <message>
            <source>A name alone is not an identity: add a NIK, phone, e-mail or address, or it is recorded as a suggestion.</source>
            <translation>Nama saja belum identitas: tambahkan NIK, telepon, e-mail atau alamat, atau dicatat sebagai saran.</translation>
        </message>
        <message>
            <source>No object or substance of the complaint: recorded as a suggestion.</source>
            <translation>Tanpa objek/materi pengaduan: dicatat sebagai saran.</translation>
        </message>
        <message>
            <source>Filed {days} calendar days after the service (more than 30).</source>
            <translation>Disampaikan {days} hari kalender setelah layanan (lebih dari 30).</translation>
        </message>
        <message>
            <source>Filed {days} calendar days after the service (more than 30): the officer decided to treat it as a suggestion.</source>
            <translation>Disampaikan {days} hari kalender setelah layanan (lebih dari 30): petugas memutuskan memperlakukannya sebagai saran.</translation>
        </message>
        <message>
            <source>Filed {days} calendar days after the service (more than 30): the officer decided to handle it as a complaint.</source>
            <translation>Disampaikan {days} hari kalender setelah layanan (lebih dari 30): petugas memutuskan menanganinya sebagai pengaduan.</translation>
        </message>
        <message>
            <source>Filed {days} calendar days after the service (more than 30): it may be treated as a suggestion. Decide how to treat it.</source>
            <translation>Disampaikan {days} hari kalender setelah layanan (lebih dari 30): dapat diperlakukan sebagai saran. Putuskan cara penanganannya.</translation>
        </message>
        <message>
            <source>Choose how to treat the late complaint.</source>
            <translation>Pilih cara menangani pengaduan yang terlambat.</translation>
        </message>
        <message>
            <source>Respond by {date} (14 working days after it was received).</source>
            <translation>Ditanggapi paling lambat {date} (14 hari kerja sejak diterima).</translation>
        </message>
        <message>
            <source>This complaint is late: decide whether to handle it as a complaint or treat it as a suggestion.</source>
            <translation>Pengaduan ini terlambat: putuskan apakah ditangani sebagai pengaduan atau diperlakukan sebagai saran.</translation>
        </message>
        <message>
            <source>A number block is 1 to 4 capital letters or digits.</source>
            <translation>Blok nomor terdiri dari 1 sampai 4 huruf kapital atau angka.</translation>
        </message>
        <message>
            <source>Choose the problem type.</source>
            <translation>Pilih jenis masalah.</translation>
        </message>
        <message>
            <source>Write the core problem in a sentence or two.</source>
            <translation>Tulis inti masalah dalam satu atau dua kalimat.</translation>
        </message>
        <message>
            <source>Choose at least one handling step (clarification, confirmation, research, investigation).</source>
            <translation>Pilih paling sedikit satu langkah penanganan (klarifikasi, konfirmasi, penelitian, investigasi).</translation>
        </message>
        <message>
            <source>{username} is not an active complaint officer.</source>
            <translation>{username} bukan petugas pengaduan yang aktif.</translation>
        </message>
        <message>
            <source>The case is already assigned to this officer.</source>
            <translation>Kasus ini sudah ditugaskan kepada petugas tersebut.</translation>
        </message>
        <message>
            <source>Write who approved (the head of office).</source>
            <translation>Tulis siapa yang menyetujui (Kepala DPMPTSP).</translation>
        </message>
        <message>
            <source>Choose the resolution path.</source>
            <translation>Pilih jalur penyelesaian.</translation>
        </message>
        <message>
            <source>Choose the level in the chain.</source>
            <translation>Pilih tingkatan dalam jenjang.</translation>
        </message>
        <message>
            <source>Write what was done.</source>
            <translation>Tulis apa yang dilakukan.</translation>
        </message>
        <message>
            <source>Name the technical team or regional agency.</source>
            <translation>Sebutkan tim teknis atau perangkat daerah terkait.</translation>
        </message>
        <message>
            <source>APIP can only be involved with the head of office's approval; a supervisor records it first.</source>
            <translation>APIP hanya dapat dilibatkan dengan persetujuan Kepala DPMPTSP; atasan mencatatnya lebih dulu.</translation>
        </message>
        <message>
            <source>Write the report to the superior.</source>
            <translation>Tulis laporan kepada atasan.</translation>
        </message>
        <message>
            <source>An anonymous reporter cannot be informed; close the case with its outcome.</source>
            <translation>Pelapor anonim tidak dapat diberi tahu; tutup kasus dengan hasilnya.</translation>
        </message>
        <message>
            <source>Choose how the complainant was informed.</source>
            <translation>Pilih cara pelapor diberi tahu.</translation>
        </message>
        <message>
            <source>Enter when the complainant was informed.</source>
            <translation>Isi kapan pelapor diberi tahu.</translation>
        </message>
        <message>
            <source>The date must lie between the received date and today.</source>
            <translation>Tanggal harus di antara tanggal diterima dan hari ini.</translation>
        </message>
        <message>
            <source>Write what the complainant was told.</source>
            <translation>Tulis apa yang disampaikan kepada pelapor.</translation>
        </message>
        <message>
            <source>The case is already closed.</source>
            <translation>Kasus ini sudah selesai.</translation>
        </message>
        <message>
            <source>Write the outcome.</source>
            <translation>Tulis hasilnya.</translation>
        </message>
        <message>
            <source>a follow-up step</source>
            <translation>langkah tindak lanjut</translation>
        </message>
        <message>
            <source>informing the complainant</source>
            <translation>pemberitahuan kepada pelapor</translation>
        </message>
        <message>
            <source>the report to the superior</source>
            <translation>laporan kepada atasan</translation>
        </message>
        <message>
            <source>The complaint cannot be closed yet: it still needs {steps}.</source>
            <translation>Pengaduan belum dapat ditutup: masih memerlukan {steps}.</translation>
        </message>
        <message>
            <source>Only a closed case can be reopened.</source>
            <translation>Hanya kasus yang sudah selesai yang dapat dibuka kembali.</translation>
        </message>
        <message>
            <source>Write why the case is reopened.</source>
            <translation>Tulis alasan kasus dibuka kembali.</translation>
        </message>
        <message>
            <source>Write the note.</source>
            <translation>Tulis catatannya.</translation>
        </message>
        <message>
            <source>Choose a file to attach.</source>
            <translation>Pilih berkas yang akan dilampirkan.</translation>
        </message>
        <message>
            <source>The case is closed; reopen it first.</source>
            <translation>Kasus sudah selesai; buka kembali lebih dulu.</translation>
        </message>
        <message>
        <source>The file {name} is damaged or is not really a {kind}; it was not attached.</source>
        <translation>Berkas {name} rusak atau sebenarnya bukan {kind}; berkas tidak dilampirkan.</translation>
    </message>
    <message>
        <source>This is too long (at most {maximum} characters).</source>
        <translation>Isian terlalu panjang (maksimal {maximum} karakter).</translation>
    </message>
    <message>
        <source>A search has at most {words} words and {chars} characters.</source>
        <translation>Pencarian paling banyak {words} kata dan {chars} karakter.</translation>
    </message>
        <message>
            <source>This PC has joined the office's server, which gives out the number blocks; the block cannot be set by hand.</source>
            <translation>PC ini sudah bergabung dengan server kantor, yang membagikan blok nomor; blok tidak dapat diatur secara manual.</translation>
        </message>
</context>
    <context>
        <name>errors</name>
        <message>
            <source>There is no complaint case {ref}.</source>
            <translation>Tidak ada kasus pengaduan {ref}.</translation>
        </message>
    </context>
</TS>
