"""Bad command lines, as a careless operator or a script would type them: each is refused with one clear
line in the user's language on stderr, exit status 2, no traceback, and nothing written to the database."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from mpp_desk.cli import main

BIG = "9" * 20  # a 20-digit number: overflowed SQLite's integers before
NOT_UUID = "not-a-uuid"
WEEKDAY = "2026-11-24T09:00"  # a Tuesday, inside opening hours


MISSING, FOLDER = "<missing>/t.pdf", "<folder>"  # filled in with the test's folder

BAD_LINES = [
    ["queue", "issue", "A", "--service", NOT_UUID],
    ["queue", "issue", "A", "--service", ""],
    ["queue", "issue", "A", "--at", WEEKDAY, "--pdf", MISSING],
    ["queue", "issue", "A", "--at", WEEKDAY, "--pdf", FOLDER],
    ["queue", "issue", "A", "--at", WEEKDAY, "--width", "70"],
    ["queue", "issue", "A", "--at", "garbage"],
    ["queue", "issue", "A", "--at", "9999-12-31T23:59:59+00:00"],
    ["queue", "issue", "A", "--at", "0001-01-01T00:00"],
    ["queue", "issue", "Q", "--at", WEEKDAY],
    ["queue", "issue"],
    ["queue", "issue", "A", "--bogus"],
    ["queue", "call", BIG],
    ["queue", "call", "-5"],
    ["queue", "call", "0"],
    ["queue", "call", "satu"],
    ["queue", "call", "1.5"],
    ["queue", "call", "1e3"],
    ["queue", "group", "add", "Z", "Zed", "--limit", BIG],
    ["queue", "group", "add", "Z", "Zed", "--limit", "0"],
    ["queue", "group", "add", "Z", "Zed", "--position", BIG],
    ["queue", "group", "add", "Z", "Zed", "--position", "-1"],
    ["queue", "group", "add", "ZZZZ", "Zed"],
    ["queue", "group", "add", "Z", "Zed", "--open", "25:00"],
    ["queue", "group", "add", "Z", "Zed", "--open", "16:00", "--close", "08:00"],
    ["queue", "group", "add", "Z", "   "],
    ["queue", "group", "add", "Z", "x" * 5000],
    ["queue", "group", "set", "A", "--limit", BIG],
    ["queue", "group", "set", "A", "--position", BIG],
    ["queue", "group", "set", "A", "--limit", "-1"],
    ["queue", "group", "set", "A", "--limit", "5", "--no-limit"],
    ["queue", "group", "set", "NOPE", "--name", "x"],
    ["queue", "counter", "add", BIG, "X", "--groups", "A"],
    ["queue", "counter", "add", "1000", "X", "--groups", "A"],
    ["queue", "counter", "add", "5", "X", "--groups", "NOPE"],
    ["queue", "counter", "add", "5", "X"],
    ["queue", "counter", "set", BIG],
    ["queue", "counter", "set", "77", "--name", "x"],
    ["queue", "break", "add", BIG, "12:00", "13:00", "x"],
    ["queue", "break", "add", "9", "12:00", "13:00", "x"],
    ["queue", "break", "add", "4", "13:00", "12:00", "x"],
    ["queue", "break", "remove", NOT_UUID],
    ["queue", "start", "A001", "--counter", BIG],
    ["queue", "start", "A001"],
    ["queue", "transfer", "A001", "--counter", "1", "--to-counter", BIG],
    ["queue", "finish", "A001", "--counter", "1", "--outcome", "meh"],
    ["queue", "stats", "--date", "2026-13-45"],
    ["queue", "stats", "--date", "kemarin"],
    ["catalog", "list", "--search", "a " * 5000],
    ["catalog", "list", "--search", "a" * 50_000],
    ["catalog", "import", "<folder>/missing.txt"],
    ["calendar", "close", "2026-02-30", "--reason", "x"],
    ["calendar", "close", "2026-12-24"],
    ["calendar", "due", "--from", "2026-11-24", "--days", BIG],
    ["calendar", "due", "--from", "2026-11-24", "--days", "-3"],
    ["calendar", "due", "--from", "kemarin", "--days", "3"],
    ["complaints", "register", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "csv", "--out", MISSING],
    ["complaints", "register", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "doc", "--out", "x"],
    ["complaints", "channel", "set", "x", "y", "--position", BIG],
    ["complaints", "verify", "x" * 20_000],
    ["intake", "search", "--limit", BIG],
    ["intake", "search", "--limit", "0"],
    ["intake", "search", "--from", "2026-99-01"],
    ["audit", "list", "--limit", BIG],
    ["audit", "list", "--limit", "lima"],
    ["settings", "set", "ui.language", "klingon"],
    ["user", "add", "x", "--name", "X", "--role", "emperor"],
    ["--lang", "xx", "queue", "groups"],
    ["nonsense"],
]


def _rows(database) -> dict[str, int]:
    con = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        con.close()


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    """A seeded data folder with counter 1 (group A); shared by every probe (each must leave it unchanged)."""
    folder = tmp_path_factory.mktemp("probe")
    data = folder / "data"
    assert main(["--data-dir", str(data), "--lang", "id", "queue", "counter", "add", "1", "Loket 1", "--groups", "A"]) == 0
    return folder, data


def _run(argv) -> int:
    try:
        return main(argv)
    except SystemExit as stop:  # argparse's refusals
        return stop.code


@pytest.mark.parametrize("line", BAD_LINES, ids=lambda line: " ".join(a[:16] for a in line[:5]))
def test_a_bad_command_line_is_refused_in_one_line_exit_2_and_writes_nothing(prepared, capsys, line):
    folder, data = prepared
    line = [a.replace("<missing>", str(folder / "missing")).replace("<folder>", str(folder)) for a in line]
    before = _rows(data / "mpp-desk.sqlite3")
    code = _run(["--data-dir", str(data), "--lang", "id", *line] if line[0] != "--lang" else
                ["--data-dir", str(data), *line])
    out, err = capsys.readouterr()
    assert code == 2, (line[:6], code, err)
    assert "Traceback" not in err and "Traceback" not in out
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mpp-desk: ") and len(lines[0]) < 400, err
    assert _rows(data / "mpp-desk.sqlite3") == before, line[:6]
    assert not (folder / "missing").exists()


def test_argparse_complaints_are_said_in_the_users_language(prepared, capsys):
    _, data = prepared
    assert _run(["--data-dir", str(data), "--lang", "id", "queue", "call", "satu"]) == 2
    assert capsys.readouterr().err.strip() == "mpp-desk: LOKET: tulis bilangan bulat 1 sampai 999, bukan satu."
    assert _run(["--data-dir", str(data), "--lang", "id", "queue", "issue"]) == 2
    assert capsys.readouterr().err.strip() == "mpp-desk: Belum diisi: KELOMPOK."
    assert _run(["--data-dir", str(data), "--lang", "en", "queue", "issue"]) == 2
    assert capsys.readouterr().err.strip() == "mpp-desk: Missing: KELOMPOK."


def test_a_pdf_that_cannot_be_written_issues_no_ticket(prepared, capsys):
    folder, data = prepared
    before = _rows(data / "mpp-desk.sqlite3")["queue_ticket"]
    code = _run(["--data-dir", str(data), "--lang", "id", "queue", "issue", "A", "--at", WEEKDAY, "--pdf",
                 str(folder / "missing" / "t.pdf")])
    assert code == 2 and "tidak ada" in capsys.readouterr().err
    assert _rows(data / "mpp-desk.sqlite3")["queue_ticket"] == before


@pytest.mark.slow  # real processes
def test_a_broken_pipe_ends_quietly(prepared):
    _, data = prepared
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    reader = subprocess.Popen(
        [sys.executable, "-m", "mpp_desk", "--data-dir", str(data), "catalog", "list", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )
    reader.stdout.close()  # like `| head -c 10` that has already gone: every write meets a closed pipe
    err = reader.stderr.read().decode()
    reader.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    assert reader.returncode in (0, 141)
