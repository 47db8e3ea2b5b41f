<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<!-- The public page "my place in the queue" (mpp_desk/server/public/queue_page.py); context "public" as public_id.ts. -->
<context>
    <name>public</name>
    <message>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <source>Called to {counter}</source>
        <translation>Dipanggil ke {counter}</translation>
    </message>
    <message>
        <source>Being served at {counter}</source>
        <translation>Sedang dilayani di {counter}</translation>
    </message>
    <message>
        <source>Set aside by {counter}: it will call you again</source>
        <translation>Ditunda oleh {counter}: Anda akan dipanggil lagi</translation>
    </message>
    <message>
        <source>Served. Thank you for your visit.</source>
        <translation>Sudah dilayani. Terima kasih atas kunjungan Anda.</translation>
    </message>
    <message>
        <source>Called, but you were not there. Ask at the information desk.</source>
        <translation>Sudah dipanggil, tetapi Anda tidak ada. Silakan bertanya di meja informasi.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Your number is called: please go to {counter} now.</source>
        <translation>Nomor Anda dipanggil: silakan menuju {counter} sekarang.</translation>
    </message>
    <message>
        <source>Called: {counter}</source>
        <translation>Dipanggil: {counter}</translation>
    </message>
    <message>
        <source>{n} people</source>
        <translation>{n} orang</translation>
    </message>
    <message>
        <source>1 person</source>
        <translation>1 orang</translation>
    </message>
    <message>
        <source>Nobody: you are next</source>
        <translation>Tidak ada: Anda berikutnya</translation>
    </message>
    <message>
        <source>about {n} minutes</source>
        <translation>sekitar {n} menit</translation>
    </message>
    <message>
        <source>soon</source>
        <translation>sebentar lagi</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>belum dapat diperkirakan</translation>
    </message>
    <message>
        <source>The live updates stopped. This page reloads itself every 30 seconds.</source>
        <translation>Pembaruan langsung terhenti. Halaman ini dimuat ulang sendiri setiap 30 detik.</translation>
    </message>
    <message>
        <source>The wait is an estimate from how fast this queue was served today; it may change. Stay near enough to come back in time.</source>
        <translation>Waktu tunggu ini perkiraan dari kecepatan layanan antrian ini hari ini; dapat berubah. Tetaplah cukup dekat agar dapat kembali tepat waktu.</translation>
    </message>
    <message>
        <source>Your place in the queue</source>
        <translation>Posisi antrian Anda</translation>
    </message>
    <message>
        <source>Ahead of you</source>
        <translation>Di depan Anda</translation>
    </message>
    <message>
        <source>Estimated wait</source>
        <translation>Perkiraan waktu tunggu</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Antrian</translation>
    </message>
    <message>
        <source>This ticket is not for today.</source>
        <translation>Tiket ini bukan untuk hari ini.</translation>
    </message>
    <message>
        <source>Called now</source>
        <translation>Dipanggil sekarang</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>This page updates itself.</source>
        <translation>Halaman ini diperbarui sendiri.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>Nomor Anda</translation>
    </message>
    <message>
        <source>This is not a queue ticket of this office, or it was altered. Ask at the information desk.</source>
        <translation>Ini bukan tiket antrian kantor ini, atau tiketnya telah diubah. Silakan bertanya di meja informasi.</translation>
    </message>
    <message>
        <source>My place in the queue</source>
        <translation>Posisi antrian saya</translation>
    </message>
    <message>
        <source>Scan the QR code on your queue ticket: see the number called at each counter, how many are ahead of you and the estimated wait, live.</source>
        <translation>Pindai kode QR pada tiket antrian Anda: lihat nomor yang dipanggil di tiap loket, berapa orang di depan Anda, dan perkiraan waktu tunggu, langsung.</translation>
    </message>
</context>
</TS>
