"""Attachments of a case (scanned letters, photos): checked by content, stored once under their SHA-256.

A file is accepted when it is at most :data:`MAX_BYTES`, its first bytes say PDF, JPEG or PNG
(the extension alone proves nothing: a renamed program stays a program) and the library that
reads the format opens it (pypdfium2 for a PDF, Pillow for an image): a program with ``%PDF-``
near its start is not a PDF. Stored files live in
``<data folder>/attachments/<first 2 hex>/<sha256>.<ext>``; the same file added twice is stored
once. Files are written before the database row and never removed by a failed save, so a save
that is retried finds them already there.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from mpp_desk.complaints.rules import ComplaintInputError
from mpp_desk.i18n import N_

MAX_BYTES = 10 * 1024 * 1024
MAX_FILES = 20
DIRNAME = "attachments"
_CHUNK = 1024 * 1024

# (mime, extension, magic bytes at offset 0)
_KINDS = (
    ("application/pdf", "pdf", b"%PDF-"),
    ("image/jpeg", "jpg", b"\xff\xd8\xff"),
    ("image/png", "png", b"\x89PNG\r\n\x1a\n"),
)


@dataclass(frozen=True)
class StoredFile:
    """A checked file in the data folder."""

    filename: str
    path: str  # relative to the data folder, with forward slashes
    sha256: str
    size: int
    mime: str


def sniff(head: bytes) -> tuple[str, str] | None:
    """(mime, extension) of PDF, JPEG or PNG content; None for anything else."""
    for mime, ext, magic in _KINDS:
        if head.startswith(magic):
            return mime, ext
    # A PDF may have a few bytes of junk before its header (the spec allows 1024).
    if b"%PDF-" in head[:1024]:
        return "application/pdf", "pdf"
    return None


def check_file(path: Path | str) -> tuple[int, str, str]:
    """(size, mime, extension) of an acceptable file; ComplaintInputError (field "attachments") otherwise."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise OSError("not a file")
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError:
        raise ComplaintInputError(N_("complaints", "The file {name} cannot be read."), field="attachments",
                                  name=name) from None
    if size > MAX_BYTES:
        raise ComplaintInputError(
            N_("complaints", "The file {name} is too large ({size} MB); the limit is {limit} MB."),
            field="attachments", name=name, size=f"{size / 1024 / 1024:.1f}", limit=MAX_BYTES // (1024 * 1024),
        )
    if size == 0:
        raise ComplaintInputError(N_("complaints", "The file {name} is empty."), field="attachments", name=name)
    kind = sniff(head)
    if kind is None:
        raise ComplaintInputError(
            N_("complaints", "The file {name} is not a PDF, JPEG or PNG; only scans and photos in those forms are accepted."),
            field="attachments", name=name,
        )
    if not _opens_as(path, kind[0]):
        raise ComplaintInputError(
            N_("complaints", "The file {name} is damaged or is not really a {kind}; it was not attached."),
            field="attachments", name=name, kind=kind[1].upper(),
        )
    return size, kind[0], kind[1]


def _opens_as(path: Path, mime: str) -> bool:
    """True when the format's own reader opens *path* as *mime* (a PDF with at least one page,
    an image whose data decodes in full)."""
    try:
        if mime == "application/pdf":
            import pypdfium2 as pdfium

            doc = pdfium.PdfDocument(str(path))
            try:
                return len(doc) > 0
            finally:
                doc.close()
        from PIL import Image

        expected = {"image/jpeg": "JPEG", "image/png": "PNG"}[mime]
        with Image.open(path) as image:
            if image.format != expected:
                return False
            image.load()
        return True
    except Exception:  # noqa: BLE001 - any failure of the reader means "not this format"
        return False


def check_files(paths) -> None:
    """Check every file before any is stored (all or nothing)."""
    paths = list(paths)
    if len(paths) > MAX_FILES:
        raise ComplaintInputError(N_("complaints", "At most {count} files can be attached at once."),
                                  field="attachments", count=MAX_FILES)
    for path in paths:
        check_file(path)


def store(data_dir: Path | str, source: Path | str) -> StoredFile:
    """Check *source* and copy it into the data folder under its hash (once)."""
    source = Path(source)
    size, mime, ext = check_file(source)
    digest = hashlib.sha256()
    folder = Path(data_dir) / DIRNAME
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".incoming-{uuid.uuid4().hex}.tmp"
    written = 0
    try:
        with source.open("rb") as src, tmp.open("wb") as dst:
            while chunk := src.read(_CHUNK):
                written += len(chunk)
                if written > MAX_BYTES:  # the file grew after the check
                    raise ComplaintInputError(
                        N_("complaints", "The file {name} is too large ({size} MB); the limit is {limit} MB."),
                        field="attachments", name=source.name, size=f"{written / 1024 / 1024:.1f}",
                        limit=MAX_BYTES // (1024 * 1024),
                    )
                digest.update(chunk)
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        sha = digest.hexdigest()
        relative = f"{DIRNAME}/{sha[:2]}/{sha}.{ext}"
        target = Path(data_dir) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            tmp.unlink()
        else:
            tmp.replace(target)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise ComplaintInputError(N_("complaints", "The file {name} could not be stored in the data folder."),
                                  field="attachments", name=source.name) from None
    finally:
        tmp.unlink(missing_ok=True)
    return StoredFile(filename=source.name, path=relative, sha256=sha, size=written, mime=mime)

