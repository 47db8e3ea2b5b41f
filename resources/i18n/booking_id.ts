<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<!-- Booked visits (issue 17): the public pages under /kunjungan and the kiosk's redeeming (server/bookings.py). -->
<context>
    <name>errors</name>
    <message>
        <source>Booking codes need the office's queue server; this kiosk works without it. Please take a normal queue number.</source>
        <translation>Kode booking memerlukan server antrian kantor; kios ini bekerja tanpa server itu. Silakan ambil nomor antrian biasa.</translation>
    </message>
    <message>
        <source>Booking settings out of range: share 0-100 %, slot 5-240 minutes, grace and early 0-240 minutes, 1-30 days ahead.</source>
        <translation>Pengaturan booking di luar batas: porsi 0-100 %, slot 5-240 menit, toleransi dan lebih awal 0-240 menit, 1-30 hari ke depan.</translation>
    </message>
    <message>
        <source>This service cannot be booked.</source>
        <translation>Layanan ini tidak dapat dipesan.</translation>
    </message>
    <message>
        <source>Type your name (2 to 60 characters).</source>
        <translation>Ketik nama Anda (2 sampai 60 karakter).</translation>
    </message>
    <message>
        <source>Type a mobile number starting with 08 (10 to 13 digits).</source>
        <translation>Ketik nomor ponsel yang diawali 08 (10 sampai 13 angka).</translation>
    </message>
    <message>
        <source>This day has passed. Choose another day.</source>
        <translation>Hari ini sudah lewat. Pilih hari lain.</translation>
    </message>
    <message>
        <source>The office is closed on that day. Choose another day.</source>
        <translation>Kantor tutup pada hari itu. Pilih hari lain.</translation>
    </message>
    <message>
        <source>That time is outside the service's hours. Choose a time from the list.</source>
        <translation>Jam itu di luar jam layanan. Pilih jam dari daftar.</translation>
    </message>
    <message>
        <source>That time has passed. Choose a later time.</source>
        <translation>Jam itu sudah lewat. Pilih jam yang lebih lambat.</translation>
    </message>
    <message>
        <source>That time is fully booked. Choose another time or day.</source>
        <translation>Jam itu sudah penuh. Pilih jam atau hari lain.</translation>
    </message>
    <message>
        <source>This phone number already has a booking for this service on that day.</source>
        <translation>Nomor ponsel ini sudah memiliki booking untuk layanan ini pada hari itu.</translation>
    </message>
    <message>
        <source>No booking matches this code and these phone digits.</source>
        <translation>Tidak ada booking yang cocok dengan kode dan angka ponsel ini.</translation>
    </message>
    <message>
        <source>Booking {code} has already been used for a ticket.</source>
        <translation>Booking {code} sudah dipakai untuk mengambil nomor antrian.</translation>
    </message>
    <message>
        <source>Booking {code} was released because it was not used in time. Please take a normal queue number.</source>
        <translation>Booking {code} sudah dilepas karena tidak dipakai tepat waktu. Silakan ambil nomor antrian biasa.</translation>
    </message>
    <message>
        <source>Booking {code} was cancelled. Please take a normal queue number.</source>
        <translation>Booking {code} sudah dibatalkan. Silakan ambil nomor antrian biasa.</translation>
    </message>
    <message>
        <source>There is no booking with code {code}. Check the code, or take a normal queue number.</source>
        <translation>Tidak ada booking dengan kode {code}. Periksa kodenya, atau ambil nomor antrian biasa.</translation>
    </message>
    <message>
        <source>Booking {code} is for {day}, not today. Please come back on that day.</source>
        <translation>Booking {code} untuk {day}, bukan hari ini. Silakan datang pada hari itu.</translation>
    </message>
    <message>
        <source>Booking {code} is for {start}. Its ticket can be taken from {opens}.</source>
        <translation>Booking {code} untuk pukul {start}. Nomor antriannya dapat diambil mulai pukul {opens}.</translation>
    </message>
