"""Receipts and tickets on paper: PDF (reportlab) and ESC/POS (python-escpos). No Qt here."""

from mpp_desk.printing.slip import DEFAULT_OFFICE_NAME, TicketSlip

__all__ = ["DEFAULT_OFFICE_NAME", "TicketSlip"]
