<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
    <context>
        <name>Errors</name>
        <message>
            <source>Unexpected error: {error}</source>
            <translation>Terjadi kesalahan tak terduga: {error}</translation>
        </message>
    </context>
    <context>
        <name>CatalogTableModel</name>
        <message>
            <source>No.</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>KBLI</source>
            <translation>KBLI</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Layanan</translation>
        </message>
        <message>
            <source>Risk</source>
            <translation>Risiko</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produk</translation>
        </message>
        <message>
            <source>Working days</source>
            <translation>Hari kerja</translation>
        </message>
    </context>
    <context>
        <name>CatalogWindow</name>
        <message>
            <source>MPP Desk — Service catalogue</source>
            <translation>MPP Desk — Katalog Layanan</translation>
        </message>
        <message>
            <source>Service catalogue</source>
            <translation>Katalog Layanan</translation>
        </message>
        <message>
            <source>Search by service name or KBLI…</source>
            <translation>Cari nama layanan atau KBLI…</translation>
        </message>
        <message>
            <source>Opening the database…</source>
            <translation>Membuka basis data…</translation>
        </message>
        <message>
            <source>Loading the catalogue…</source>
            <translation>Memuat katalog…</translation>
        </message>
        <message numerus="yes">
            <source>%n service(s) in the catalogue</source>
            <translation>
                <numerusform>%n layanan dalam katalog</numerusform>
            </translation>
        </message>
        <message>
            <source>The database cannot be used</source>
            <translation>Basis data tidak dapat digunakan</translation>
        </message>
        <message numerus="yes">
            <source>%n service(s) shown</source>
            <translation>
                <numerusform>%n layanan ditampilkan</numerusform>
            </translation>
        </message>
        <message>
            <source>None</source>
            <translation>Tidak ada</translation>
        </message>
        <message>
            <source>Risk</source>
            <translation>Risiko</translation>
        </message>
        <message>
            <source>General requirements</source>
            <translation>Persyaratan Umum</translation>
        </message>
        <message>
            <source>Special requirements</source>
            <translation>Persyaratan Khusus</translation>
        </message>
        <message>
            <source>Completion time</source>
            <translation>Jangka waktu penyelesaian</translation>
        </message>
        <message numerus="yes">
            <source>%n working day(s)</source>
            <translation>
                <numerusform>%n hari kerja</numerusform>
            </translation>
        </message>
        <message>
            <source>Fee</source>
            <translation>Biaya/tarif</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produk layanan</translation>
        </message>
        <message>
            <source>Procedure classifications</source>
            <translation>Klasifikasi prosedur</translation>
        </message>
        <message>
            <source>Legal basis</source>
            <translation>Dasar hukum</translation>
        </message>
    </context>
</TS>
