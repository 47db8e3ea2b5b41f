"""Showing and printing receipt PDFs in the desktop app.

Qt prints through :class:`QPrinter` (the print dialog, or a named system printer on Windows):
each PDF page is rasterised with pypdfium2 at the printer's resolution (at most 300 dpi) and
drawn to fill the page, so the paper matches the kept PDF exactly.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

MAX_DPI = 300


def paint_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print every page of *pdf* on *printer* (already set up, e.g. by QPrintDialog); returns the pages printed."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    painter = QPainter()
    pages = 0
    try:
        for index, page in enumerate(doc):
            width_pt, height_pt = page.get_size()
            layout = QPageLayout(
                QPageSize(QSizeF(width_pt, height_pt), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
            if index == 0:
                printer.setPageLayout(layout)
                printer.setFullPage(True)
                if not painter.begin(printer):
                    return 0
            else:
                printer.setPageLayout(layout)
                printer.newPage()
            dpi = min(printer.resolution(), MAX_DPI)
            bitmap = page.render(scale=dpi / 72, grayscale=True)  # pyright: ignore[reportArgumentType]  # pypdfium2 annotates scale as int; it is a float factor
            image = bitmap.to_pil().convert("L")
            page.close()
            qimage = QImage(image.tobytes(), image.width, image.height, image.width, QImage.Format.Format_Grayscale8)
            target = QRectF(painter.viewport())
            painter.setWindow(painter.viewport())
            painter.drawImage(target, qimage.copy())
            pages += 1
    finally:
        if painter.isActive():
            painter.end()
        doc.close()
    return pages


class ReceiptPreview(QScrollArea):
    """The receipt's pages as images, one under the other."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        holder = QWidget()
        holder.setObjectName("receiptPreview")
        self._layout = QVBoxLayout(holder)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setWidget(holder)
        self.page_labels: list[QLabel] = []

    def set_pages(self, pngs: list[bytes]) -> None:
        for label in self.page_labels:
            label.hide()
            label.setPixmap(QPixmap())
        while len(self.page_labels) < len(pngs):
            label = QLabel()
            label.setFrameShape(QLabel.Shape.Box)
            self._layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        for label, png in zip(self.page_labels, pngs):
            pixmap = QPixmap()
            pixmap.loadFromData(png, "PNG")  # pyright: ignore[reportCallIssue, reportArgumentType]  # PySide6 stub: format is a const char*, str works
            label.setPixmap(pixmap)
            label.show()

    def clear(self) -> None:
        self.set_pages([])

    @property
    def shown_pages(self) -> int:
        return sum(1 for label in self.page_labels if label.isVisibleTo(self) and not label.pixmap().isNull())


PRINTED, CANCELLED, NOT_STARTED = "printed", "cancelled", "not_started"


def ask_for_printer(printer: QPrinter, parent: QWidget) -> bool:
    """Qt's print dialog for a receipt; True when the officer chose a printer."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtPrintSupport import QPrintDialog

    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("ReceiptPrint", "Print the receipt"))
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def print_with_qt(pdf: bytes, *, named: str | None, ask) -> tuple[str, str]:
    """Print *pdf* through a QPrinter: the system printer *named*, or the one ``ask(printer)`` chooses (the
    print dialog). Returns ``(PRINTED, where)``, ``(CANCELLED, "")`` or ``(NOT_STARTED, "")``."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if named:
        printer.setPrinterName(named)
    elif not ask(printer):
        return CANCELLED, ""
    if paint_pdf(pdf, printer) == 0:
        return NOT_STARTED, ""
    return PRINTED, printer.printerName() or printer.outputFileName() or "Qt"