</context>
<context>
    <name>public</name>
    <message>
        <source>Booked: show the code at the kiosk</source>
        <translation>Terpesan: tunjukkan kode di kios</translation>
    </message>
    <message>
        <source>Used: your queue number was issued</source>
        <translation>Terpakai: nomor antrian Anda sudah dicetak</translation>
    </message>
    <message>
        <source>Released: not used in time</source>
        <translation>Dilepas: tidak dipakai tepat waktu</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Jam</translation>
    </message>
    <message>
        <source>Book a visit</source>
        <translation>Pesan kunjungan</translation>
    </message>
    <message>
        <source>Choose the service you will come for, then a day and a time. You get a booking code: at the kiosk it gives you your queue number at once, without coming early for one.</source>
        <translation>Pilih layanan yang akan Anda datangi, lalu hari dan jam. Anda mendapat kode booking: di kios kode itu langsung memberi nomor antrian, tanpa perlu datang pagi-pagi.</translation>
    </message>
    <message>
        <source>Another service of this queue</source>
        <translation>Layanan lain di antrian ini</translation>
    </message>
    <message>
        <source>Choose a day</source>
        <translation>Pilih hari</translation>
    </message>
    <message>
        <source>No service takes bookings at the moment.</source>
        <translation>Saat ini belum ada layanan yang dapat dipesan.</translation>
    </message>
    <message>
        <source>Cancel a booking</source>
        <translation>Batalkan booking</translation>
    </message>
    <message>
        <source>{n} places free</source>
        <translation>{n} tempat tersedia</translation>
    </message>
    <message>
        <source>full</source>
        <translation>penuh</translation>
    </message>
    <message>
        <source>No day can be booked now.</source>
        <translation>Belum ada hari yang dapat dipesan.</translation>
    </message>
    <message>
        <source>Other services</source>
        <translation>Layanan lain</translation>
    </message>
    <message>
        <source>Choose a time</source>
        <translation>Pilih jam</translation>
    </message>
    <message>
        <source>No time is free on this day.</source>
        <translation>Tidak ada jam yang tersedia pada hari ini.</translation>
    </message>
    <message>
        <source>Another day</source>
        <translation>Hari lain</translation>
    </message>
    <message>
        <source>Your name and phone</source>
        <translation>Nama dan nomor ponsel Anda</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>As on your KTP</source>
        <translation>Sesuai KTP Anda</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>Nomor ponsel</translation>
    </message>
    <message>
        <source>e.g. 0812 3456 7890. Kept only to allow one booking per phone a day; pages show its last four digits.</source>
        <translation>mis. 0812 3456 7890. Hanya dipakai agar satu ponsel satu booking per hari; halaman hanya menampilkan empat angka terakhirnya.</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Pesan</translation>
    </message>
    <message>
        <source>Your booking</source>
        <translation>Booking Anda</translation>
    </message>
    <message>
        <source>QR code of booking {code}</source>
        <translation>Kode QR booking {code}</translation>
    </message>
    <message>
        <source>At the office</source>
        <translation>Di kantor</translation>
    </message>
    <message>
        <source>From {opens} on {day}, touch “Punya kode booking?” on the kiosk and scan this QR code or type the code: your queue number is printed at once. If you have not taken it by {release}, the place goes to walk-in visitors.</source>
        <translation>Mulai pukul {opens} pada {day}, sentuh “Punya kode booking?” di kios lalu pindai kode QR ini atau ketik kodenya: nomor antrian Anda langsung dicetak. Jika belum diambil sampai pukul {release}, tempatnya diberikan kepada pengunjung lain.</translation>
    </message>
    <message>
        <source>Cancel this booking</source>
        <translation>Batalkan booking ini</translation>
    </message>
    <message>
        <source>Booking code</source>
        <translation>Kode booking</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Ponsel</translation>
    </message>
    <message>
        <source>Type the booking code and the last four digits of the phone number you booked with. The place goes back to other visitors.</source>
        <translation>Ketik kode booking dan empat angka terakhir nomor ponsel yang Anda pakai saat memesan. Tempatnya kembali tersedia bagi pengunjung lain.</translation>
    </message>
    <message>
        <source>8 letters and digits</source>
        <translation>8 huruf dan angka</translation>
    </message>
    <message>
        <source>Last four digits of the phone</source>
        <translation>Empat angka terakhir nomor ponsel</translation>
    </message>
    <message>
        <source>Not booked</source>
        <translation>Belum terpesan</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Tidak ditemukan</translation>
    </message>
    <message>
        <source>No booking has this code. Check it on your confirmation.</source>
        <translation>Tidak ada booking dengan kode ini. Periksa kode pada konfirmasi Anda.</translation>
    </message>
    <message>
        <source>Choose a service, a day and a time; the kiosk gives you your number at once with the booking code.</source>
        <translation>Pilih layanan, hari, dan jam; dengan kode booking, kios langsung memberi nomor antrian Anda.</translation>
    </message>
</context>
</TS>
