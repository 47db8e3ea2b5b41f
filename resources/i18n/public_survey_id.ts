<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<!-- The public survey page (mpp_desk/server/public/survey_page.py); context "public" like public_id.ts. -->
<context>
    <name>public</name>
    <message>
        <source>Satisfaction survey</source>
        <translation>Survei kepuasan masyarakat</translation>
    </message>
    <message>
        <source>Rate the service you received, from the QR code on your served queue ticket or your Tanda Terima.</source>
        <translation>Nilai pelayanan yang Anda terima, dari kode QR pada tiket antrian yang sudah dilayani atau pada Tanda Terima Anda.</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Usia</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Highest education</source>
        <translation>Pendidikan terakhir</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Fill in the satisfaction survey</source>
        <translation>Isi survei kepuasan</translation>
    </message>
    <message>
        <source>Survey not available</source>
        <translation>Survei tidak tersedia</translation>
    </message>
    <message>
        <source>This code is not a valid queue ticket or Tanda Terima of this office. Open the survey from the QR code on your paper.</source>
        <translation>Kode ini bukan tiket antrian atau Tanda Terima yang sah dari kantor ini. Buka survei dari kode QR pada kertas Anda.</translation>
    </message>
    <message>
        <source>The survey is filled in from a served queue ticket or a Tanda Terima; this paper has no survey.</source>
        <translation>Survei diisi dari tiket antrian yang sudah dilayani atau dari Tanda Terima; kertas ini tidak memiliki survei.</translation>
    </message>
    <message>
        <source>The survey opens once this ticket has been served. Scan the QR code again after your turn at the counter.</source>
        <translation>Survei dapat diisi setelah tiket ini dilayani. Pindai lagi kode QR setelah giliran Anda di loket selesai.</translation>
    </message>
    <message>
        <source>This service was already rated: one response per ticket or file. Thank you.</source>
        <translation>Layanan ini sudah dinilai: satu survei untuk satu nomor antrian atau berkas. Terima kasih.</translation>
    </message>
    <message>
        <source>Tell us how the service went: nine short questions, about a minute. Your name is not asked.</source>
        <translation>Sampaikan pendapat Anda tentang pelayanan kami: sembilan pertanyaan singkat, sekitar satu menit. Nama Anda tidak ditanyakan.</translation>
    </message>
    <message>
        <source>The satisfaction survey for this service was filled in. Thank you.</source>
        <translation>Survei kepuasan untuk layanan ini sudah diisi. Terima kasih.</translation>
    </message>
    <message>
        <source>Scan the QR code on your queue ticket or Tanda Terima: once the paper is checked, choose “Fill in the satisfaction survey”. Without a camera, type the code printed under the QR code.</source>
        <translation>Pindai kode QR pada tiket antrian atau Tanda Terima Anda: setelah kertas diperiksa, pilih “Isi survei kepuasan”. Tanpa kamera, ketik kode yang tercetak di bawah kode QR.</translation>
    </message>
    <message>
        <source>Services of the MPP in general</source>
        <translation>Pelayanan MPP secara umum</translation>
    </message>
    <message>
        <source>Nine questions, each with four answers. A question you cannot answer may be left empty; answer at least one.</source>
        <translation>Sembilan pertanyaan, masing-masing dengan empat pilihan jawaban. Pertanyaan yang tidak dapat Anda jawab boleh dikosongkan; jawablah paling sedikit satu.</translation>
    </message>
    <message>
        <source>About you</source>
        <translation>Tentang Anda</translation>
    </message>
    <message>
        <source>Optional: it helps read the results by group.</source>
        <translation>Boleh dikosongkan: membantu membaca hasil survei per kelompok.</translation>
    </message>
    <message>
        <source>At most {n} characters of plain text. Please do not write your NIK, phone number or address.</source>
        <translation>Paling banyak {n} karakter teks biasa. Mohon tidak menuliskan NIK, nomor telepon, atau alamat Anda.</translation>
    </message>
    <message>
        <source>Suggestion (optional)</source>
        <translation>Saran (boleh dikosongkan)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Kirim</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Terima kasih</translation>
    </message>
    <message>
        <source>Your answers were received. They count in the office's satisfaction index (IKM) and help improve the service.</source>
        <translation>Jawaban Anda sudah kami terima. Jawaban ini dihitung dalam Indeks Kepuasan Masyarakat (IKM) kantor dan membantu memperbaiki pelayanan.</translation>
    </message>
    <message>
        <source>Back to the main page</source>
        <translation>Kembali ke halaman utama</translation>
    </message>
    <message>
        <source>An answer is not one of this form's choices. Please choose again.</source>
        <translation>Ada jawaban yang bukan pilihan formulir ini. Silakan pilih lagi.</translation>
    </message>
    <message>
        <source>Answer at least one of the nine questions.</source>
        <translation>Jawablah paling sedikit satu dari sembilan pertanyaan.</translation>
    </message>
    <message>
        <source>The suggestion is longer than {n} characters. Please shorten it.</source>
        <translation>Saran lebih panjang dari {n} karakter. Mohon dipersingkat.</translation>
    </message>
    <message>
        <source>Survey already filled in</source>
        <translation>Survei sudah diisi</translation>
    </message>
</context>
</TS>
