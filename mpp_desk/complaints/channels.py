"""The channels complaints come through: seeded from the service standard, edited by the administrator.

Seed item 6.2 lists them (a. ... m.): the complaint official at DPMPTSP (Jalan Veteran Nomor 139),
the complaint desk at the MPP, a letter to either, telephone, SMS, WA, e-mail, Twitter, Instagram,
two websites, the complaint form and the complaint box. Each keeps its own address or contact,
read from the catalogue's complaint-handling text ("Telepon: (0264) 8224794 ext.103", "... pada
DPMPTSP Kabupaten Purwakarta Jalan Veteran Nomor 139, ..."), so a corrected standard gives
corrected contacts; the names are the office's words. Receipts print the channels marked
``on_receipt``. Until the administrator changes anything the list is not written: with no row
in the table (not even a deleted one) :func:`list_channels` gives the seeded list, and the first
change writes it whole.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from mpp_desk import audit
from mpp_desk.complaints.rules import ComplaintInputError, clean_text
from mpp_desk.i18n import N_
from mpp_desk.limits import TEXT_LIMITS
from mpp_desk.models import ComplaintChannel, ServiceStandard
from mpp_desk.roles import Permission, authorize
from mpp_desk.uow import soft_delete

if TYPE_CHECKING:
    from mpp_desk.uow import UnitOfWork


@dataclass(frozen=True)
class Channel:
    """One channel as screens and receipts use it."""

    code: str
    name: str
    contact: str = ""
    on_receipt: bool = False
    position: int = 0
    active: bool = True


# code, name, the label the standard writes before the contact (None: read by the item's words), on the receipt
_SEED = (
    ("official", "Pejabat Pengelola Pengaduan DPMPTSP", None, False),
    ("in_person", "Loket Pengaduan MPP", None, True),
    ("letter", "Surat", None, False),
    ("telephone", "Telepon", "Telepon", True),
    ("sms", "SMS", "SMS", True),
    ("whatsapp", "WhatsApp", "WA", True),
    ("email", "E-mail", "Email", True),
    ("twitter", "Twitter", "Twitter", False),
    ("instagram", "Instagram", "Instagram", False),
    ("website", "Situs web", "Web", True),
    ("form", "Formulir pengaduan", None, False),
    ("box", "Kotak pengaduan", None, False),
)
# The items of the standard without a "Label:", known by their words: a. the official at DPMPTSP,
# b. the desk at the MPP, c. a letter to either office.
_WORDED = {"official": r"^Pejabat Pengelola Pengaduan", "in_person": r"^Petugas Pengaduan", "letter": r"^Surat\b"}
_CODE = re.compile(r"[a-z][a-z0-9_]{1,31}")


def channels_from_standard(text: str) -> list[Channel]:
    """The seed channels with the contacts the complaint-handling text gives: ``Label: contact`` for the
    media, the address for the officials and the letter ("... pada DPMPTSP ... Jalan Veteran Nomor 139, ...")."""
    contacts: dict[str, list[str]] = {}
    worded: dict[str, str] = {}
    items = _lettered_items(_channel_paragraph(text or ""))
    for item in items:
        item = re.sub(r"\s+", " ", item).strip().rstrip(".;").strip()
        for code, pattern in _WORDED.items():
            if re.match(pattern, item) and code not in worded:
                worded[code] = _address_of(code, item)
        match = re.match(r"\s*([A-Za-z-]+)\s*:\s*(.+?)\s*\.?\s*$", item)
        if match:
            contacts.setdefault(match.group(1).lower().replace("-", ""), []).append(match.group(2).strip())
    out = []
    for position, (code, name, label, on_receipt) in enumerate(_SEED):
        contact = worded.get(code, "")
        if label is not None:
            values = contacts.get(label.lower().replace("-", ""), [])
            if code == "website":
                values = sorted(values, key=lambda v: "mpp." not in v)  # the mall's own site first
            contact = ", ".join(values)
        out.append(Channel(code, name, _agency_spelling(contact), on_receipt, position))
    return out


def _address_of(code: str, item: str) -> str:
    """What to write or where to go: the item without its opening words ("Surat ke", "... pada")."""
    if code == "letter":
        return re.sub(r"^Surat\s+(ke\s+)?", "", item)
    return re.sub(r"^.*?\bpada\s+(Lok[et]r? Pengaduan\s+)?", "", item, count=1)


def _agency_spelling(contact: str) -> str:
    """The agency's acronym as it is spelt (DPMPTSP): some entries of the annex write "dpmpptsp"."""
    return re.sub(r"dpmpptsp", "dpmptsp", contact, flags=re.IGNORECASE)


def _channel_paragraph(text: str) -> str:
    """Point 2 of the complaint-handling text ("... melalui: a. ... m. Kotak Pengaduan")."""
    match = re.search(r"melalui\s*:(.*?)(?:\n\s*3\.|\s3\.\s+Pengaduan|$)", text, re.S)
    return match.group(1) if match else ""


