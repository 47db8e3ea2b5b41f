<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
    <context>
        <name>queue</name>
        <message>
            <source>No ticket printer is set up on this kiosk.</source>
            <translation>Kios ini belum diatur printer tiketnya.</translation>
        </message>
        <message>
            <source>The ticket printer cannot be reached (switched off or unplugged).</source>
            <translation>Printer tiket tidak dapat dihubungi (mati atau kabelnya terlepas).</translation>
        </message>
        <message>
            <source>The ticket printer is out of paper.</source>
            <translation>Kertas printer tiket habis.</translation>
        </message>
        <message>
            <source>The ticket printer reported an error.</source>
            <translation>Printer tiket melaporkan kesalahan.</translation>
        </message>
        <message>
            <source>This printer is printed to by the desktop app.</source>
            <translation>Pencetakan ke printer ini dilakukan oleh aplikasi desktop.</translation>
        </message>
        <message>
            <source>QUEUE NUMBER</source>
            <translation>NOMOR ANTRIAN</translation>
        </message>
        <message>
            <source>COPY</source>
            <translation>SALINAN</translation>
        </message>
        <message>
            <source>PRIORITY</source>
            <translation>PRIORITAS</translation>
        </message>
        <message>
            <source>People ahead of you: {count}</source>
            <translation>Antrian sebelum Anda: {count}</translation>
        </message>
        <message>
            <source>You are next</source>
            <translation>Anda berikutnya</translation>
        </message>
        <message>
            <source>Estimated wait: under 1 minute</source>
            <translation>Perkiraan waktu tunggu: kurang dari 1 menit</translation>
        </message>
        <message>
            <source>Estimated wait: about {minutes} min</source>
            <translation>Perkiraan waktu tunggu: ± {minutes} menit</translation>
        </message>
        <message>
            <source>Scan to check your ticket</source>
            <translation>Pindai untuk memeriksa tiket Anda</translation>
        </message>
        <message>
            <source>Please wait until your number is called.</source>
            <translation>Mohon menunggu sampai nomor Anda dipanggil.</translation>
        </message>
        <message>
            <source>The ticket could not be printed. Your number is {code}: please remember it, or ask the officer at the information desk for a printed ticket.</source>
            <translation>Tiket tidak dapat dicetak. Nomor antrian Anda {code}: harap diingat, atau mintalah tiket cetak kepada petugas di meja informasi.</translation>
        </message>
        <message>
            <source>waiting</source>
            <translation>menunggu</translation>
        </message>
        <message>
            <source>called</source>
            <translation>dipanggil</translation>
        </message>
        <message>
            <source>being served</source>
            <translation>sedang dilayani</translation>
        </message>
        <message>
            <source>on hold</source>
            <translation>ditunda</translation>
        </message>
        <message>
            <source>done</source>
            <translation>selesai</translation>
        </message>
        <message>
            <source>absent</source>
            <translation>tidak hadir</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>dibatalkan</translation>
        </message>
        <message>
            <source>called again</source>
            <translation>dipanggil ulang</translation>
        </message>
        <message>
            <source>marked absent</source>
            <translation>ditandai tidak hadir</translation>
        </message>
        <message>
            <source>served</source>
            <translation>dilayani</translation>
        </message>
        <message>
            <source>finished</source>
            <translation>diselesaikan</translation>
        </message>
        <message>
            <source>transferred</source>
            <translation>dialihkan</translation>
        </message>
        <message>
            <source>put on hold</source>
            <translation>ditunda</translation>
        </message>
        <message>
            <source>resumed</source>
            <translation>dilanjutkan</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Selesai dilayani</translation>
        </message>
        <message>
            <source>Documents incomplete</source>
            <translation>Berkas belum lengkap</translation>
        </message>
        <message>
            <source>Information only</source>
            <translation>Hanya informasi</translation>
        </message>
        <message>
            <source>Referred elsewhere</source>
            <translation>Dirujuk ke tempat lain</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Lainnya</translation>
        </message>
        <message>
            <source>Elderly</source>
            <translation>Lansia</translation>
        </message>
        <message>
            <source>Person with a disability</source>
            <translation>Penyandang disabilitas</translation>
        </message>
        <message>
            <source>Pregnant woman</source>
            <translation>Ibu hamil</translation>
        </message>
        <message>
            <source>Nursing mother</source>
            <translation>Ibu menyusui</translation>
        </message>
        <message>
            <source>No queue groups yet.</source>
            <translation>Belum ada kelompok antrian.</translation>
        </message>
        <message>
            <source>limit {limit}/day</source>
            <translation>kuota {limit}/hari</translation>
        </message>
        <message>
            <source>no limit</source>
            <translation>tanpa kuota</translation>
        </message>
        <message>
            <source>closed</source>
            <translation>tutup</translation>
        </message>
        <message>
            <source>counters: {counters}; services: {count}</source>
            <translation>loket: {counters}; layanan: {count}</translation>
        </message>
        <message>
            <source>Queue group {code} ({name}) created.</source>
            <translation>Kelompok antrian {code} ({name}) dibuat.</translation>
        </message>
        <message>
            <source>Queue group {code} ({name}) saved.</source>
            <translation>Kelompok antrian {code} ({name}) disimpan.</translation>
        </message>
        <message>
            <source>No counters yet.</source>
            <translation>Belum ada loket.</translation>
        </message>
        <message>
            <source>Counter {number} ({name}) created, serving {groups}.</source>
            <translation>Loket {number} ({name}) dibuat, melayani {groups}.</translation>
        </message>
        <message>
            <source>Counter {number} ({name}) saved, serving {groups}.</source>
            <translation>Loket {number} ({name}) disimpan, melayani {groups}.</translation>
        </message>
        <message>
            <source>No breaks: tickets are issued throughout opening hours.</source>
            <translation>Tidak ada jeda: nomor antrian dapat diambil sepanjang jam buka.</translation>
        </message>
        <message>
            <source>Break added: {day} {start}-{end} {name}.</source>
            <translation>Jeda ditambahkan: {day} {start}-{end} {name}.</translation>
        </message>
        <message>
            <source>Break removed.</source>
            <translation>Jeda dihapus.</translation>
        </message>
        <message>
            <source>Ticket {code} issued; {ahead} ahead, estimated wait {minutes} min.</source>
            <translation>Tiket {code} diterbitkan; {ahead} antrian sebelumnya, perkiraan tunggu {minutes} menit.</translation>
        </message>
        <message>
            <source>Nobody is waiting for counter {number}.</source>
            <translation>Tidak ada antrian yang menunggu untuk loket {number}.</translation>
        </message>
        <message>
            <source>Queue {code}: {count} waiting</source>
            <translation>Antrian {code}: {count} menunggu</translation>
        </message>
        <message>
            <source>Queue statistics for {day}</source>
            <translation>Statistik antrian tanggal {day}</translation>
        </message>
        <message>
            <source>issued</source>
            <translation>terbit</translation>
        </message>
        <message>
            <source>wait min avg/p90</source>
            <translation>tunggu mnt rata/p90</translation>
        </message>
        <message>
            <source>service min avg/p90</source>
            <translation>layanan mnt rata/p90</translation>
        </message>
        <message>
            <source>Groups</source>
            <translation>Kelompok</translation>
        </message>
        <message>
            <source>Counters</source>
            <translation>Loket</translation>
        </message>
        <message>
            <source>Tickets issued per hour: {hours}</source>
            <translation>Tiket terbit per jam: {hours}</translation>
        </message>
        <message>
            <source>no-shows</source>
            <translation>tdk hadir</translation>
        </message>
        <message>
        <source>The PC clock ({clock}) is earlier than a ticket already issued ({latest}): the clock went back. Please ask IT staff to check the clock.</source>
        <translation>Jam komputer ({clock}) lebih awal daripada tiket yang sudah diterbitkan ({latest}): jam mundur. Mohon minta petugas TI memeriksa jam.</translation>
    </message>
    <message>
        <source>The PC clock ({clock}) is far ahead of the latest ticket ({latest}). Please ask IT staff to check the clock.</source>
        <translation>Jam komputer ({clock}) jauh mendahului tiket terakhir ({latest}). Mohon minta petugas TI memeriksa jam.</translation>
    </message>
    <message>
        <source>There are tickets dated {date}, later than today: the PC clock was ahead when they were issued. Please ask IT staff to check the clock.</source>
        <translation>Jam komputer pernah terlalu maju: ada tiket bertanggal {date}, setelah hari ini. Mohon minta petugas TI memeriksa jam.</translation>
    </message>
    <message>
        <source>Ticket {code} was issued, but its PDF could not be written to {path}: {reason}</source>
        <translation>Tiket {code} sudah diambil, tetapi PDF-nya tidak dapat ditulis ke {path}: {reason}</translation>
    </message>
