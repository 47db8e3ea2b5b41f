<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<context>
    <name>errors</name>
    <message>
        <source>Enter the NIK.</source>
        <translation>Isi NIK.</translation>
    </message>
    <message>
        <source>The NIK may contain only digits (spaces and dots may separate them).</source>
        <translation>NIK hanya boleh berisi angka (boleh dipisah dengan spasi atau titik).</translation>
    </message>
    <message>
        <source>The NIK must have 16 digits; this one has {count}.</source>
        <translation>NIK harus 16 angka; yang diisi {count} angka.</translation>
    </message>
    <message>
        <source>The birth date in the NIK (digits 7 to 12: {digits}) is not a valid date.</source>
        <translation>Tanggal lahir dalam NIK (angka ke-7 sampai ke-12: {digits}) bukan tanggal yang sah.</translation>
    </message>
    <message>
        <source>Enter the NPWP.</source>
        <translation>Isi NPWP.</translation>
    </message>
    <message>
        <source>The NPWP may contain only digits (spaces, dots and dashes may separate them).</source>
        <translation>NPWP hanya boleh berisi angka (boleh dipisah dengan spasi, titik, atau tanda hubung).</translation>
    </message>
    <message>
        <source>The NPWP must have 15 digits (old form) or 16 digits; this one has {count}.</source>
        <translation>NPWP harus 15 angka (format lama) atau 16 angka; yang diisi {count} angka.</translation>
    </message>
    <message>
        <source>The NPWP check digit does not match; look for a typing error.</source>
        <translation>Angka pemeriksa NPWP tidak cocok; periksa kemungkinan salah ketik.</translation>
    </message>
    <message>
        <source>Enter the NIB.</source>
        <translation>Isi NIB.</translation>
    </message>
    <message>
        <source>The NIB may contain only digits.</source>
        <translation>NIB hanya boleh berisi angka.</translation>
    </message>
    <message>
        <source>The NIB must have 13 digits; this one has {count}.</source>
        <translation>NIB harus 13 angka; yang diisi {count} angka.</translation>
    </message>
    <message>
        <source>Enter the KBLI code.</source>
        <translation>Isi kode KBLI.</translation>
    </message>
    <message>
        <source>The KBLI code may contain only digits, e.g. 62021.</source>
        <translation>Kode KBLI hanya boleh berisi angka, mis. 62021.</translation>
    </message>
    <message>
        <source>The KBLI code must have 5 digits, e.g. 62021; this one has {count}.</source>
        <translation>Kode KBLI harus 5 angka, mis. 62021; yang diisi {count} angka.</translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation>Isi nomor telepon.</translation>
    </message>
    <message>
        <source>A phone number may contain only digits, spaces, dashes, dots, brackets and a leading +.</source>
        <translation>Nomor telepon hanya boleh berisi angka, spasi, tanda hubung, titik, tanda kurung, dan tanda + di depan.</translation>
    </message>
    <message>
        <source>Only Indonesian phone numbers (+62) are accepted.</source>
        <translation>Hanya nomor telepon Indonesia (+62) yang diterima.</translation>
    </message>
    <message>
        <source>Write the number with its area code or mobile prefix, e.g. (0264) 8224794 or 0812 3456 7890.</source>
        <translation>Tulis nomor beserta kode wilayah atau awalan nomor ponsel, mis. (0264) 8224794 atau 0812 3456 7890.</translation>
    </message>
    <message>
        <source>The mobile number is too short: it has {count} digits, a mobile number has 10 to 13 (starting 08).</source>
        <translation>Nomor ponsel terlalu pendek: berisi {count} angka, padahal nomor ponsel terdiri atas 10 sampai 13 angka (diawali 08).</translation>
    </message>
    <message>
        <source>The mobile number is too long: it has {count} digits, a mobile number has 10 to 13 (starting 08).</source>
        <translation>Nomor ponsel terlalu panjang: berisi {count} angka, padahal nomor ponsel terdiri atas 10 sampai 13 angka (diawali 08).</translation>
    </message>
    <message>
        <source>The phone number is too short: with its area code (e.g. 0264) it should have 8 to 12 digits; it has {count}.</source>
        <translation>Nomor telepon terlalu pendek: beserta kode wilayah (mis. 0264) seharusnya 8 sampai 12 angka; yang diisi {count} angka.</translation>
    </message>
    <message>
        <source>The phone number is too long: with its area code (e.g. 0264) it should have 8 to 12 digits; it has {count}.</source>
        <translation>Nomor telepon terlalu panjang: beserta kode wilayah (mis. 0264) seharusnya 8 sampai 12 angka; yang diisi {count} angka.</translation>
    </message>
    <message>
        <source>This is not an Indonesian mobile or landline number.</source>
        <translation>Ini bukan nomor ponsel atau nomor telepon tetap (rumah/kantor) Indonesia.</translation>
    </message>
</context>
<context>
    <name>identifiers</name>
    <message>
        <source>Kecamatan code {code} does not exist in this regency; compare the NIK with the KTP.</source>
        <translation>Kode kecamatan {code} tidak ada di kabupaten/kota ini; cocokkan NIK dengan KTP.</translation>
    </message>
    <message>
        <source>Province code {code} is not in the list of known provinces; compare the NIK with the KTP.</source>
        <translation>Kode provinsi {code} tidak ada dalam daftar provinsi yang dikenal; cocokkan NIK dengan KTP.</translation>
    </message>
    <message>
        <source>Regency code {code} is not in the list of known regencies and cities; compare the NIK with the KTP.</source>
        <translation>Kode kabupaten/kota {code} tidak ada dalam daftar kabupaten/kota yang dikenal; cocokkan NIK dengan KTP.</translation>
    </message>
    <message>
        <source>male</source>
        <translation>laki-laki</translation>
    </message>
    <message>
        <source>female</source>
        <translation>perempuan</translation>
    </message>
</context>
</TS>
