"""The annex text parser and the export format: every field of both seeds, and clear errors on bad input."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from mpp_desk.catalog import CatalogFormatError, Requirements, StandardEntry
from mpp_desk.catalog.files import JSON, TEXT, YAML, detect_format, dumps, load_file, load_files, parse_structured
from mpp_desk.catalog.parser import clean_text, list_items, paragraphs, parse_located, parse_text, split_list
from mpp_desk.errors import UserError
from mpp_desk.paths import CATALOG_SEED_DIR

SEED_67 = CATALOG_SEED_DIR / "annex-067-kbli-62021.txt"
SEED_45 = CATALOG_SEED_DIR / "annex-045-kbli-71205.txt"

GENERAL_67 = [
    "Skala usaha kecil atau menengah",
    "Memiliki akun Sistem Informasi Industri Nasional",
    "Menyampaikan data industri melalui Sistem Informasi Industri Nasional",
    "Berlokasi di Kawasan Industri atau dapat berlokasi di luar Kawasan Industri sesuai dengan ketentuan dalam "
    "Pasal 65 PP Nomor 5 Tahun 2021",
    "Setelah mendapatkan perizinan berusaha, pelaku usaha sesuai dengan kebutuhannya masing-masing harus memiliki "
    "perizinan berusaha untuk menunjang kegiatan usaha dalam kegiatan operasional-komersial sesuai ketentuan "
    "peraturan perundang-undangan di sektor perindustrian",
]
SPECIAL_67 = [
    "Memiliki sarana dan fasilitas produksi",
    "Memiliki struktur organisasi SDM yang terdokumentasi dengan uraian tugas dan pembagian kewenangan dalam "
    "organisasi usaha",
    "Menyediakan pelayanan minimal kepada konsumen",
    "Memiliki sistem manajemen usaha perusahaan",
    "Memiliki peralatan, perlengkapan dan permesinan pendukung kegiatan produksi",
    "Menyediakan layanan purna jual",
    "Menerapkan standar keamanan dan keselamatan kerja",
]
GENERAL_45 = [
    "Skala industri kecil atau industri menengah",
    GENERAL_67[1],
    GENERAL_67[2],
    GENERAL_67[3],
    # The seed itself writes "perundangundangan" here (no hyphen): kept as written.
    "Setelah mendapatkan perizinan berusaha, pelaku usaha sesuai dengan kebutuhannya masing-masing harus memiliki "
    "perizinan berusaha untuk menunjang kegiatan usaha dalam kegiatan operasional-komersial sesuai ketentuan "
    "peraturan perundangundangan di sektor perindustrian",
]
LEGAL_BASIS_COMMON = [
    "Undang-Undang Nomor 11 Tahun 2020 tentang Cipta Kerja",
    "Peraturan Pemerintah Nomor 5 Tahun 2021 tentang Penyelenggaraan Perizinan Berusaha Berbasis Risiko",
    "Peraturan Pemerintah Nomor 6 Tahun 2021 tentang Penyelenggaraan Perizinan Berusaha di Daerah",
    "Peraturan Badan Koordinasi Penanaman Modal Nomor 3 Tahun 2021 tentang Sistem Perizinan Berusaha Berbasis "
    "Risiko Terintegrasi Secara Elektronik",
    "Peraturan Badan Koordinasi Penanaman Modal Nomor 4 Tahun 2021 tentang Pedoman dan Tata Cara Pelayanan "
    "Perizinan Berusaha Berbasis Risiko dan Fasilitas Penanaman Modal",
]
LEGAL_BASIS_67 = LEGAL_BASIS_COMMON + [
    "Peraturan Menteri Perindustrian Nomor 9 Tahun 2021 tentang Standar Kegiatan Usaha dan/atau Produk pada "
    "Penyelenggaraan Perizinan Berusaha Berbasis Risiko Sektor Perindustrian",
]
LEGAL_BASIS_45 = LEGAL_BASIS_COMMON + [
    "Peraturan Menteri Pertanian Nomor 15 Tahun 2021 tentang Standar Kegiatan Usaha dan Standar Produk pada "
    "Penyelenggaraan Perizinan Berusaha Berbasis Risiko Sektor Pertanian",
]
FACILITIES_67 = [
    "Tempat parkir",
    "Ruang tunggu pelayanan",
    "Ruang dan/atau meja informasi pelayanan",
    "Ruang dan/atau meja konsultasi pelayanan",
    "Ruang dan/atau meja pengaduan, saran dan masukan pelayanan",
    "Ruang dan/atau meja komputer pendaftaran mandiri",
    "Ruang dan/atau meja pendaftaran pelayanan",
    "Ruang dan/atau meja pemeriksaan dokumen",
    "Ruang dan/atau meja pengolah perizinan",
    "Ruang dan/atau meja tim teknis perizinan",
    "Ruang dan/atau meja rapat tim teknis perizinan",
    "Ruang dan meja kerja pimpinan",
    "Ruang perbankan",
    "Aula",
    "Ruang dan rak arsip",
    "Ruang server",
    "Ruang kontrol dan pusat data",
    "Ruang pantry",
    "Ruang layanan prioritas",
    "Pojok baca",
    "Ruang laktasi",
    "Ruang bermain anak",
    "Mushola",
    "Toilet (umum dan disabilitas)",
    "Counter fotocopy",
    "ATM",
    "Kantin",
    "Kursi roda",
    "Server, Komputer, smartphone, tablet, scanner dan Printer",
    "Informasi Multimedia (touchsreen dan layar televisi)",  # the seed's own spelling
    "Mesin dan sistem informasi antrian",
    "Sound system",
    "Kendaraan operasional",
    "GPS",
    "Camera dan Video Cam",
    "Seragam pelayanan",
    "Peralatan keselamatan dan keamanan",
    "Peralatan survei",
    "Sistem keselamatan gedung",
    "Sign system dan/atau manual",
    "CCTV",
    "AC",
    "Alat penyedia daya listrik",
    "Pengukur suhu tubuh",
    "Jaringan internet, wifi",
    "Website, aplikasi mobile, Aplikasi Perizinan",
    "QR Code",
    "Survey kepuasan masyarakat elektronik",
    "Kotak saran dan pengaduan",
    "ID pegawai",
]
FACILITIES_45 = FACILITIES_67[:29] + ["Informasi Multimedia (touchscreen dan layar televisi)"] + FACILITIES_67[30:]
COMPETENCIES = [
    "Pendidikan terakhir minimal Sarjana atau SMA yang memiliki pengalaman kerja 5 tahun di Pemerintahan atau SMA "
    "yang memiliki pengalaman 3 tahun kerja menangani pelayanan terpadu satu pintu atau memiliki kompetensi teknis "
    "sesuai bidang pelayanan terpadu satu pintu yang ditangani",
    "Pelatihan: Diklat PTSP, Diklat OSS, Diklat Kepribadian",
    "Memiliki sikap ramah, komunikatif, bertanggung jawab dan sabar",
    "Memahami etika pelayanan dan standar pelayanan",
    "Memahami peraturan perundangan mengenai pelayanan publik dan pemerintahan",
    "Memahami peraturan teknis terkait pelayanan terpadu satu pintu",
    "Dapat mengoperasikan komputer dan aplikasi office",
    "Dapat mengoperasikan aplikasi pelayanan terpadu satu pintu",
    "Berorientasi terhadap kepuasan pelanggan",
]
INTERNAL_SUPERVISION = [
    "Pengawasan umum penyelenggaraan pelayanan dilakukan oleh atasan langsung secara berjenjang",
    "Pengawasan fungsional penyelenggaraan pelayanan dilakukan oleh Inspektorat Kabupaten Purwakarta",
]
SERVICE_GUARANTEES = [
    "Kode etik",
    "Fakta integritas",
    "Maklumat pelayanan",
    "Motto Pelayanan: PASTI (Pelayanan Sepenuh Hati) dan KSATRIA (Kolaborasi, Satu Pintu, Rekreatif, Inovatif, dan "
    "Amanah)",
    "Penyelenggara pelayanan akan menerima sanksi sesuai dengan ketentuan peraturan perundangan apabila didalam "
    "pelaksanaan tugasnya tidak sesuai dengan standar pelayanan dan maklumat pelayanan",
]
SAFETY_GUARANTEES = [
    "Penyelenggaraan pelayanan memberikan jaminan dan keselamatan kepada pelanggan dengan menempatkan petugas "
    "keamanan dan fasilitas keselamatan seperti ketersediaan APAR di tempat pelayanan",
    "Penyelenggaraan pelayanan memberikan jaminan dan keselamatan kepada petugas pelayanan dengan menyediakan sarana "
    "dan prasarana keamanan dan keselamatan terutama pada saat melaksanakan peninjauan lapangan/survei",
    "Penyelenggaraan pelayanan mendapatkan jaminan perlindungan hukum dalam melaksanakan tugas sesuai dengan "
    "ketentuan peraturan perundangan berupa bantuan hukum",
]
PERFORMANCE_EVALUATION = "\n".join(
    [
        "Evaluasi kinerja pelayanan dilakukan secara rutin dan teratur serta melakukan perbaikan secara "
        "berkelanjutan. Evaluasi kinerja diantaranya berupa:",
        "1. Evaluasi pelaksanaan standar pelayanan dan standar operasional prosedur setidaknya 1 (satu) kali dalam "
        "1 (satu) tahun;",
        "2. Evaluasi berupa survey kepuasan pelanggan 4 (empat) kali dalam 1 (satu) tahun; dan",
        "3. Hasil evaluasi disampaikan kepada semua aparat penyelenggara pelayanan untuk merumuskan perbaikan yang "
        "perlu dilakukan.",
    ]
)
_ADDRESS_DPMPTSP = "DPMPTSP Kabupaten Purwakarta Jalan Veteran Nomor 139, Kelurahan Nagrikaler Kec. Purwakarta, Kabupaten Purwakarta, Jawa Barat 41115"
_ADDRESS_MPP = (
    "Mal Pelayanan Publik Bale Madukara Kabupaten Purwakarta, Jalan Jenderal Sudirman, Kelurahan Nagrikaler "
    "Kec. Purwakarta, Kabupaten Purwakarta, Jawa Barat 41115"
)
COMPLAINT_LINES_67 = [
    "1. Pemohon dapat menyampaikan pengaduan dalam hal penyelenggaraan pelayanan oleh DPMPTSP tidak dilaksanakan "
    "sesuai ketentuan perundang-undangan.",
    "2. Pengaduan dapat disampaikan secara lisan dan/atau tulisan melalui media yang disediakan oleh DPMPTSP paling "
    "lambat 30 (tiga puluh) hari kalender sejak pemohon menerima pelayanan, melalui: "
    f"a. Pejabat Pengelola Pengaduan pada {_ADDRESS_DPMPTSP}. "
    "b. Petugas Pengaduan pada Loker Pengaduan " + _ADDRESS_MPP + ". "
    f"c. Surat ke {_ADDRESS_DPMPTSP} atau {_ADDRESS_MPP}. "
    "d. Telepon: (0264) 8224794 ext.103 e. SMS: 081809898222 f. WA: 081809898222 "
    "g. Email: pengaduanptsp139@gmail.com h. Twitter: dpmpptsp_pwk i. Instagram: pengaduanptsp139.purwakarta "
    "j. Web: www.dpmpptsp.purwakartakab.go.id k. Web: www.mpp.purwakartakab.go.id l. Formulir Pengaduan "
    "m. Kotak Pengaduan",
    "3. Pengaduan yang disampaikan lebih dari 30 (tiga puluh) hari kelender dapat diperlakukan sebagai "
    "saran/masukan/koreksi/revisi.",
    "4. DPMPTSP wajib menanggapi dan menindaklanjuti pengaduan secara cepat, tepat dan memberikan jawaban, paling "
    "lambat 14 (empat belas) hari kerja sejak diterimanya pengaduan;",
    "5. Petugas menindaklanjuti pengaduan dengan melakukan langkah-langkah sebagai berikut: a. Pencatatan pengaduan "
    "yang setidaknya meliputi identitas pelapor/ yang mengadukan dan objek/materi pengaduan; b. Pengaduan yang tidak "
    "disertai dengan identitas pelapor/ yang mengadukan atau objek/materi pengaduan diperlakukan sebagai saran atau "
    "masukan; c. Menelaah dan mengelompokan pengaduan berdasarkan: 1) Bidang/Sektor/Jenis Pelayanan; 2) Jenis "
    "masalah yang dikelompokan sesuai komponen/unsur didalam Standar Pelayanan/SOP/lainnya, diantaranya: "
    "Persyaratan; Sistem, mekanisme, dan prosedur; Jangka waktu penyelesaian; Biaya/tarif; Produk pelayanan; "
    "Sarana, prasarana, dan/atau fasilitas; Kompetensi pelaksana; dll.",
    "6. Langkah-langkah penelaahan materi pengaduan masyarakat meliputi kegiatan-kegiatan sebagai berikut: "
    "a. Merumuskan inti masalah yang diadukan; b. Menghubungkan materi pengaduan dengan SP/SOP/peraturan yang "
    "relevan; c. Memeriksa dokumen dan/atau informasi yang pernah ada dalam kaitannya dengan materi pengaduan yang "
    "baru diterima; d. Merumuskan rencana penanganan atau langkah-langkah yang diperlukan, seperti: klarifikasi, "
    "konfirmasi, penelitian atau pemeriksaan, investigasi untuk membuktikan kebenaran materi pengaduan; "
    "e. Melakukan klarifikasi, konfirmasi, penelitian atau pemeriksaan, investigasi secara mandiri atau bersama "
    "dengan Perangkat Daerah dan/atau aparat pengawas intern pemerintah (APIP) kepada pihak yang terkait baik "
    "diinternal atau eksternal DPMPTSP;",
    "7. Hasil penelaahan pengaduan masyarakat tersebut, dikelompokkan dalam 3 (tiga) kategori, yaitu: "
    "a. Penyelesaian pengaduan di internal DPMPTSP, untuk dugaan yang permasalahannya berada di internal DPMPTSP. "
    "Tindaklanjut pengaduan di internal DPMPTSP, diselesaikan secara berjenjang mulai dari tingkatan pelaksana "
    "sampai dengan Kepala DPMPTSP, dengan tetap melaporkan secara tertulis hasil tindaklanjutnya ke pejabat di "
    "atasnya; b. Penyelesaian pengaduan yang ditindaklanjuti dengan melibatkan Tim Teknis/Perangkat Daerah terkait, "
    "untuk pengaduan yang dugaan permasalahannya berada di eskternal DPMPTSP. Tindaklanjut pengaduan yang "
    "melibatkan Tim Teknis/Perangkat Daerah terkait diselesaikan secara berjenjang mulai dari tingkatan pelaksana "
    "sampai dengan Kepala Perangkat Daerah, dengan tetap melaporkan secara tertulis hasil tindaklanjutnya ke pejabat "
    "di atasnya; c. Penyelesaian pengaduan yang ditindaklanjuti dengan melibatkan Aparat Pengawas Intern Pemerintah "
    "(APIP), untuk pengaduan yang tidak bisa diselesaikan secara internal atau eksternal DPMPTSP. Pelibatan APIP "
    "berdasarkan persetujuan Kepala DPMPTSP/ Perangkat Daerah atau sesuai dengan peraturan perundang-undangan.",
    "8. Hasil tindaklanjut pengaduan diinformasikan kepada pemohon dan dilaporkan kepada atasan langsung.",
]
# Seed 45 differs from 67 only in these spellings (as written in the regulation).
COMPLAINT_LINES_45 = [
    line.replace("dpmpptsp", "dpmptsp")
    .replace("7. Hasil penelaahan", "7. Hasil penelahaan")
    .replace("Kepala DPMPTSP/ Perangkat", "Kepala DPMPTSP/Perangkat")
    for line in COMPLAINT_LINES_67
]


@pytest.fixture(scope="module")
def seed67() -> StandardEntry:
    (entry,) = parse_text(SEED_67.read_text(encoding="utf-8"))
    return entry


@pytest.fixture(scope="module")
def seed45() -> StandardEntry:
    (entry,) = parse_text(SEED_45.read_text(encoding="utf-8"))
    return entry


# -- every field of both seeds ------------------------------------------------------------


def test_seed_67_heading(seed67):
    assert seed67.annex_number == 67
    assert seed67.product_type == "Sertifikat Standar"
    assert seed67.risk_level == "Menengah Tinggi"
    assert seed67.kbli == "62021"
    assert seed67.title == "Aktivitas Konsultasi Keamanan Informasi"
    assert seed67.queue_group is None


def test_seed_45_heading(seed45):
    assert seed45.annex_number == 45
    assert seed45.product_type == "Izin"
    assert seed45.risk_level == "Tinggi"
    assert seed45.kbli == "71205"
    assert seed45.title == "Jasa Kalibrasi/Metrologi"
    assert seed45.queue_group is None


def test_seed_67_requirements_item_by_item(seed67):
    assert list(seed67.requirements.general) == GENERAL_67
    assert list(seed67.requirements.special) == SPECIAL_67
    assert seed67.requirements["general"] == seed67.requirements.general  # the UI reads it like a mapping


def test_seed_45_has_no_special_requirements(seed45):
    assert list(seed45.requirements.general) == GENERAL_45
    assert list(seed45.requirements.special) == []
    assert seed45.to_dict()["requirements"] == {"general": GENERAL_45, "special": []}


def test_a_sentence_with_a_number_and_a_period_stays_one_requirement(seed67):
    fourth = seed67.requirements.general[3]
    assert fourth.endswith("dalam Pasal 65 PP Nomor 5 Tahun 2021")
    assert all(not item[0].isdigit() for item in seed67.requirements.general)  # numbering removed, none split off
    assert seed67.requirements.general[4].startswith("Setelah mendapatkan perizinan berusaha")


def test_service_delivery_components(seed67, seed45):
    assert seed67.procedure_classifications == (3, 7, 12, 16)
    assert seed45.procedure_classifications == (4, 8, 13, 17)
    assert seed67.procedure_text == "Klasifikasi 3, 7, 12, atau 16 sebagaimana tercantum dalam Lampiran IV Peraturan Bupati ini."
    assert seed45.procedure_text == "Klasifikasi 4, 8, 13, atau 17 sebagaimana tercantum dalam Lampiran IV Peraturan Bupati ini."
    for entry in (seed67, seed45):
        assert entry.completion_working_days == 7
        assert entry.completion_text == "7 hari kerja sejak diterimanya berkas permohonan secara lengkap dan benar."
        assert entry.fee == "Gratis"
        assert entry.staff_count == 30
    assert seed67.output == "NIB dan Sertifikat Standar Terverifikasi dengan tanda tangan elektronik"
    assert seed45.output == "NIB dan Izin Terverifikasi dengan tanda tangan elektronik"


def test_complaint_handling_joined_across_page_breaks(seed67, seed45):
    # In seed 67 the component's name and text are both cut by a page break.
    assert seed67.complaint_handling.split("\n") == COMPLAINT_LINES_67
    assert seed45.complaint_handling.split("\n") == COMPLAINT_LINES_45


def test_internal_management_components(seed67, seed45):
    assert list(seed67.legal_basis) == LEGAL_BASIS_67
    assert list(seed45.legal_basis) == LEGAL_BASIS_45
    assert list(seed67.facilities) == FACILITIES_67
    assert list(seed45.facilities) == FACILITIES_45
    assert len(seed67.facilities) == len(seed45.facilities) == 50
    for entry in (seed67, seed45):
        assert list(entry.competencies) == COMPETENCIES
        assert list(entry.internal_supervision) == INTERNAL_SUPERVISION
        assert list(entry.service_guarantees) == SERVICE_GUARANTEES
        assert list(entry.safety_guarantees) == SAFETY_GUARANTEES
        assert entry.performance_evaluation == PERFORMANCE_EVALUATION


def test_no_html_or_stray_space_before_punctuation_anywhere(seed67, seed45):
    for entry in (seed67, seed45):
        for key, value in entry.to_dict().items():
            texts = value if isinstance(value, list) else [value]
            if key == "requirements":
                texts = value["general"] + value["special"]
            for text in texts:
                if isinstance(text, str):
                    assert "<" not in text and ">" not in text, (key, text)
                    assert " ;" not in text and " ," not in text and "( " not in text, (key, text)


def test_to_dict_has_the_documented_shape_and_types(seed67):
    data = seed67.to_dict()
    assert isinstance(data["annex_number"], int)
    assert isinstance(data["kbli"], str)
    assert isinstance(data["completion_working_days"], int)
    assert isinstance(data["staff_count"], int)
    assert data["requirements"] == {"general": GENERAL_67, "special": SPECIAL_67}
    assert data["procedure_classifications"] == [3, 7, 12, 16]
    assert data["legal_basis"] == LEGAL_BASIS_67
    assert list(data) == [
        "annex_number", "product_type", "risk_level", "kbli", "title", "requirements",
        "procedure_classifications", "procedure_text", "completion_working_days", "completion_text", "fee",
        "output", "complaint_handling", "legal_basis", "facilities", "competencies", "internal_supervision",
        "service_guarantees", "safety_guarantees", "performance_evaluation", "staff_count", "queue_group",
    ]  # fmt: skip
    assert json.loads(json.dumps(data)) == data


# -- whole files --------------------------------------------------------------------------


def test_two_entries_in_one_file():
    text = SEED_67.read_text(encoding="utf-8") + "\n" + SEED_45.read_text(encoding="utf-8")
    located = parse_located(text)
    assert [entry.annex_number for entry, _ in located] == [67, 45]
    heading_45 = text.split("\n").index("45. Izin (Risiko Tinggi) KBLI 71205 Jasa Kalibrasi/Metrologi") + 1
    assert [line for _, line in located] == [3, heading_45]
    # Each keeps its own components: the second entry does not inherit the first one's special requirements.
    assert located[1][0].requirements.special == ()
    assert located[0][0] == parse_text(SEED_67.read_text(encoding="utf-8"))[0]


def test_windows_line_endings_parse_the_same(seed67):
    crlf = SEED_67.read_text(encoding="utf-8").replace("\n", "\r\n")
    assert parse_text(crlf) == [seed67]


def test_a_title_wrapped_onto_the_next_line_is_joined():
    text = SEED_45.read_text(encoding="utf-8").replace(
        "KBLI 71205 Jasa Kalibrasi/Metrologi\n", "KBLI 71205 Jasa Kalibrasi/\nMetrologi dan Pengujian\n"
    )
    (entry,) = parse_text(text)
    assert entry.title == "Jasa Kalibrasi/ Metrologi dan Pengujian"


def test_load_files_reads_every_seed_and_detects_the_format():
    entries = load_files(sorted(CATALOG_SEED_DIR.glob("*.txt")))
    assert sorted(entry.annex_number for entry in entries) == [45, 67]
    assert detect_format(Path("x.txt"), "") == TEXT
    assert detect_format(Path("x.yml"), "") == YAML
    assert detect_format(Path("x.dat"), '  [{"a": 1}]') == JSON
    assert detect_format(Path("x.dat"), "- annex_number: 1\n") == YAML
    assert detect_format(Path("x.dat"), SEED_67.read_text(encoding="utf-8")) == TEXT


def test_the_same_annex_number_in_two_files_is_refused(tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_text(SEED_67.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(CatalogFormatError) as caught:
        load_files([SEED_67, copy])
    message = caught.value.text("en")
    assert "Annex number 67 appears in more than one place" in message
    assert f"{SEED_67}:3" in message and f"{copy}:3" in message


# -- malformed input ----------------------------------------------------------------------


def _seed_lines() -> list[str]:
    return SEED_67.read_text(encoding="utf-8").split("\n")


def _line_of(lines: list[str], prefix: str) -> int:
    return next(i for i, line in enumerate(lines, start=1) if line.startswith(prefix))


def _error(text: str, source: str | None = "annex.txt") -> CatalogFormatError:
    with pytest.raises(CatalogFormatError) as caught:
        parse_text(text, source=source)
    assert isinstance(caught.value, UserError)
    return caught.value


def test_missing_heading_names_the_first_table_row():
    lines = [line for line in _seed_lines() if not line.startswith("67. ")]
    error = _error("\n".join(lines))
    assert error.line == _line_of(lines, "A.\t") == 5
    assert error.source == "annex.txt"
    assert str(error).startswith("annex.txt: Line 5: a table row comes before the service heading")
    assert error.text("id").startswith("annex.txt: Baris 5: ada baris tabel sebelum judul layanan")


def test_missing_required_component_names_the_heading_and_the_component():
    lines = [line for line in _seed_lines() if not line.startswith("3\tJangka Waktu")]
    error = _error("\n".join(lines))
    assert error.line == 3
    assert "service 67 has no component “Jangka Waktu Penyelesaian”" in str(error)
    assert error.text("id") == "annex.txt: Baris 3: layanan 67 tidak memiliki komponen “Jangka Waktu Penyelesaian”."


def test_a_file_cut_short_misses_its_last_components():
    lines = _seed_lines()
    cut = lines[: _line_of(lines, "11\tJumlah Pelaksana") - 1]
    error = _error("\n".join(cut))
    assert error.line == 3 and "“Jumlah Pelaksana”" in str(error)


def test_non_numeric_days_names_the_component_line():
    lines = _seed_lines()
    number = _line_of(lines, "3\tJangka Waktu")
    lines[number - 1] = lines[number - 1].replace(": 7 hari kerja", ": beberapa hari kerja")
    error = _error("\n".join(lines))
    assert error.line == number == 9
    assert "“7 hari kerja”, not “beberapa hari kerja sejak diterimanya" in str(error)


@pytest.mark.parametrize(("phrase", "days", "hours"), [
    ("Paling lama 1 (satu) hari kerja", 1, None),
    ("Satu hari kerja", 1, None),
    ("tujuh hari kerja", 7, None),
    ("Paling lambat 14 (empat belas) hari kerja", 14, None),
    ("Dua puluh lima hari kerja", 25, None),
    ("3 (tiga) jam", 1, 3),  # counted in hours: due within the working day it spans
    ("1 x 24 jam", 1, 24),
    ("Paling lama 30 jam", 2, 30),
])
def test_other_standards_phrasings_of_the_completion_time_are_accepted(phrase, days, hours):
    from mpp_desk.catalog.parser import completion_hours

    lines = _seed_lines()
    number = _line_of(lines, "3\tJangka Waktu")
    lines[number - 1] = lines[number - 1].replace(": 7 hari kerja", f": {phrase}")
    (entry,) = parse_text("\n".join(lines))
    assert entry.completion_working_days == days
    assert entry.completion_text.startswith(phrase)
    assert completion_hours(entry.completion_text) == hours


@pytest.mark.parametrize("kbli", ["6202", "620211", "62O21", "-"])
def test_bad_kbli_names_the_heading_line(kbli):
    lines = _seed_lines()
    lines[2] = lines[2].replace("KBLI 62021", f"KBLI {kbli}")
    error = _error("\n".join(lines))
    assert error.line == 3
    assert str(error) == f"annex.txt: Line 3: the KBLI code “{kbli}” must have exactly 5 digits."


@pytest.mark.parametrize("text", ["", "\n\n  \n", "NO\tKOMPONEN\tURAIAN\n"])
def test_a_file_without_entries(text):
    error = _error(text)
    assert error.line == 1
    assert "contains no service standard" in str(error)


def test_unknown_risk_level():
    lines = _seed_lines()
    lines[2] = lines[2].replace("Risiko Menengah Tinggi", "Risiko Sedang")
    error = _error("\n".join(lines))
    assert error.line == 3 and "unknown risk level “Sedang”" in str(error)


def test_risk_level_spelling_is_normalised():
    lines = _seed_lines()
    lines[2] = lines[2].replace("Risiko Menengah Tinggi", "Risiko  menengah TINGGI")
    assert parse_text("\n".join(lines))[0].risk_level == "Menengah Tinggi"


def test_a_heading_without_risk_is_refused():
    lines = _seed_lines()
    lines[2] = "67. Sertifikat Standar KBLI 62021 Aktivitas Konsultasi Keamanan Informasi"
    error = _error("\n".join(lines))
    assert error.line == 3 and "is not in the form" in str(error)


def test_unknown_component_and_duplicate_component():
    lines = _seed_lines()
    number = _line_of(lines, "4\tBiaya/Tarif")
    unknown = lines.copy()
    unknown[number - 1] = "4\tRetribusi Daerah\t: Gratis"
    error = _error("\n".join(unknown))
    assert error.line == number and "unknown component “Retribusi Daerah”" in str(error)
    twice = lines.copy()
    twice.insert(number, "4\tBiaya/Tarif\t: Rp 10.000")
    error = _error("\n".join(twice))
    assert error.line == number + 1 and "“Biaya/Tarif” appears twice in service 67" in str(error)


def test_an_empty_component_is_refused_but_a_dash_means_none():
    lines = _seed_lines()
    number = _line_of(lines, "4\tBiaya/Tarif")
    empty = lines.copy()
    empty[number - 1] = "4\tBiaya/Tarif\t: "
    error = _error("\n".join(empty))
    assert error.line == number and "“Biaya/Tarif” is empty" in str(error)
    dash = lines.copy()
    dash[number - 1] = "4\tBiaya/Tarif\t: -"
    assert parse_text("\n".join(dash))[0].fee == ""


def test_missing_classification_numbers():
    lines = _seed_lines()
    number = _line_of(lines, "2\tSistem")
    lines[number - 1] = "2\tSistem, Mekanisme dan Prosedur\t: Sesuai SOP."
    error = _error("\n".join(lines))
    assert error.line == number and "no classification numbers" in str(error)


def test_staff_count_must_be_a_number_or_dash():
    lines = _seed_lines()
    number = _line_of(lines, "11\tJumlah")
    lines[number - 1] = "11\tJumlah Pelaksana\t: tiga puluh orang"
    error = _error("\n".join(lines))
    assert error.line == number and "“tiga puluh orang”" in str(error)
    lines[number - 1] = "11\tJumlah Pelaksana\t: -"
    assert parse_text("\n".join(lines))[0].staff_count is None


def test_rows_out_of_place():
    lines = _seed_lines()
    section = _line_of(lines, "A.\t")
    early = lines.copy()
    early.insert(section, "\tSaran dan Masukan\tsesuatu")
    error = _error("\n".join(early))
    assert error.line == section + 1 and "continuation row comes before any component" in str(error)
    bad_no = lines.copy()
    bad_no.insert(section, "X1\tPersyaratan\t: -")
    error = _error("\n".join(bad_no))
    assert error.line == section + 1 and "unexpected value “X1” in the NO column" in str(error)
    stray = lines.copy()
    stray.insert(section, "teks tanpa kolom")
    error = _error("\n".join(stray))
    assert error.line == section + 1 and "unexpected text outside the table: “teks tanpa kolom”" in str(error)


def test_the_same_annex_number_twice_in_one_file():
    text = SEED_67.read_text(encoding="utf-8")
    error = _error(text + "\n" + text)
    assert error.line == len(text.split("\n")) + 3
    assert "annex number 67 is already used on line 3" in str(error)


def test_annex_number_zero_is_out_of_range():
    lines = _seed_lines()
    lines[2] = lines[2].replace("67.", "0.", 1)
    error = _error("\n".join(lines))
    assert error.line == 3 and "out of range (1 to 99999)" in str(error)


def test_an_error_without_a_source_has_no_prefix():
    error = _error("", source=None)
    assert str(error) == "Line 1: the file contains no service standard."


# -- pieces -------------------------------------------------------------------------------


def test_clean_text_removes_tags_without_leaving_space_before_punctuation():
    assert clean_text("18. Ruang <i>pantry</i> ; 19. Ruang") == "18. Ruang pantry; 19. Ruang"
    assert clean_text("Multimedia (<i>touchsreen</i> dan layar)") == "Multimedia (touchsreen dan layar)"
    assert clean_text("<p>DPMPTSP tidak</p> <ol style=\"list-style-type: none\"> 2. Pengaduan") == "DPMPTSP tidak 2. Pengaduan"
    assert clean_text("a ; b") == "a ; b"  # a space the author typed is not ours to remove
    assert clean_text("  A &amp; B\u00a0 C ") == "A & B C"
    assert clean_text("<br/>x<li>y</li>") == "x y"


def test_list_splitting_follows_the_sequence():
    assert list_items("1. Satu; 2. Dua 2.5 ha; dan 3. Tiga.") == ["Satu", "Dua 2.5 ha", "Tiga"]
    # Look-alikes of the next marker that come first: inside "12." and "2.5", not standing alone.
    assert list_items("1. Lihat butir 12. dan lahan 2.5 ha; 2. Dua") == ["Lihat butir 12. dan lahan 2.5 ha", "Dua"]
    text = "1. w; 2. x; 3. y; 4. Sesuai Pasal 65 PP Nomor 5 Tahun 2021. 5. Setelah itu."
    assert list_items(text)[3:] == ["Sesuai Pasal 65 PP Nomor 5 Tahun 2021", "Setelah itu"]
    assert list_items("a. Jalan Veteran Kec. Purwakarta; b. Dua") == ["Jalan Veteran Kec. Purwakarta", "Dua"]
    assert list_items("1) Satu; 2) Dua") == ["Satu", "Dua"]
    assert list_items("1. Satu: a. x; b. y; 2. Dua") == ["Satu: a. x; b. y", "Dua"]  # a sub-list stays in its item
    assert list_items("12. Dua belas 13. Tiga belas") == ["12. Dua belas 13. Tiga belas"]  # no "1." starts no list
    assert list_items("Hanya satu hal.") == ["Hanya satu hal"]
    assert list_items(" - ") == [] and list_items("") == []


def test_split_list_keeps_the_preamble_and_markers():
    assert split_list("Berupa: 1. A 2. B") == ("Berupa:", [("1.", "A"), ("2.", "B")])
    assert split_list("tanpa daftar") == ("tanpa daftar", [])


def test_paragraphs_put_each_item_on_its_own_line():
    assert paragraphs("Intro: 1. A; 2. B; dan 3. C.") == "Intro:\n1. A;\n2. B; dan\n3. C."
    assert paragraphs("plain text.") == "plain text."
    assert paragraphs("-") == ""


# -- the export format --------------------------------------------------------------------


@pytest.mark.parametrize("fmt", [YAML, JSON])
def test_export_documents_read_back_exactly(seed67, seed45, fmt):
    grouped = replace(seed45, queue_group="A")
    text = dumps([seed67, grouped], fmt)
    assert parse_structured(text, fmt) == [seed67, grouped]


def test_yaml_export_is_readable_and_keeps_codes_as_text():
    entry = StandardEntry(
        annex_number=3, product_type="Izin", risk_level="Rendah", kbli="01111", title="2021-01-01",
        completion_working_days=5, complaint_handling="1. a\n2. b", fee="no", output="yes",
    )  # fmt: skip
    text = dumps([entry], YAML)
    assert "kbli: '01111'" in text
    assert "complaint_handling: |-" in text
    assert parse_structured(text, YAML) == [entry]


def test_load_file_reads_an_export_by_extension_and_by_content(tmp_path, seed67):
    (tmp_path / "c.json").write_text(dumps([seed67], JSON), encoding="utf-8")
    (tmp_path / "c.export").write_text(dumps([seed67], YAML), encoding="utf-8")
    assert load_file(tmp_path / "c.json") == [seed67]
    assert load_file(tmp_path / "c.export") == [seed67]


def _structured_error(data, fmt=JSON) -> CatalogFormatError:
    text = data if isinstance(data, str) else json.dumps(data)
    with pytest.raises(CatalogFormatError) as caught:
        parse_structured(text, fmt, source="edit.json")
    return caught.value


def _valid() -> dict:
    return parse_text(SEED_45.read_text(encoding="utf-8"))[0].to_dict()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"kbli": 71205}, "Entry 2: the KBLI code 71205 must be text of exactly 5 digits, in quotes"),
        ({"kbli": "7120"}, "Entry 2: the KBLI code “7120” must be text of exactly 5 digits"),
        ({"annex_number": "45"}, "Entry 2: “annex_number” must be a whole number."),
        ({"annex_number": True}, "Entry 2: “annex_number” must be a whole number."),
        ({"annex_number": 0}, "Entry 2: “annex_number” must be between 1 and 99999."),
        ({"completion_working_days": 7.5}, "Entry 2: “completion_working_days” must be a whole number."),
        ({"staff_count": "30"}, "Entry 2: “staff_count” must be a whole number."),
        ({"title": ""}, "Entry 2: “title” must not be empty."),
        ({"fee": 0}, "Entry 2: “fee” must be text."),
        ({"risk_level": "Sedang"}, "Entry 2: unknown risk level “Sedang”"),
        ({"legal_basis": "UU 11/2020"}, "Entry 2: “legal_basis” must be a list of texts"),
        ({"facilities": ["AC", ""]}, "Entry 2: “facilities” must be a list of texts, none of them empty."),
        ({"procedure_classifications": [4, "8"]}, "Entry 2: “procedure_classifications” must be a list of whole numbers."),
        ({"requirements": ["a"]}, "Entry 2: “requirements” must have the lists “general” and “special”"),
        ({"requirements": {"general": [], "umum": []}}, "Entry 2: “requirements” must have the lists"),
        ({"requirements": {"general": [1], "special": []}}, "Entry 2: “requirements.general” must be a list of texts"),
        ({"titel": "x"}, "Entry 2: unknown field “titel”."),
        ({"queue_group": "ABCDE"}, "Entry 2: “queue_group” is too long"),
    ],
)
def test_export_validation_names_the_entry_and_field(seed67, change, expected):
    second = {**_valid(), **change}
    error = _structured_error([seed67.to_dict(), second])
    assert str(error).startswith(f"edit.json: {expected}")
    assert error.text("id").startswith("edit.json: Entri 2")


def test_export_validation_of_missing_keys_and_shape():
    data = _valid()
    del data["output"]
    assert str(_structured_error([data])) == "edit.json: Entry 1: the field “output” is missing."
    assert "must contain a list of services" in str(_structured_error({"services": []}))
    assert "Entry 1 is not a set of fields" in str(_structured_error([["x"]]))
    assert "annex number 45 is already used by entry 1" in str(_structured_error([_valid(), _valid()]))


def test_syntax_errors_name_the_line():
    assert _structured_error('[\n  {"a": 1,}\n]').line == 2
    error = _structured_error("- annex_number: 1\n  title: [unclosed\n", YAML)
    assert error.line == 3 and "not valid YAML" in str(error)
    assert error.text("id").startswith("edit.json: Baris 3: berkas bukan YAML yang sah")


def test_a_file_that_is_not_utf8_names_the_line(tmp_path):
    path = tmp_path / "annex.txt"
    path.write_bytes(b"\n\n67. Sertifikat \xff\n")
    with pytest.raises(CatalogFormatError) as caught:
        load_file(path)
    assert caught.value.line == 3 and str(caught.value) == f"{path}: Line 3: the file is not UTF-8 text."


def test_a_missing_file_is_a_user_error(tmp_path):
    with pytest.raises(UserError) as caught:
        load_files([tmp_path / "nothing.txt"])
    assert "Cannot read" in str(caught.value) and "nothing.txt" in str(caught.value)


def test_requirements_record_behaves_like_the_json_mapping():
    requirements = Requirements(general=("a",), special=())
    assert requirements["general"] == ("a",) and requirements["special"] == ()
    with pytest.raises(KeyError):
        requirements["umum"]
    assert requirements.to_dict() == {"general": ["a"], "special": []}


def test_catalogue_modules_import_no_qt():
    root = Path(__file__).resolve().parents[2]
    files = [*sorted((root / "mpp_desk" / "catalog").glob("*.py")), root / "mpp_desk" / "cli" / "catalog.py"]
    assert len(files) >= 5
    for path in files:
        assert "PySide6" not in path.read_text(encoding="utf-8"), path