</context>
    <context>
        <name>errors</name>
    <message>
        <source>Numbers for {group} cannot be taken right now. Please ask the officer at the information desk.</source>
        <translation>Nomor antrian untuk {group} belum dapat diambil saat ini. Silakan bertanya kepada petugas di meja informasi.</translation>
    </message>
    <message>
        <source>The queue server cannot be reached ({reason}). Please try again in a moment.</source>
        <translation>Server antrian tidak dapat dihubungi ({reason}). Silakan coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>The queue server refused this PC ({reason}). Please ask the administrator.</source>
        <translation>Server antrian menolak PC ini ({reason}). Silakan hubungi administrator.</translation>
    </message>
        <message>
            <source>Printer not recognised: {spec}. Use escpos-usb:VENDOR:PRODUCT, escpos-net:ADDRESS[:PORT], escpos-file:DEVICE, system:PRINTER NAME, pdf or pdf:FOLDER.</source>
            <translation>Printer tidak dikenali: {spec}. Gunakan escpos-usb:VENDOR:PRODUK, escpos-net:ALAMAT[:PORT], escpos-file:PERANGKAT, system:NAMA PRINTER, pdf atau pdf:FOLDER.</translation>
        </message>
        <message>
            <source>There is no service {id} in the catalogue.</source>
            <translation>Layanan {id} tidak ada dalam katalog.</translation>
        </message>
        <message>
            <source>The service {title} is not in queue {code}.</source>
            <translation>Layanan {title} tidak termasuk antrian {code}.</translation>
        </message>
        <message>
            <source>Choose a queue group or a service.</source>
            <translation>Pilih kelompok antrian atau layanan.</translation>
        </message>
        <message>
            <source>Unknown priority reason {reason}.</source>
            <translation>Alasan prioritas {reason} tidak dikenal.</translation>
        </message>
        <message>
            <source>Today's quota of queue {code} is used up ({limit} numbers). Please come back on the next working day.</source>
            <translation>Kuota antrian {code} hari ini sudah habis ({limit} nomor). Silakan datang kembali pada hari kerja berikutnya.</translation>
        </message>
        <message>
            <source>Queue {code} ({name}) is not open.</source>
            <translation>Antrian {code} ({name}) sedang tidak dibuka.</translation>
        </message>
        <message>
            <source>The office is closed today ({reason}). Please come back on a working day.</source>
            <translation>Kantor tutup hari ini ({reason}). Silakan datang kembali pada hari kerja.</translation>
        </message>
        <message>
            <source>Queue {code} opens at {open}. Please wait until then.</source>
            <translation>Antrian {code} dibuka pukul {open}. Mohon menunggu sampai waktu tersebut.</translation>
        </message>
        <message>
            <source>Queue {code} has closed for today (hours {open}-{close}). Please come back on the next working day.</source>
            <translation>Antrian {code} sudah ditutup untuk hari ini (jam layanan {open}-{close}). Silakan datang kembali pada hari kerja berikutnya.</translation>
        </message>
        <message>
            <source>No tickets are issued during the {name}. Tickets are issued again from {end}.</source>
            <translation>Selama {name} tidak ada pengambilan nomor antrian. Nomor antrian dapat diambil lagi mulai pukul {end}.</translation>
        </message>
        <message>
            <source>Unknown outcome {outcome}.</source>
            <translation>Hasil layanan {outcome} tidak dikenal.</translation>
        </message>
        <message>
            <source>Choose the queue group or the counter to transfer to.</source>
            <translation>Pilih kelompok antrian atau loket tujuan pengalihan.</translation>
        </message>
        <message>
            <source>Ticket {code} is already at counter {number}.</source>
            <translation>Tiket {code} sudah berada di loket {number}.</translation>
        </message>
        <message>
            <source>There is no ticket {code} on {day}.</source>
            <translation>Tidak ada tiket {code} pada {day}.</translation>
        </message>
        <message>
            <source>There is no such ticket.</source>
            <translation>Tiket tersebut tidak ada.</translation>
        </message>
        <message>
            <source>Counter {number} is not active.</source>
            <translation>Loket {number} tidak aktif.</translation>
        </message>
        <message>
            <source>Ticket {code} is at counter {other}, not at counter {number}.</source>
            <translation>Tiket {code} ditangani loket {other}, bukan loket {number}.</translation>
        </message>
        <message>
            <source>Ticket {code} is {status}; it cannot be {action}.</source>
            <translation>Tiket {code} berstatus {status}; tidak dapat {action}.</translation>
        </message>
        <message>
            <source>Counter {number} still has ticket {code} ({status}). Finish it, mark it absent, hold or transfer it first.</source>
            <translation>Loket {number} masih menangani tiket {code} ({status}). Selesaikan, tandai tidak hadir, tunda, atau alihkan tiket itu dahulu.</translation>
        </message>
        <message>
            <source>Write the time as HH:MM, for example 08:00.</source>
            <translation>Tulis jam sebagai JJ:MM, misalnya 08:00.</translation>
        </message>
        <message>
            <source>Queue group {code} already exists.</source>
            <translation>Kelompok antrian {code} sudah ada.</translation>
        </message>
        <message>
            <source>Counter {number} already exists.</source>
            <translation>Loket {number} sudah ada.</translation>
        </message>
        <message>
            <source>A counter must serve at least one queue group.</source>
            <translation>Loket harus melayani sedikitnya satu kelompok antrian.</translation>
        </message>
        <message>
            <source>The weekday must be 0 (Monday) to 6 (Sunday).</source>
            <translation>Hari harus 0 (Senin) sampai 6 (Minggu).</translation>
        </message>
        <message>
            <source>A break must end after it starts.</source>
            <translation>Jam selesai istirahat harus sesudah jam mulainya.</translation>
        </message>
        <message>
            <source>There is no such break.</source>
            <translation>Jadwal istirahat tersebut tidak ada.</translation>
        </message>
        <message>
            <source>There is no queue group {code}.</source>
            <translation>Kelompok antrian {code} tidak ada.</translation>
        </message>
        <message>
            <source>There is no counter {number}.</source>
            <translation>Loket {number} tidak ada.</translation>
        </message>
        <message>
            <source>A queue group code is one to three letters, A to Z.</source>
            <translation>Kode kelompok antrian terdiri dari satu sampai tiga huruf, A sampai Z.</translation>
        </message>
        <message>
            <source>The name must not be empty.</source>
            <translation>Nama tidak boleh kosong.</translation>
        </message>
        <message>
            <source>The opening time must be before the closing time.</source>
            <translation>Jam buka harus sebelum jam tutup.</translation>
        </message>
        <message>
            <source>The daily limit must be a whole number from 1 to {max}.</source>
            <translation>Batas harian harus bilangan bulat 1 sampai {max}.</translation>
        </message>
        <message>
            <source>The position must be a whole number from 0 to {max}.</source>
            <translation>Urutan harus bilangan bulat 0 sampai {max}.</translation>
        </message>
        <message>
            <source>A counter number is a whole number from 1 to {max}.</source>
            <translation>Nomor loket adalah bilangan bulat 1 sampai {max}.</translation>
        </message>
        <message>
            <source>Write the time as YYYY-MM-DDTHH:MM, for example 2026-11-24T09:15.</source>
            <translation>Tulis waktu sebagai TTTT-BB-HHTJJ:MM, misalnya 2026-11-24T09:15.</translation>
        </message>
        <message>
            <source>This PC may not work at counter {number}: the server binds it to counter {counters}. Check this PC's counter number, or ask the administrator.</source>
            <translation>PC ini tidak boleh bekerja di loket {number}: server mengikatnya ke loket {counters}. Periksa nomor loket PC ini, atau hubungi administrator.</translation>
        </message>
        <message>
            <source>The queue server cannot be reached, and the supervisor's setting does not let counters call the next number without it. The number at this counter can still be served; calling works again when the server is back.</source>
            <translation>Server antrian tidak dapat dihubungi, dan pengaturan pengawas tidak mengizinkan loket memanggil nomor berikutnya tanpa server. Nomor yang sedang di loket ini tetap dapat dilayani; pemanggilan berfungsi lagi setelah server tersambung kembali.</translation>
        </message>
        <message>
            <source>This PC may not mark a ticket served twice as checked: only a supervisor's or administrator's PC may.</source>
            <translation>PC ini tidak boleh menandai tiket yang dilayani dua kali sebagai sudah diperiksa: hanya PC pengawas atau administrator yang boleh.</translation>
        </message>
        <message>
            <source>Give the name of who checked it.</source>
            <translation>Isi nama orang yang memeriksanya.</translation>
        </message>
        <message>
            <source>There is no ticket served twice numbered {id}.</source>
            <translation>Tidak ada tiket dilayani dua kali bernomor {id}.</translation>
        </message>
        <message>
            <source>Ticket {code} served twice was already marked as checked by {name}, {at}; that mark stands.</source>
            <translation>Tiket {code} yang dilayani dua kali sudah ditandai diperiksa oleh {name}, {at}; tanda itu tetap berlaku.</translation>
        </message>
    </context>
    <context>
        <name>signing</name>
        <message>
            <source>The reference is genuine.</source>
            <translation>Referensi ini asli.</translation>
        </message>
        <message>
            <source>This is not an MPP Desk reference, or it is damaged.</source>
            <translation>Ini bukan referensi MPP Desk, atau datanya rusak.</translation>
        </message>
        <message>
            <source>The reference was signed by an installation this one does not know.</source>
            <translation>Referensi ini ditandatangani oleh instalasi yang tidak dikenal.</translation>
        </message>
        <message>
            <source>The signature does not match: the reference was altered or forged.</source>
            <translation>Tanda tangan tidak cocok: referensi ini telah diubah atau dipalsukan.</translation>
        </message>
        <message>
        <source>Not genuine: the address {address} is not this office's verification address ({expected}).</source>
        <translation>Tidak asli: alamat {address} bukan alamat verifikasi kantor ini ({expected}).</translation>
    </message>
    <message>
        <source>The code is genuine but it is {actual}, not {expected}.</source>
        <translation>Kode ini asli, tetapi merupakan {actual}, bukan {expected}.</translation>
    </message>
    <message>
        <source>Not genuine here: this office has no record of {expected} with this code.</source>
        <translation>Tidak sah di sini: kantor ini tidak memiliki catatan {expected} dengan kode ini.</translation>
    </message>
    <message>
        <source>Not genuine: the code does not match the record ({fields} differ).</source>
        <translation>Tidak asli: kode tidak sesuai dengan catatan ({fields} berbeda).</translation>
    </message>
    <message>
        <source>a queue ticket</source>
        <translation>tiket antrian</translation>
    </message>
    <message>
        <source>a complaint receipt</source>
        <translation>tanda terima pengaduan</translation>
    </message>
    <message>
        <source>an intake receipt (Tanda Terima)</source>
        <translation>tanda terima berkas</translation>
    </message>
    <message>
        <source>an intake return slip</source>
        <translation>slip pengembalian berkas</translation>
    </message>
</context>
</TS>
