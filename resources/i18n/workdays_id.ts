<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<context>
    <name>errors</name>
    <message>
        <source>Not a valid date: {text}. Write it as YYYY-MM-DD, e.g. 2026-03-17.</source>
        <translation>Tanggal tidak sah: {text}. Tulis dalam bentuk YYYY-MM-DD (tahun-bulan-tanggal), mis. 2026-03-17.</translation>
    </message>
    <message>
        <source>{day} is outside the years the working-day calendar covers ({first}–{last}).</source>
        <translation>{day} berada di luar rentang tahun kalender hari kerja ({first}–{last}).</translation>
    </message>
    <message>
        <source>The due date falls after {last}, beyond the years the working-day calendar covers.</source>
        <translation>Tanggal jatuh tempo melewati tahun {last}, di luar rentang tahun kalender hari kerja.</translation>
    </message>
    <message>
        <source>The number of working days cannot be negative ({days}).</source>
        <translation>Jumlah hari kerja tidak boleh negatif ({days}).</translation>
    </message>
    <message>
        <source>The number of working days must be a whole number: {text}.</source>
        <translation>Jumlah hari kerja harus berupa bilangan bulat: {text}.</translation>
    </message>
    <message>
        <source>Not a valid year: {text}.</source>
        <translation>Tahun tidak sah: {text}.</translation>
    </message>
    <message>
        <source>Give a reason for the change to the calendar.</source>
        <translation>Isi alasan perubahan kalender.</translation>
    </message>
    <message>
        <source>{day} is a weekend day; the office is already closed.</source>
        <translation>{day} adalah hari Sabtu atau Minggu; kantor memang tutup.</translation>
    </message>
    <message>
        <source>{day} is already closed locally ({reason}).</source>
        <translation>{day} sudah ditutup secara lokal ({reason}).</translation>
    </message>
    <message>
        <source>{day} is already a non-working day ({name}).</source>
        <translation>{day} sudah merupakan hari libur ({name}).</translation>
    </message>
    <message>
        <source>{day} is a weekend day; only a weekday can be made a working day.</source>
        <translation>{day} adalah hari Sabtu atau Minggu; hanya hari Senin sampai Jumat yang dapat dijadikan hari kerja.</translation>
    </message>
    <message>
        <source>{day} is already a working day.</source>
        <translation>{day} sudah merupakan hari kerja.</translation>
    </message>
</context>
<context>
    <name>workdays</name>
    <message>
        <source>The calendar is confirmed up to {year}: due dates up to then are no longer estimates.</source>
        <translation>Kalender dikonfirmasi sampai tahun {year}: tanggal jatuh tempo sampai tahun itu bukan perkiraan lagi.</translation>
    </message>
    <message>
        <source>Estimate: the cuti bersama of {year} are not decreed yet, so the date may move until the administrator confirms the year's calendar.</source>
        <translation>Perkiraan: cuti bersama tahun {year} belum ditetapkan, jadi tanggal ini dapat bergeser sampai administrator mengonfirmasi kalender tahun itu.</translation>
    </message>
    <message>
        <source>national holiday</source>
        <translation>libur nasional</translation>
    </message>
    <message>
        <source>cuti bersama</source>
        <translation>cuti bersama</translation>
    </message>
    <message>
        <source>local closure</source>
        <translation>penutupan lokal</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>ditutup</translation>
    </message>
    <message>
        <source>open</source>
        <translation>dibuka</translation>
    </message>
    <message>
        <source>Due date: {due} ({days} working days after {start})</source>
        <translation>Jatuh tempo: {due} ({days} hari kerja sejak {start})</translation>
    </message>
    <message>
        <source>Working days after {start} up to and including {end}: {count}</source>
        <translation>Hari kerja setelah {start} sampai dengan {end}: {count}</translation>
    </message>
    <message>
        <source>Non-working days in {year} besides ordinary weekends:</source>
        <translation>Hari libur tahun {year} (selain Sabtu dan Minggu biasa):</translation>
    </message>
    <message>
        <source>Holidays the office works on (opened locally):</source>
        <translation>Hari libur yang tetap menjadi hari kerja (dibuka secara lokal):</translation>
    </message>
    <message>
        <source>No local changes to the calendar.</source>
        <translation>Tidak ada perubahan lokal pada kalender.</translation>
    </message>
    <message>
        <source>The office is closed on {day}: {reason}</source>
        <translation>Kantor ditutup pada {day}: {reason}</translation>
    </message>
    <message>
        <source>Local opening cancelled: {day} is again a holiday.</source>
        <translation>Pembukaan lokal dibatalkan: {day} kembali menjadi hari libur.</translation>
    </message>
    <message>
        <source>{day} is now a working day: {reason}</source>
        <translation>{day} sekarang menjadi hari kerja: {reason}</translation>
    </message>
    <message>
        <source>Local closure cancelled: {day} is again a working day.</source>
        <translation>Penutupan lokal dibatalkan: {day} kembali menjadi hari kerja.</translation>
    </message>
</context>
</TS>
