"""The service catalogue: the regulation annex's service standards, imported, listed, exported.

``parser`` reads the annex text, ``files`` the YAML/JSON export, ``service`` works on the
database through a unit of work; :class:`StandardEntry` is the plain record they share.
"""

from mpp_desk.catalog.entry import RISK_LEVELS, Requirements, StandardEntry
from mpp_desk.catalog.errors import CatalogError, CatalogFormatError

__all__ = ["RISK_LEVELS", "CatalogError", "CatalogFormatError", "Requirements", "StandardEntry"]
