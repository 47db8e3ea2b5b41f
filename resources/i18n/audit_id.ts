<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
    <context>
        <name>audit</name>
        <message>
            <source>the entry was altered after it was written</source>
            <translation>entri diubah setelah ditulis</translation>
        </message>
        <message>
            <source>the entry was moved from position {original} in the chain</source>
            <translation>entri dipindahkan dari posisi {original} dalam rantai</translation>
        </message>
        <message>
            <source>entries {first} to {last} before it were removed</source>
            <translation>entri {first} sampai {last} sebelumnya telah dihapus</translation>
        </message>
        <message>
            <source>it does not link to the entry before it (that entry was replaced or removed)</source>
            <translation>entri ini tidak tersambung ke entri sebelumnya (entri itu diganti atau dihapus)</translation>
        </message>
        <message>
            <source>the newest entries from number {first} on were removed</source>
            <translation>entri terbaru mulai nomor {first} telah dihapus</translation>
        </message>
        <message>
            <source>the newest entry does not match the one recorded when it was written</source>
            <translation>entri terbaru tidak cocok dengan yang dicatat saat ditulis</translation>
        </message>
        <message>
            <source>the first entry does not start the chain</source>
            <translation>entri pertama tidak mengawali rantai</translation>
        </message>
        <message>
        <source>entry {seq_number} is not the one the signed checkpoint recorded (rewritten, or the database was replaced by another copy)</source>
        <translation>entri {seq_number} bukan entri yang dicatat titik periksa bertanda tangan (ditulis ulang, atau basis data diganti dengan salinan lain)</translation>
    </message>
    <message>
        <source>the signed checkpoint file is missing from the data folder</source>
        <translation>berkas titik periksa bertanda tangan tidak ada di folder data</translation>
    </message>
    <message>
        <source>the checkpoint file is damaged or not signed by this installation</source>
        <translation>berkas titik periksa rusak atau tidak ditandatangani oleh instalasi ini</translation>
    </message>
    <message>
        <source>the checkpoint cannot be checked: the signing key is missing or damaged</source>
        <translation>titik periksa tidak dapat diperiksa: kunci tanda tangan tidak ada atau rusak</translation>
    </message>
    <message>
        <source>the audit trail's key file is missing: restore it from the backup</source>
        <translation>berkas kunci jejak audit tidak ada: pulihkan dari cadangan</translation>
    </message>
    <message>
        <source>the audit trail's key file is damaged: restore it from the backup</source>
        <translation>berkas kunci jejak audit rusak: pulihkan dari cadangan</translation>
    </message>
</context>
    <context>
        <name>cli</name>
        <message>
            <source>OK: {count} audit entries checked; the chain is intact.</source>
            <translation>OK: {count} entri audit diperiksa; rantai utuh.</translation>
        </message>
        <message>
            <source>BROKEN at entry {seq} ({action}) of device {device}: {reason}.</source>
            <translation>RUSAK pada entri {seq} ({action}) perangkat {device}: {reason}.</translation>
        </message>
        <message>
            <source>{count} entries before it are intact.</source>
            <translation>{count} entri sebelumnya utuh.</translation>
        </message>
    </context>
</TS>
