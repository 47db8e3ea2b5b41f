"""Errors of the service catalogue: a file that cannot be imported, an entry that cannot be written."""

from __future__ import annotations

from mpp_desk.errors import UserError


class CatalogError(UserError):
    """The catalogue refused a change (unknown queue group, an annex number given twice, ...)."""


class CatalogFormatError(CatalogError):
    """An import file is malformed; the message names the line (or the entry) and the file.

    ``source`` (the file name) is not part of the translated message: it is put in front of it.
    """

    def __init__(self, message: str, /, *, source: str | None = None, **params: object) -> None:
        super().__init__(message, **params)
        self.source = source

    @property
    def line(self) -> int | None:
        value = self.params.get("line")
        return value if isinstance(value, int) else None

    def with_source(self, source: str) -> CatalogFormatError:
        """This error, naming *source* unless it already names a file."""
        if self.source is None:
            self.source = source
        return self

    def text(self, language: str | None = None) -> str:
        text = super().text(language)
        return f"{self.source}: {text}" if self.source else text

    def __str__(self) -> str:
        text = super().__str__()
        return f"{self.source}: {text}" if self.source else text