def _lettered_items(text: str) -> list[str]:
    """Split "a. x b. y c. z" at consecutive letters only (so "Kec. Purwakarta" stays whole)."""
    starts = []
    position = 0
    for letter in "abcdefghijklmnopqrstuvwxyz":
        match = re.compile(rf"(?:^|\s){letter}\.\s").search(text, position)
        if match is None:
            break
        starts.append((match.start(), match.end()))
        position = match.end()
    return [text[end : starts[i + 1][0] if i + 1 < len(starts) else len(text)].strip() for i, (_s, end) in enumerate(starts)]


def seed_channels(uow: UnitOfWork) -> list[Channel]:
    """The channels from the first catalogue entry that has a complaint-handling text (or the bare names)."""
    text = uow.session.scalar(
        select(ServiceStandard.complaint_handling)
        .where(ServiceStandard.deleted_at.is_(None), ServiceStandard.complaint_handling != "")
        .order_by(ServiceStandard.annex_number)
        .limit(1)
    )
    return channels_from_standard(text or "")


def list_channels(uow: UnitOfWork, *, include_inactive: bool = False) -> list[Channel]:
    """The office's channels in order; the seeded list while nobody has edited it."""
    rows = uow.session.scalars(select(ComplaintChannel).order_by(ComplaintChannel.position, ComplaintChannel.code)).all()
    if not rows:
        return seed_channels(uow)
    return [
        _view(r) for r in rows if r.deleted_at is None and (include_inactive or r.active)
    ]


def channel_codes(uow: UnitOfWork) -> frozenset[str]:
    """Codes a new case may use (active channels)."""
    return frozenset(c.code for c in list_channels(uow))


def channel_names(uow: UnitOfWork) -> dict[str, str]:
    """code -> name of every channel ever known (retired ones too), for old cases."""
    rows = uow.session.scalars(select(ComplaintChannel)).all()
    names = {c.code: c.name for c in seed_channels(uow)} if not rows else {}
    names.update({r.code: r.name for r in rows})
    return names


def save_channel(uow: UnitOfWork, *, code: str, name: str, contact: str = "", on_receipt: bool = False,
                 position: int | None = None, active: bool = True) -> Channel:
    """Add or change a channel (administrator: EDIT_SETTINGS). Audited."""
    authorize(uow, uow.actor, Permission.EDIT_SETTINGS)
    code = (code or "").strip().lower()
    if not _CODE.fullmatch(code):
        raise ComplaintInputError(
            N_("complaints", "A channel code is 2 to 32 lower-case letters, digits or underscores, starting with a letter."),
            field="code",
        )
    name = clean_text(name, limit=TEXT_LIMITS["channel_name"], field="name")
    if not name:
        raise ComplaintInputError(N_("complaints", "Enter the channel's name."), field="name")
    contact = clean_text(contact, limit=TEXT_LIMITS["channel_contact"], field="contact")
    _materialise(uow)
    row = uow.session.scalar(select(ComplaintChannel).where(ComplaintChannel.code == code))
    if row is None:
        last = uow.session.scalar(select(ComplaintChannel.position).order_by(ComplaintChannel.position.desc()).limit(1))
        row = ComplaintChannel(id=uuid.uuid4(), code=code, position=(last or 0) + 1 if position is None else position)
        uow.session.add(row)
        action = "complaints.channel_added"
    else:
        action = "complaints.channel_changed"
        row.deleted_at = None
        if position is not None:
            row.position = position
    row.name, row.contact, row.on_receipt, row.active = name, contact, bool(on_receipt), bool(active)
    audit.record(uow, action=action, entity="complaint_channel", entity_id=row.id, summary=f"channel {code}",
                 details={"code": code, "active": bool(active), "on_receipt": bool(on_receipt)})
    uow.session.flush()
    return _view(row)


def remove_channel(uow: UnitOfWork, *, code: str) -> bool:
    """Retire a channel (soft delete); old cases keep its name. False if there is no such channel."""
    authorize(uow, uow.actor, Permission.EDIT_SETTINGS)
    _materialise(uow)
    row = uow.session.scalar(
        select(ComplaintChannel).where(ComplaintChannel.code == code, ComplaintChannel.deleted_at.is_(None))
    )
    if row is None:
        return False
    soft_delete(row)
    audit.record(uow, action="complaints.channel_removed", entity="complaint_channel", entity_id=row.id,
                 summary=f"channel {code} removed", details={"code": code})
    uow.session.flush()
    return True


def _materialise(uow: UnitOfWork) -> None:
    """Write the seeded list before the first change, so the change applies to a real list."""
    if uow.session.scalar(select(ComplaintChannel.id).limit(1)) is not None:
        return
    for channel in seed_channels(uow):
        uow.session.add(ComplaintChannel(
            id=uuid.uuid4(), code=channel.code, name=channel.name, contact=channel.contact,
            on_receipt=channel.on_receipt, position=channel.position, active=True,
        ))
    uow.session.flush()


def _view(row: ComplaintChannel) -> Channel:
    return Channel(row.code, row.name, row.contact, row.on_receipt, row.position, row.active)
