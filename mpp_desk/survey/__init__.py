"""The satisfaction survey (SKM, PermenPANRB 14/2017): capture, import, the index (IKM) and its reports.

``elements`` holds the nine elements and the answers as the regulation words them, ``index`` the
pure arithmetic (NRR, IKM with exactly 1/9, grade, Krejcie–Morgan), ``service`` the records,
``importer`` the CSV import, ``report`` / ``service_report`` the quarterly evaluation documents.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from mpp_desk.uow import UnitOfWork


class ReportModule(Protocol):
    """What ``report`` (SKM) and ``service_report`` both offer: collect a period's figures, render them."""

    def collect(self, uow: UnitOfWork, *, date_from: dt.date, date_to: dt.date) -> Any: ...
    def render_pdf(self, report: Any, *, language: str | None = None) -> bytes: ...
    def render_xlsx(self, report: Any, *, language: str | None = None) -> bytes: ...
    def summary(self, report: Any) -> dict: ...


def report_module(kind: str) -> ReportModule:
    """The SKM report module for *kind* "skm", the service report's otherwise."""
    if kind == "skm":
        from mpp_desk.survey import report  # lazy: reportlab and openpyxl (~140 ms) only for a report
        return report
    from mpp_desk.survey import service_report  # lazy: reportlab and openpyxl (~140 ms) only for a report
    return service_report
