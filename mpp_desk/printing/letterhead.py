"""The letterhead (kop) every printed paper of the office starts with.

"PEMERINTAH KABUPATEN PURWAKARTA / DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU", then
the office's name and full address, with an optional logo: the values come from the office
settings (``office.government``, ``office.agency``, ``office.name``, ``office.address``,
``office.logo``; :func:`mpp_desk.settings.receipt_settings`). This module only holds the data and
its thermal-printer lines (standard library only, so the settings can build one cheaply); the PDF
block is :func:`mpp_desk.printing.pdf_forms.letterhead_block`.
"""

from __future__ import annotations

from dataclasses import dataclass

from mpp_desk.printing.document import Rule, Text

DEFAULT_GOVERNMENT = "PEMERINTAH KABUPATEN PURWAKARTA"
DEFAULT_AGENCY = "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU"


@dataclass(frozen=True)
class Letterhead:
    """Who issues a paper: the government, the agency, the office (its name and address), a logo file."""

    government: str = DEFAULT_GOVERNMENT
    agency: str = DEFAULT_AGENCY
    office_name: str = ""
    address: str = ""
    logo: str = ""  # a PNG or JPEG path; empty or unreadable: no logo

    def lines(self) -> list[str]:
        """The letterhead's texts, top to bottom, without the empty ones."""
        return [t for t in (self.government, self.agency, self.office_name, self.address) if t]

    def escpos_blocks(self) -> list:
        """The letterhead for a thermal printer (the printer draws no logo)."""
        blocks: list = []
        if self.government:
            blocks.append(Text(self.government, bold=True, small=True))
        if self.agency:
            blocks.append(Text(self.agency, bold=True, small=True))
        if self.office_name:
            blocks.append(Text(self.office_name, bold=True))
        if self.address:
            blocks.append(Text(self.address, small=True))
        blocks.append(Rule("="))
        return blocks
