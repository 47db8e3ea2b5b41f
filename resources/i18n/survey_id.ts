<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<context>
    <name>errors</name>
    <message>
        <source>A response has nine elements.</source>
        <translation>Satu jawaban survei terdiri atas sembilan unsur.</translation>
    </message>
    <message>
        <source>No element was answered.</source>
        <translation>Tidak ada unsur yang dijawab.</translation>
    </message>
    <message>
        <source>The suggestion is longer than {limit} characters.</source>
        <translation>Saran lebih panjang dari {limit} karakter.</translation>
    </message>
    <message>
        <source>That ticket is not known.</source>
        <translation>Nomor antrian itu tidak dikenal.</translation>
    </message>
    <message>
        <source>This service was already rated: one response per ticket or file.</source>
        <translation>Layanan ini sudah dinilai: satu survei untuk satu nomor antrian atau berkas.</translation>
    </message>
    <message>
        <source>The period ends ({end}) before it starts ({start}).</source>
        <translation>Periode berakhir ({end}) sebelum dimulai ({start}).</translation>
    </message>
    <message>
        <source>Unknown choice {value}.</source>
        <translation>Pilihan {value} tidak dikenal.</translation>
    </message>
    <message>
        <source>A score is 1, 2, 3 or 4.</source>
        <translation>Nilai jawaban adalah 1, 2, 3 atau 4.</translation>
    </message>
    <message>
        <source>This file was already imported; nothing was imported again.</source>
        <translation>Berkas ini sudah pernah diimpor; tidak ada yang diimpor lagi.</translation>
    </message>
    <message>
        <source>The file is larger than {limit} MB.</source>
        <translation>Berkas lebih besar dari {limit} MB.</translation>
    </message>
    <message>
        <source>The file cannot be read: {error}</source>
        <translation>Berkas tidak dapat dibaca: {error}</translation>
    </message>
    <message>
        <source>KBLI {value} is not 5 digits.</source>
        <translation>KBLI {value} bukan 5 angka.</translation>
    </message>
    <message>
        <source>Give --pdf FILE, --xlsx FILE or --json.</source>
        <translation>Berikan --pdf BERKAS, --xlsx BERKAS atau --json.</translation>
    </message>
