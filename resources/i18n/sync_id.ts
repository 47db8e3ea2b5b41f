<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<context>
    <name>sync</name>
    <message>
        <source>The server {url} cannot be reached ({reason}). Changes stay on this PC and are sent later.</source>
        <translation>Server {url} tidak dapat dihubungi ({reason}). Perubahan tetap tersimpan di PC ini dan dikirim nanti.</translation>
    </message>
    <message>
        <source>The server does not accept this PC ({detail}). Ask the administrator for a new enrolment code and join again.</source>
        <translation>Server tidak menerima PC ini ({detail}). Minta kode pendaftaran baru kepada administrator lalu gabung kembali.</translation>
    </message>
    <message>
        <source>The server refused a change this PC may not make: {detail}</source>
        <translation>Server menolak perubahan yang tidak boleh dibuat oleh PC ini: {detail}</translation>
    </message>
    <message>
        <source>This MPP Desk is too old for the server: {detail}</source>
        <translation>Versi MPP Desk ini terlalu lama untuk server: {detail}</translation>
    </message>
    <message>
        <source>The server {url} has a problem (HTTP {status}). Changes stay on this PC and are sent later.</source>
        <translation>Server {url} sedang bermasalah (HTTP {status}). Perubahan tetap tersimpan di PC ini dan dikirim nanti.</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP {status}): {detail}</source>
        <translation>Server menolak permintaan (HTTP {status}): {detail}</translation>
    </message>
    <message>
        <source>This PC has already joined {url}.</source>
        <translation>PC ini sudah tergabung ke {url}.</translation>
    </message>
    <message>
        <source>This PC has not joined a server yet: run mpp-desk sync join URL CODE.</source>
        <translation>PC ini belum tergabung ke server: jalankan mpp-desk sync join URL KODE.</translation>
    </message>
    <message>
        <source>The server {url} did not show a certificate of the office's CA for this address; nothing was sent.</source>
        <translation>Server {url} tidak menunjukkan sertifikat dari CA kantor untuk alamat ini; tidak ada yang dikirim.</translation>
    </message>
    <message>
        <source>Use https:// for the server {url}: records with personal data only travel encrypted (mpp-central cert init).</source>
        <translation>Gunakan https:// untuk server {url}: data yang memuat data pribadi hanya dikirim terenkripsi (mpp-central cert init).</translation>
    </message>
    <message>
        <source>The CA file {path} cannot be read: {reason}</source>
        <translation>Berkas CA {path} tidak dapat dibaca: {reason}</translation>
    </message>
    <message>
        <source>This PC has joined the office's server but has not received its block of registration numbers yet, so it cannot number a file. Connect it to the server (the sync status at the top shows when it is online) and try again.</source>
        <translation>PC ini sudah bergabung dengan server kantor tetapi belum menerima blok nomor registrasinya, sehingga belum dapat memberi nomor berkas. Hubungkan ke server (status sinkronisasi di bagian atas menunjukkan kapan daring) lalu coba lagi.</translation>
    </message>
    <message>
        <source>This PC has joined the office's server but has not received its block of complaint numbers yet, so it cannot number a case. Connect it to the server (the sync status at the top shows when it is online) and try again.</source>
        <translation>PC ini sudah bergabung dengan server kantor tetapi belum menerima blok nomor pengaduannya, sehingga belum dapat memberi nomor kasus. Hubungkan ke server (status sinkronisasi di bagian atas menunjukkan kapan daring) lalu coba lagi.</translation>
    </message>
    <message>
        <source>This data folder was copied or moved after the PC joined the server as {name}, so it does not sync as that PC: nothing was sent. To use this copy, ask the administrator to revoke {name} and enrol a new device, delete sync.json here and join again.</source>
        <translation>Folder data ini disalin atau dipindahkan setelah PC bergabung dengan server sebagai {name}, sehingga tidak disinkronkan sebagai PC itu: tidak ada yang dikirim. Untuk memakai salinan ini, minta administrator mencabut {name} dan mendaftarkan perangkat baru, hapus sync.json di sini lalu gabung kembali.</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Sent {pushed}, received {pulled}, waiting {pending}, conflicts {conflicts}, refused {rejected}.</source>
        <translation>Terkirim {pushed}, diterima {pulled}, menunggu {pending}, konflik {conflicts}, ditolak {rejected}.</translation>
    </message>
    <message>
        <source>This PC joined {office} at {url} as {name} ({role}).</source>
        <translation>PC ini bergabung ke {office} di {url} sebagai {name} ({role}).</translation>
    </message>
    <message>
        <source>This PC has not joined a server (standalone); {pending} changes wait to be sent.</source>
        <translation>PC ini belum tergabung ke server (berdiri sendiri); {pending} perubahan menunggu dikirim.</translation>
    </message>
    <message>
        <source>Server {url} ({office}); this PC is {name} ({role}).</source>
        <translation>Server {url} ({office}); PC ini adalah {name} ({role}).</translation>
    </message>
    <message>
        <source>Waiting {pending}, conflicts {conflicts}, refused {rejected}, last sync {last}.</source>
        <translation>Menunggu {pending}, konflik {conflicts}, ditolak {rejected}, sinkron terakhir {last}.</translation>
    </message>
</context>
</TS>
