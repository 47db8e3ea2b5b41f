<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<context>
    <name>cli</name>
    <message>
        <source>{arg}: {value} is not a whole number.</source>
        <translation>{arg}: {value} bukan bilangan bulat.</translation>
    </message>
    <message>
        <source>{arg}: {value} is not one of {choices}.</source>
        <translation>{arg}: {value} bukan salah satu dari {choices}.</translation>
    </message>
    <message>
        <source>{arg} needs a value.</source>
        <translation>{arg} perlu diberi nilai.</translation>
    </message>
    <message>
        <source>{arg} cannot be used together with {other}.</source>
        <translation>{arg} tidak dapat dipakai bersama {other}.</translation>
    </message>
    <message>
        <source>{arg} takes no value ({value}).</source>
        <translation>{arg} tidak menerima nilai ({value}).</translation>
    </message>
    <message>
        <source>Missing: {args}.</source>
        <translation>Belum diisi: {args}.</translation>
    </message>
    <message>
        <source>Not understood: {args}.</source>
        <translation>Tidak dikenali: {args}.</translation>
    </message>
    <message>
        <source>{arg}: {message}</source>
        <translation>{arg}: {message}</translation>
    </message>
    <message>
        <source>write a whole number from {low} to {high}, not {value}.</source>
        <translation>tulis bilangan bulat {low} sampai {high}, bukan {value}.</translation>
    </message>
    <message>
        <source>{value} is not a record id (like 0b7e2a9c-1f3d-4c55-9a0e-6d2f8b1c4e7a).</source>
        <translation>{value} bukan id data (seperti 0b7e2a9c-1f3d-4c55-9a0e-6d2f8b1c4e7a).</translation>
    </message>
    <message>
        <source>the text is {length} characters long; at most {maximum} are accepted.</source>
        <translation>teks sepanjang {length} karakter; paling banyak {maximum} yang diterima.</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name in it.</source>
        <translation>{path} adalah folder; berikan nama berkas di dalamnya.</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist.</source>
        <translation>folder {folder} tidak ada.</translation>
    </message>
    <message>
        <source>{path} cannot be written (no permission).</source>
        <translation>{path} tidak dapat ditulisi (tidak ada izin).</translation>
    </message>
    <message>
        <source>A value of {length} characters was given; at most {maximum} are accepted. Nothing was done.</source>
        <translation>Diberikan nilai sepanjang {length} karakter; paling banyak {maximum} yang diterima. Tidak ada yang dilakukan.</translation>
    </message>
    <message>
        <source>Unexpected error ({kind}); the details are in {log}.</source>
        <translation>Galat tak terduga ({kind}); rinciannya ada di {log}.</translation>
    </message>
</context>
</TS>
