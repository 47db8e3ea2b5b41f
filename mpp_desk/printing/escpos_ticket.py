"""The queue ticket as ESC/POS bytes: :meth:`TicketSlip.document` drawn by the shared renderer."""

from __future__ import annotations

from mpp_desk.printing.render_escpos import WIDTH_CHARS, render_escpos
from mpp_desk.printing.slip import TicketSlip

__all__ = ["WIDTH_CHARS", "render_ticket_escpos"]


def render_ticket_escpos(slip: TicketSlip, *, width_chars: int = 48) -> bytes:
    """ESC/POS commands printing the ticket on a printer *width_chars* columns wide (48 or 32)."""
    if width_chars < 24:
        raise ValueError("a ticket needs at least 24 columns")
    return render_escpos(slip.document(), width_chars=width_chars)