</context>
<context>
    <name>survey</name>
    <message>
        <source>Age</source>
        <translation>Usia</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Pendidikan</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Community Satisfaction Survey (SKM) report</source>
        <translation>Laporan Survei Kepuasan Masyarakat (SKM)</translation>
    </message>
    <message>
        <source>MPP in general (no service named)</source>
        <translation>MPP secara umum (tanpa layanan tertentu)</translation>
    </message>
    <message>
        <source>{office} · SKM report {period} · page {page}</source>
        <translation>{office} · laporan SKM {period} · halaman {page}</translation>
    </message>
    <message>
        <source>Method: PermenPANRB No. 14 of 2017. NRR per element = sum of scores / respondents who answered it; IKM = Σ NRR × 1/9 (the weight exactly 1/9, not 0.111); converted index = IKM × 25.</source>
        <translation>Metode: PermenPANRB Nomor 14 Tahun 2017. NRR per unsur = jumlah nilai / jumlah responden yang menjawab unsur itu; IKM = Σ NRR × 1/9 (bobot tepat 1/9, bukan 0,111); indeks konversi = IKM × 25.</translation>
    </message>
    <message>
        <source>Value per element (NRR)</source>
        <translation>Nilai rata-rata per unsur (NRR)</translation>
    </message>
    <message>
        <source>Index per service</source>
        <translation>Indeks per layanan</translation>
    </message>
    <message>
        <source>Suggestions received</source>
        <translation>Saran yang diterima</translation>
    </message>
    <message>
        <source>Element / problem</source>
        <translation>Unsur / masalah</translation>
    </message>
    <message>
        <source>Follow-up plan</source>
        <translation>Rencana tindak lanjut</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Penanggung jawab</translation>
    </message>
    <message>
        <source>Purwakarta, {date}</source>
        <translation>Purwakarta, {date}</translation>
    </message>
    <message>
        <source>SKM team leader</source>
        <translation>Ketua Tim SKM</translation>
    </message>
    <message>
        <source>Head of DPMPTSP</source>
        <translation>Kepala DPMPTSP</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <source>Respondents</source>
        <translation>Responden</translation>
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
        <source>Weight per element</source>
        <translation>Bobot per unsur</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Angka</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Unsur</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Menjawab</translation>
    </message>
    <message>
        <source>Sum of scores</source>
        <translation>Jumlah nilai</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Saran</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Saran</translation>
    </message>
    <message>
        <source>NRR × 1/9</source>
        <translation>NRR × 1/9</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Layanan</translation>
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
        <source>No index: an element has no answers in this period.</source>
        <translation>Tidak ada indeks: ada unsur yang tidak dijawab siapa pun dalam periode ini.</translation>
    </message>
    <message>
        <source>The three weakest elements</source>
        <translation>Tiga unsur terlemah</translation>
    </message>
    <message>
        <source>No suggestions in this period.</source>
        <translation>Tidak ada saran dalam periode ini.</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Kali</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Terakhir</translation>
    </message>
    <message>
        <source>Tabulation</source>
        <translation>Tabulasi</translation>
    </message>
    <message>
        <source>Per service</source>
        <translation>Per layanan</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>No responses in this period.</source>
        <translation>Tidak ada jawaban survei dalam periode ini.</translation>
    </message>
    <message>
        <source>Respondents' profile</source>
        <translation>Profil responden</translation>
    </message>
    <message>
        <source>{count} more different suggestions are in the XLSX file.</source>
        <translation>{count} saran lain yang berbeda ada di berkas XLSX.</translation>
    </message>
    <message>
        <source>Nothing was imported: {count} bad row(s).</source>
        <translation>Tidak ada yang diimpor: {count} baris salah.</translation>
    </message>
    <message>
        <source>{count} columns instead of {expected}</source>
        <translation>{count} kolom, seharusnya {expected}</translation>
    </message>
    <message>
        <source>service_kbli {value} is not 5 digits</source>
        <translation>service_kbli {value} bukan 5 angka</translation>
    </message>
    <message>
        <source>sex {value} is not L or P</source>
        <translation>sex {value} bukan L atau P</translation>
    </message>
    <message>
        <source>submitted_at {value} is not YYYY-MM-DD HH:MM</source>
        <translation>submitted_at {value} tidak berbentuk YYYY-MM-DD HH:MM</translation>
    </message>
    <message>
        <source>submitted_at {value} is in the future</source>
        <translation>submitted_at {value} ada di masa depan</translation>
    </message>
    <message>
        <source>{field} {value} is not one of {choices}</source>
        <translation>{field} {value} bukan salah satu dari {choices}</translation>
    </message>
    <message>
        <source>the file has no rows</source>
        <translation>berkas tidak berisi baris data</translation>
    </message>
    <message>
        <source>age {value} is not a whole number of years from 10 to 120</source>
        <translation>age {value} bukan bilangan bulat tahun antara 10 dan 120</translation>
    </message>
    <message>
        <source>no element was answered</source>
        <translation>tidak ada unsur yang dijawab</translation>
    </message>
    <message>
        <source>submitted_at {value} is not a real date and time</source>
        <translation>submitted_at {value} bukan tanggal dan jam yang sah</translation>
    </message>
    <message>
        <source>the header must be {header}</source>
        <translation>baris judul harus {header}</translation>
    </message>
    <message>
        <source>not CSV: {error}</source>
        <translation>bukan CSV: {error}</translation>
    </message>
    <message>
        <source>{element} {value} is not 1, 2, 3, 4 or empty</source>
        <translation>{element} {value} bukan 1, 2, 3, 4 atau kosong</translation>
    </message>
    <message>
        <source>service_kbli {value} is not in the service catalogue</source>
        <translation>service_kbli {value} tidak ada di katalog layanan</translation>
    </message>
    <message>
        <source>line {line}: {reason}</source>
        <translation>baris {line}: {reason}</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation>berkas bukan teks UTF-8</translation>
    </message>
    <message>
        <source>more than {limit} rows</source>
        <translation>lebih dari {limit} baris</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Sen</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Sel</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Rab</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Kam</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Jum</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sab</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Service report</source>
        <translation>Laporan Pelayanan</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Kelompok</translation>
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
        <source>No-shows</source>
        <translation>Tidak hadir</translation>
    </message>
    <message>
        <source>Wait p50 (min)</source>
        <translation>Tunggu p50 (menit)</translation>
    </message>
    <message>
        <source>Wait p90 (min)</source>
        <translation>Tunggu p90 (menit)</translation>
    </message>
    <message>
        <source>Service p50 (min)</source>
        <translation>Layanan p50 (menit)</translation>
    </message>
    <message>
        <source>Service p90 (min)</source>
        <translation>Layanan p90 (menit)</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Finished on time</source>
        <translation>Selesai tepat waktu</translation>
    </message>
    <message>
        <source>Finished late</source>
        <translation>Selesai terlambat</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Masih diproses</translation>
    </message>
    <message>
        <source>Open, overdue</source>
        <translation>Diproses, lewat tenggat</translation>
    </message>
    <message>
        <source>{office} · service report {period} · page {page}</source>
        <translation>{office} · laporan pelayanan {period} · halaman {page}</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Antrian</translation>
    </message>
    <message>
        <source>Tickets issued per weekday and hour</source>
        <translation>Nomor antrian diambil per hari dan jam</translation>
    </message>
    <message>
        <source>File intake</source>
        <translation>Penerimaan berkas</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Problem type</source>
        <translation>Jenis masalah</translation>
    </message>
    <message>
        <source>Resolution path</source>
        <translation>Jalur penyelesaian</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>Peta panas</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>No files received in this period.</source>
        <translation>Tidak ada berkas diterima dalam periode ini.</translation>
    </message>
    <message>
        <source>Answered within 14 working days</source>
        <translation>Ditanggapi dalam 14 hari kerja</translation>
    </message>
    <message>
        <source>Overdue without an answer</source>
        <translation>Lewat tenggat tanpa tanggapan</translation>
    </message>
    <message>
        <source>Received {received} ({complaints} complaints, {suggestions} suggestions); answered {answered}, of which {within} within 14 working days ({share}); {overdue} overdue without an answer.</source>
        <translation>Diterima {received} ({complaints} pengaduan, {suggestions} saran); ditanggapi {answered}, {within} di antaranya dalam 14 hari kerja ({share}); {overdue} lewat tenggat tanpa tanggapan.</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Tidak diisi</translation>
    </message>
    <message>
        <source>20 or younger</source>
        <translation>20 tahun atau kurang</translation>
    </message>
    <message>
        <source>21–30 years</source>
        <translation>21–30 tahun</translation>
    </message>
    <message>
        <source>31–40 years</source>
        <translation>31–40 tahun</translation>
    </message>
    <message>
        <source>41–50 years</source>
        <translation>41–50 tahun</translation>
    </message>
    <message>
        <source>51–60 years</source>
        <translation>51–60 tahun</translation>
    </message>
    <message>
        <source>Over 60</source>
        <translation>Di atas 60 tahun</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Laki-laki</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Perempuan</translation>
    </message>
    <message>
        <source>Primary school or less</source>
        <translation>SD ke bawah</translation>
    </message>
    <message>
        <source>Junior high school</source>
        <translation>SMP</translation>
    </message>
    <message>
        <source>Senior high school</source>
        <translation>SMA/SMK</translation>
    </message>
    <message>
        <source>Diploma (D1–D3)</source>
        <translation>Diploma (D1–D3)</translation>
    </message>
    <message>
        <source>Bachelor (D4/S1)</source>
        <translation>Sarjana (D4/S1)</translation>
    </message>
    <message>
        <source>Master or doctorate (S2/S3)</source>
        <translation>Pascasarjana (S2/S3)</translation>
    </message>
    <message>
        <source>Civil servant</source>
        <translation>PNS</translation>
    </message>
    <message>
        <source>Armed forces (TNI)</source>
        <translation>TNI</translation>
    </message>
    <message>
        <source>Police (POLRI)</source>
        <translation>POLRI</translation>
    </message>
    <message>
        <source>Private employee</source>
        <translation>Pegawai swasta</translation>
    </message>
    <message>
        <source>Self-employed</source>
        <translation>Wirausaha</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Pelajar/Mahasiswa</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>Persyaratan</translation>
    </message>
    <message>
        <source>How well do the service's requirements fit the kind of service?</source>
        <translation>Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?</translation>
    </message>
    <message>
        <source>Systems, mechanisms and procedures</source>
        <translation>Sistem, mekanisme dan prosedur</translation>
    </message>
    <message>
        <source>How easy is the service procedure at this office?</source>
        <translation>Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?</translation>
    </message>
    <message>
        <source>Completion time</source>
        <translation>Waktu penyelesaian</translation>
    </message>
    <message>
        <source>How quickly was the service given?</source>
        <translation>Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?</translation>
    </message>
    <message>
        <source>Fees/tariffs</source>
        <translation>Biaya/tarif</translation>
    </message>
    <message>
        <source>How fair is the fee/tariff of the service?</source>
        <translation>Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?</translation>
    </message>
    <message>
        <source>Product specification of the service</source>
        <translation>Produk spesifikasi jenis pelayanan</translation>
    </message>
    <message>
        <source>How well does the product you received match what the service standard lists?</source>
        <translation>Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?</translation>
    </message>
    <message>
        <source>Officer competence</source>
        <translation>Kompetensi pelaksana</translation>
    </message>
    <message>
        <source>How competent were the officers who served you?</source>
        <translation>Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?</translation>
    </message>
    <message>
        <source>Officer behaviour</source>
        <translation>Perilaku pelaksana</translation>
    </message>
    <message>
        <source>How polite and friendly were the officers?</source>
        <translation>Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?</translation>
    </message>
    <message>
        <source>Handling of complaints, suggestions and feedback</source>
        <translation>Penanganan pengaduan, saran dan masukan</translation>
    </message>
    <message>
        <source>How are users' complaints handled here?</source>
        <translation>Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?</translation>
    </message>
    <message>
        <source>Facilities and infrastructure</source>
        <translation>Sarana dan prasarana</translation>
    </message>
    <message>
        <source>What is the quality of the facilities and infrastructure?</source>
        <translation>Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?</translation>
    </message>
    <message>
        <source>Not suitable</source>
        <translation>Tidak sesuai</translation>
    </message>
    <message>
        <source>Less suitable</source>
        <translation>Kurang sesuai</translation>
    </message>
    <message>
        <source>Suitable</source>
        <translation>Sesuai</translation>
    </message>
    <message>
        <source>Very suitable</source>
        <translation>Sangat sesuai</translation>
    </message>
    <message>
        <source>Not easy</source>
        <translation>Tidak mudah</translation>
    </message>
    <message>
        <source>Less easy</source>
        <translation>Kurang mudah</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>Mudah</translation>
    </message>
    <message>
        <source>Very easy</source>
        <translation>Sangat mudah</translation>
    </message>
    <message>
        <source>Not fast</source>
        <translation>Tidak cepat</translation>
    </message>
    <message>
        <source>Less fast</source>
        <translation>Kurang cepat</translation>
    </message>
    <message>
        <source>Fast</source>
        <translation>Cepat</translation>
    </message>
    <message>
        <source>Very fast</source>
        <translation>Sangat cepat</translation>
    </message>
    <message>
        <source>Very expensive</source>
        <translation>Sangat mahal</translation>
    </message>
    <message>
        <source>Fairly expensive</source>
        <translation>Cukup mahal</translation>
    </message>
    <message>
        <source>Cheap</source>
        <translation>Murah</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Gratis</translation>
    </message>
    <message>
        <source>Not competent</source>
        <translation>Tidak kompeten</translation>
    </message>
    <message>
        <source>Less competent</source>
        <translation>Kurang kompeten</translation>
    </message>
    <message>
        <source>Competent</source>
        <translation>Kompeten</translation>
    </message>
    <message>
        <source>Very competent</source>
        <translation>Sangat kompeten</translation>
    </message>
    <message>
        <source>Not polite and friendly</source>
        <translation>Tidak sopan dan ramah</translation>
    </message>
    <message>
        <source>Less polite and friendly</source>
        <translation>Kurang sopan dan ramah</translation>
    </message>
    <message>
        <source>Polite and friendly</source>
        <translation>Sopan dan ramah</translation>
    </message>
    <message>
        <source>Very polite and friendly</source>
        <translation>Sangat sopan dan ramah</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Tidak ada</translation>
    </message>
    <message>
        <source>Available but not working</source>
        <translation>Ada tetapi tidak berfungsi</translation>
    </message>
    <message>
        <source>Working, not at its best</source>
        <translation>Berfungsi kurang maksimal</translation>
    </message>
    <message>
        <source>Well managed</source>
        <translation>Dikelola dengan baik</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Buruk</translation>
    </message>
    <message>
        <source>Adequate</source>
        <translation>Cukup</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Baik</translation>
    </message>
    <message>
        <source>Very good</source>
        <translation>Sangat Baik</translation>
    </message>
    <message>
        <source>Less good</source>
        <translation>Kurang Baik</translation>
    </message>
    <message>
        <source>Not good</source>
        <translation>Tidak Baik</translation>
    </message>
    <message>
        <source>Respondents: {count}</source>
        <translation>Responden: {count}</translation>
    </message>
    <message>
        <source>Minimum sample {needed} of {population}: reached.</source>
        <translation>Sampel minimum {needed} dari populasi {population}: tercapai.</translation>
    </message>
    <message>
        <source>Minimum sample {needed} of {population}: not reached.</source>
        <translation>Sampel minimum {needed} dari populasi {population}: belum tercapai.</translation>
    </message>
    <message>
        <source>{count} response(s) imported.</source>
        <translation>{count} jawaban survei diimpor.</translation>
    </message>
    <message>
        <source>IKM {ikm} (weight exactly 1/9) · index {index} · grade {grade} ({quality})</source>
        <translation>IKM {ikm} (bobot tepat 1/9) · indeks {index} · mutu {grade} ({quality})</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>Ditulis: {path}</translation>
    </message>
</context>
</TS>
