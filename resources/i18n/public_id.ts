<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<context>
    <name>public</name>
    <message>
        <source>Follow a file</source>
        <translation>Lacak berkas</translation>
    </message>
    <message>
        <source>With the registration number on your Tanda Terima and the last four digits of your NIK.</source>
        <translation>Dengan nomor registrasi pada Tanda Terima Anda dan empat angka terakhir NIK Anda.</translation>
    </message>
    <message>
        <source>Follow a complaint</source>
        <translation>Lacak pengaduan</translation>
    </message>
    <message>
        <source>With the case number and the follow code on your complaint receipt.</source>
        <translation>Dengan nomor pengaduan dan kode lacak pada tanda terima pengaduan Anda.</translation>
    </message>
    <message>
        <source>Check a paper</source>
        <translation>Periksa keaslian</translation>
    </message>
    <message>
        <source>Scan the QR code on a ticket or receipt with your phone's camera, or type its code here.</source>
        <translation>Pindai kode QR pada tiket atau tanda terima dengan kamera ponsel Anda, atau ketik kodenya di sini.</translation>
    </message>
    <message>
        <source>This page keeps no cookies and shows no more than your paper does.</source>
        <translation>Halaman ini tidak menyimpan cookie dan tidak menampilkan lebih dari yang tertulis pada kertas Anda.</translation>
    </message>
    <message>
        <source>Public services: your papers</source>
        <translation>Layanan publik: dokumen Anda</translation>
    </message>
    <message>
        <source>Ticket number</source>
        <translation>Nomor tiket</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Nomor registrasi</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>Tanggal datang</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Tanggal jatuh tempo</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Salinan</translation>
    </message>
    <message>
        <source>copy {n} (SALINAN)</source>
        <translation>cetakan ke-{n} (SALINAN)</translation>
    </message>
    <message>
        <source>Follow this file</source>
        <translation>Lacak berkas ini</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Nomor pengaduan</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Response at the latest on</source>
        <translation>Ditanggapi paling lambat</translation>
    </message>
    <message>
        <source>Follow this complaint</source>
        <translation>Lacak pengaduan ini</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <source>Your file</source>
        <translation>Berkas Anda</translation>
    </message>
    <message>
        <source>Late: {n} working days past the due date.</source>
        <translation>Terlambat: {n} hari kerja melewati tanggal jatuh tempo.</translation>
    </message>
    <message>
        <source>{n} working days left until the due date.</source>
        <translation>Tersisa {n} hari kerja sampai tanggal jatuh tempo.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>What to bring</source>
        <translation>Yang perlu dibawa</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <source>Your complaint</source>
        <translation>Pengaduan Anda</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Sedang ditangani</translation>
    </message>
    <message>
        <source>Answered on</source>
        <translation>Dijawab pada</translation>
    </message>
    <message>
        <source>The response is late; you may ask at the complaint desk.</source>
        <translation>Tanggapan terlambat; Anda dapat menanyakannya di meja pengaduan.</translation>
    </message>
    <message>
        <source>Steps so far</source>
        <translation>Langkah sejauh ini</translation>
    </message>
    <message>
        <source>Too many requests from your connection. Please wait {minutes} minute(s) and try again.</source>
        <translation>Terlalu banyak permintaan dari sambungan Anda. Mohon tunggu {minutes} menit, lalu coba lagi.</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Mohon tunggu</translation>
    </message>
    <message>
        <source>Scanning the QR code opens this check by itself. Without a camera, type the code printed under the QR code, or paste the whole address.</source>
        <translation>Memindai kode QR langsung membuka pemeriksaan ini. Tanpa kamera, ketik kode yang tercetak di bawah kode QR, atau tempel seluruh alamatnya.</translation>
    </message>
    <message>
        <source>Code or address</source>
        <translation>Kode atau alamat</translation>
    </message>
    <message>
        <source>As printed, e.g. AbC123de.eyJ…</source>
        <translation>Seperti tercetak, mis. AbC123de.eyJ…</translation>
    </message>
    <message>
        <source>Type the registration number printed on your Tanda Terima and the last four digits of the applicant's NIK.</source>
        <translation>Ketik nomor registrasi yang tercetak pada Tanda Terima Anda dan empat angka terakhir NIK pemohon.</translation>
    </message>
    <message>
        <source>e.g. MPP/2026/03/010001</source>
        <translation>mis. MPP/2026/03/010001</translation>
    </message>
    <message>
        <source>Last four digits of the NIK</source>
        <translation>Empat angka terakhir NIK</translation>
    </message>
    <message>
        <source>4 digits</source>
        <translation>4 angka</translation>
    </message>
    <message>
        <source>Type the case number and the follow code printed on your complaint receipt.</source>
        <translation>Ketik nomor pengaduan dan kode lacak yang tercetak pada tanda terima pengaduan Anda.</translation>
    </message>
    <message>
        <source>e.g. ADU/2026/11/K7Q-0042</source>
        <translation>mis. ADU/2026/11/K7Q-0042</translation>
    </message>
    <message>
        <source>Follow code</source>
        <translation>Kode lacak</translation>
    </message>
    <message>
        <source>8 letters and digits, e.g. K7QD-3M2X</source>
        <translation>8 huruf dan angka, mis. K7QD-3M2X</translation>
    </message>
    <message>
        <source>Type the code first.</source>
        <translation>Ketik kodenya terlebih dahulu.</translation>
    </message>
    <message>
        <source>Fill in both fields.</source>
        <translation>Isi kedua kolom.</translation>
    </message>
    <message>
        <source>Too many wrong attempts for this number. Use the QR code on your paper, or ask at the counter.</source>
        <translation>Terlalu banyak percobaan yang salah untuk nomor ini. Gunakan kode QR pada kertas Anda, atau tanyakan di loket.</translation>
    </message>
    <message>
        <source>No file matches this registration number and these NIK digits. Check both on your Tanda Terima.</source>
        <translation>Tidak ada berkas yang cocok dengan nomor registrasi dan angka NIK ini. Periksa keduanya pada Tanda Terima Anda.</translation>
    </message>
    <message>
        <source>No complaint matches this case number and follow code. Check both on your receipt.</source>
        <translation>Tidak ada pengaduan yang cocok dengan nomor pengaduan dan kode lacak ini. Periksa keduanya pada tanda terima Anda.</translation>
    </message>
    <message>
        <source>This code is not a valid Tanda Terima of this office. Open it from the QR code to see why.</source>
        <translation>Kode ini bukan Tanda Terima yang sah dari kantor ini. Buka dari kode QR untuk melihat alasannya.</translation>
    </message>
    <message>
        <source>This code is not a valid complaint receipt of this office. Open it from the QR code to see why.</source>
        <translation>Kode ini bukan tanda terima pengaduan yang sah dari kantor ini. Buka dari kode QR untuk melihat alasannya.</translation>
    </message>
    <message>
        <source>Genuine</source>
        <translation>Asli</translation>
    </message>
    <message>
        <source>Not valid</source>
        <translation>Tidak sah</translation>
    </message>
    <message>
        <source>This {kind} is genuine: it was issued by {office} and matches the office's record.</source>
        <translation>{kind} ini asli: diterbitkan oleh {office} dan cocok dengan catatan kantor.</translation>
    </message>
    <message>
        <source>This is not a code of {office}, or it is damaged. Scan the whole code again, or ask at the counter.</source>
        <translation>Ini bukan kode dari {office}, atau kodenya rusak. Pindai lagi seluruh kodenya, atau tanyakan di loket.</translation>
    </message>
    <message>
        <source>This code was not issued by {office}: it may come from another office. Ask the office that gave you the paper.</source>
        <translation>Kode ini tidak diterbitkan oleh {office}: mungkin berasal dari kantor lain. Tanyakan kepada kantor yang memberi Anda kertas ini.</translation>
    </message>
    <message>
        <source>This code was altered or forged: the paper is not valid.</source>
        <translation>Kode ini telah diubah atau dipalsukan: kertas ini tidak sah.</translation>
    </message>
    <message>
        <source>This code points to another address ({address}), not to {office}'s verification page: it is not a paper of this office.</source>
        <translation>Kode ini menunjuk ke alamat lain ({address}), bukan ke halaman pemeriksaan {office}: ini bukan kertas dari kantor ini.</translation>
    </message>
    <message>
        <source>This code is genuine, but it is not a paper this page can check.</source>
        <translation>Kode ini asli, tetapi bukan kertas yang dapat diperiksa di halaman ini.</translation>
    </message>
    <message>
        <source>The signature is genuine, but {office} has no record of this {kind}. If it was issued in the last hour, try again later; otherwise ask at the counter.</source>
        <translation>Tanda tangannya asli, tetapi {office} tidak mempunyai catatan {kind} ini. Bila baru diterbitkan dalam satu jam terakhir, coba lagi nanti; bila tidak, tanyakan di loket.</translation>
    </message>
    <message>
        <source>This {kind} does not match the office's record: it is not valid.</source>
        <translation>{kind} ini tidak cocok dengan catatan kantor: tidak sah.</translation>
    </message>
    <message>
        <source>Does not match: {fields}.</source>
        <translation>Tidak cocok: {fields}.</translation>
    </message>
    <message>
        <source>queue ticket</source>
        <translation>tiket antrian</translation>
    </message>
    <message>
        <source>receipt of application file (Tanda Terima)</source>
        <translation>Tanda Terima berkas permohonan</translation>
    </message>
    <message>
        <source>return slip</source>
        <translation>surat pengembalian berkas</translation>
    </message>
    <message>
        <source>complaint receipt</source>
        <translation>tanda terima pengaduan</translation>
    </message>
    <message>
        <source>paper</source>
        <translation>kertas</translation>
    </message>
    <message>
        <source>ticket number</source>
        <translation>nomor tiket</translation>
    </message>
    <message>
        <source>date</source>
        <translation>tanggal</translation>
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
        <source>service (KBLI)</source>
        <translation>layanan (KBLI)</translation>
    </message>
    <message>
        <source>date received</source>
        <translation>tanggal diterima</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>tanggal jatuh tempo</translation>
    </message>
    <message>
        <source>copy number</source>
        <translation>nomor cetakan</translation>
    </message>
    <message>
        <source>case number</source>
        <translation>nomor pengaduan</translation>
    </message>
    <message>
        <source>type</source>
        <translation>jenis</translation>
    </message>
    <message>
        <source>respond-by date</source>
        <translation>batas tanggal tanggapan</translation>
    </message>
    <message>
        <source>kind of paper</source>
        <translation>jenis kertas</translation>
    </message>
    <message>
        <source>In process</source>
        <translation>Diproses</translation>
    </message>
    <message>
        <source>Finished: ready to collect</source>
        <translation>Selesai: siap diambil</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Diserahkan</translation>
    </message>
    <message>
        <source>Nothing yet: the file is waiting to be processed. Come back when it is finished.</source>
        <translation>Belum ada: berkas menunggu diproses. Datanglah setelah statusnya selesai.</translation>
    </message>
    <message>
        <source>Nothing yet: the file is being processed. Come back when it is finished.</source>
        <translation>Belum ada: berkas sedang diproses. Datanglah setelah statusnya selesai.</translation>
    </message>
    <message>
        <source>Bring this Tanda Terima and your original KTP. Someone collecting for you brings a signed power of attorney (surat kuasa), your KTP copy and their own KTP.</source>
        <translation>Bawa Tanda Terima ini dan KTP asli Anda. Bila diwakilkan, orang yang mengambil membawa surat kuasa bertanda tangan, fotokopi KTP Anda, dan KTP-nya sendiri.</translation>
    </message>
    <message>
        <source>Bring this Tanda Terima and your original KTP to the counter to take back your documents and hear the reason.</source>
        <translation>Bawa Tanda Terima ini dan KTP asli Anda ke loket untuk mengambil kembali dokumen Anda dan mendengar alasannya.</translation>
    </message>
    <message>
        <source>Nothing: the result was handed over.</source>
        <translation>Tidak ada: hasilnya sudah diserahkan.</translation>
    </message>
    <message>
        <source>Complaint received</source>
        <translation>Pengaduan diterima</translation>
    </message>
    <message>
        <source>Checked and classified</source>
        <translation>Diperiksa dan diklasifikasikan</translation>
    </message>
    <message>
        <source>Analysed</source>
        <translation>Dianalisis</translation>
    </message>
    <message>
        <source>Being followed up</source>
        <translation>Sedang ditindaklanjuti</translation>
    </message>
    <message>
        <source>You were informed of the answer</source>
        <translation>Jawaban telah disampaikan kepada Anda</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Dibuka kembali</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Saran</translation>
    </message>
</context>
</TS>
