<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
    <context>
        <name>settings</name>
    <message>
        <source>Cuti bersama decreed and entered up to the year</source>
        <translation>Cuti bersama sudah ditetapkan dan dimasukkan sampai tahun</translation>
    </message>
    <message>
        <source>Letterhead logo (PNG or JPEG file)</source>
        <translation>Logo kop (berkas PNG atau JPEG)</translation>
    </message>
    <message>
        <source>Letterhead: agency</source>
        <translation>Kop: dinas</translation>
    </message>
    <message>
        <source>Letterhead: government</source>
        <translation>Kop: pemerintah daerah</translation>
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
            <source>Role of this PC</source>
            <translation>Peran PC ini</translation>
        </message>
        <message>
            <source>Counter number</source>
            <translation>Nomor loket</translation>
        </message>
        <message>
            <source>Counter name</source>
            <translation>Nama loket</translation>
        </message>
        <message>
            <source>Receipt printer</source>
            <translation>Printer tanda terima</translation>
        </message>
        <message>
            <source>Queue ticket printer</source>
            <translation>Printer tiket antrian</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Bahasa</translation>
        </message>
        <message>
            <source>Lock the screen after this many idle minutes</source>
            <translation>Kunci layar setelah tidak digunakan selama (menit)</translation>
        </message>
        <message>
            <source>Failed sign-ins before an account is locked</source>
            <translation>Jumlah gagal masuk sebelum akun dikunci</translation>
        </message>
        <message>
            <source>Minutes an account stays locked</source>
            <translation>Lama akun terkunci (menit)</translation>
        </message>
        <message>
            <source>Central server address</source>
            <translation>Alamat server pusat</translation>
        </message>
        <message>
            <source>Receipt verification address</source>
            <translation>Alamat verifikasi tanda terima</translation>
        </message>
        <message>
            <source>Running text of the display board</source>
            <translation>Teks berjalan papan antrian</translation>
        </message>
        <message>
            <source>Counters may call offline from the last known waiting list</source>
            <translation>Loket boleh memanggil tanpa server dari daftar tunggu terakhir yang diketahui</translation>
        </message>
        <message>
            <source>Speaker zone of this display board (boards of one zone speak a call once)</source>
            <translation>Zona pengeras suara papan antrian ini (papan dalam satu zona menyuarakan panggilan sekali)</translation>
        </message>
        <message>
            <source>Settings schema version</source>
            <translation>Versi skema pengaturan</translation>
        </message>
        <message>
        <source>Daily backups to keep</source>
        <translation>Cadangan harian yang disimpan</translation>
    </message>
    <message>
        <source>Weekly backups to keep</source>
        <translation>Cadangan mingguan yang disimpan</translation>
    </message>
    <message>
        <source>Monthly backups to keep</source>
        <translation>Cadangan bulanan yang disimpan</translation>
    </message>
    <message>
        <source>Years to keep applicants' personal data after a file is handed over or rejected</source>
        <translation>Lama menyimpan data pribadi pemohon (tahun) setelah berkas diserahkan atau ditolak</translation>
    </message>
    <message>
        <source>Years to keep applicants' personal data of incomplete or cancelled visits</source>
        <translation>Lama menyimpan data pribadi pemohon (tahun) dari kunjungan tidak lengkap atau dibatalkan</translation>
    </message>
    <message>
        <source>Years to keep reporters' personal data after a complaint is closed</source>
        <translation>Lama menyimpan data pribadi pelapor (tahun) setelah pengaduan ditutup</translation>
    </message>
</context>
    <context>
        <name>errors</name>
        <message>
            <source>Printer not recognised. Use escpos-usb:VENDOR:PRODUCT, escpos-net:ADDRESS[:PORT], escpos-file:DEVICE, system:PRINTER NAME, pdf or pdf:FOLDER.</source>
            <translation>Printer tidak dikenali. Gunakan escpos-usb:VENDOR:PRODUK, escpos-net:ALAMAT[:PORT], escpos-file:PERANGKAT, system:NAMA PRINTER, pdf atau pdf:FOLDER.</translation>
        </message>
        <message>
            <source>Enter a web address that starts with https:// or http://.</source>
            <translation>Isi alamat web yang diawali https:// atau http://.</translation>
        </message>
        <message>
            <source>Choose yes or no.</source>
            <translation>Pilih ya atau tidak.</translation>
        </message>
        <message>
            <source>Enter a whole number.</source>
            <translation>Isi dengan bilangan bulat.</translation>
        </message>
        <message>
            <source>Enter a number from {minimum} to {maximum}.</source>
            <translation>Isi angka dari {minimum} sampai {maximum}.</translation>
        </message>
        <message>
            <source>Enter text.</source>
            <translation>Isi dengan teks.</translation>
        </message>
        <message>
            <source>This cannot be empty.</source>
            <translation>Isian ini tidak boleh kosong.</translation>
        </message>
        <message>
            <source>Choose one of: {choices}.</source>
            <translation>Pilih salah satu: {choices}.</translation>
        </message>
        <message>
            <source>There is no setting named {key}.</source>
            <translation>Tidak ada pengaturan bernama {key}.</translation>
        </message>
        <message>
            <source>This setting is kept by the application and cannot be changed.</source>
            <translation>Pengaturan ini dikelola oleh aplikasi dan tidak dapat diubah.</translation>
        </message>
        <message>
        <source>Enter a web address that starts with https://.</source>
        <translation>Masukkan alamat web yang diawali https://.</translation>
    </message>
    <message>
        <source>The PDF folder {folder} is outside the data folder {data}. An administrator can confirm it (the files hold personal data and are not protected there).</source>
        <translation>Folder PDF {folder} berada di luar folder data {data}. Administrator dapat mengonfirmasinya (berkas berisi data pribadi dan tidak terlindungi di sana).</translation>
    </message>
</context>
</TS>
