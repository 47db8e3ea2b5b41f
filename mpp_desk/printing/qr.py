"""QR codes on printed PDFs (tickets, receipts): the module matrix and its drawing as vector squares.

Level M, no quiet zone (the layouts leave their own margin). A fixed mask pattern: choosing the
"best" of the eight takes about two thirds of a receipt's rendering time, and the codes we print
are signed tokens and addresses whose bytes look random, so every mask gives an even, readable
code (the tests decode every printed kind back with zxing-cpp).
"""

from __future__ import annotations

import functools

QR_MASK = 0

Matrix = tuple[tuple[bool, ...], ...]


@functools.lru_cache(maxsize=32)  # a kept PDF, its preview and a reprint at the other size share one code
def qr_matrix(data: str) -> Matrix:
    """The dark (True) and light modules of *data*'s QR code, row by row."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, mask_pattern=QR_MASK)
    qr.add_data(data)
    qr.make(fit=True)
    return tuple(tuple(row) for row in qr.get_matrix())


def draw_qr(canvas, matrix: Matrix, left: float, top: float, size: float) -> None:
    """Draw *matrix* *size* points wide with its top-left corner at (*left*, *top*) on a reportlab canvas.

    One filled path with a rectangle per run of dark modules, written as PDF operators: a
    thousand ``canvas.rect()`` calls would cost more than the rest of the page.
    """
    modules = len(matrix)
    cell = size / modules
    ops = []
    for row, line in enumerate(matrix):
        col = 0
        y = top - (row + 1) * cell
        while col < modules:
            if line[col]:
                start = col
                while col < modules and line[col]:
                    col += 1
                ops.append(f"{left + start * cell:.3f} {y:.3f} {(col - start) * cell:.3f} {cell:.3f} re")
            else:
                col += 1
    canvas.saveState()
    canvas.setFillGray(0)
    canvas.addLiteral("\n".join(ops) + "\nf")
    canvas.restoreState()
