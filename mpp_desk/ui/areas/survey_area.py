"""The supervisor's survey and evaluation area: a period (a quarter by default), the SKM figures and chart
on screen, the index per service, and the exports (SKM and service reports as PDF or XLSX)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.ui.forms import error_text
from mpp_desk.ui.table_model import RowTableModel, list_table
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.survey import elements
from mpp_desk.survey.index import rounded
from mpp_desk.ui.ops import survey as ops
from mpp_desk.ui.ops.complaints import today


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def quarter_of(day: dt.date) -> tuple[dt.date, dt.date]:
    first_month = (day.month - 1) // 3 * 3 + 1
    start = dt.date(day.year, first_month, 1)
    after = dt.date(day.year + 1, 1, 1) if first_month == 10 else dt.date(day.year, first_month + 3, 1)
    return start, after - dt.timedelta(days=1)


def _comma(value, places: int) -> str:
    return "–" if value is None else f"{value:.{places}f}".replace(".", ",")


class NrrChart(QWidget):
    """Horizontal bars of the nine elements' NRR on a 0–4 scale, the value at each bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("surveyNrrChart")
        self.rows: list[tuple[str, float | None]] = []
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_rows(self, rows: list[tuple[str, float | None]]) -> None:
        self.rows = rows
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        if not self.rows:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        label_w = min(self.width() // 2, max(metrics.horizontalAdvance(name) for name, _v in self.rows) + 12)
        bar_area = self.width() - label_w - 56
        step = self.height() / len(self.rows)
        for i, (name, value) in enumerate(self.rows):
            top = i * step
            painter.setPen(QColor("#2e4a66"))
            painter.drawText(QRectF(0, top, label_w - 8, step), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(name, Qt.TextElideMode.ElideRight, label_w - 8))
            if value is None:
                continue
            width = bar_area * value / 4
            painter.fillRect(QRectF(label_w, top + step * 0.18, width, step * 0.64), QColor("#1565c0"))
            painter.drawText(QRectF(label_w + width + 6, top, 50, step), Qt.AlignmentFlag.AlignVCenter,
                             _comma(value, 2))
        painter.end()


class SurveyArea(QWidget):
    """Period picker, the figures, the NRR chart, the index per service, the export buttons."""

    sig_shown = Signal()
    """The figures of the chosen period are on screen."""

    sig_exported = Signal(str)
    """A report was written (its path)."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._tasks, self._actor = ctx, tasks, actor
        self.figures = None
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Satisfaction survey and evaluation"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        layout.addLayout(self._build_period())
        layout.addLayout(self._build_cards())
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self._section(self.tr("Value per element (NRR, scale 1–4)")))
        self.chart = NrrChart()
        left.addWidget(self.chart, 1)
        self.weakest = QLabel()
        self.weakest.setWordWrap(True)
        self.weakest.setObjectName("statusNote")
        left.addWidget(self.weakest)
        right = QVBoxLayout()
        right.addWidget(self._section(self.tr("Index per service")))
        self.model = RowTableModel([
            (self.tr("Service"), lambda r: f"{r[0]} {r[1]}".strip() if r[0] else self.tr("MPP in general")),
            (self.tr("Respondents"), lambda r: r[2].respondents),
            (self.tr("Index"), lambda r: _comma(None if r[2].index is None else float(r[2].index), 2)),
            (self.tr("Grade"), lambda r: r[2].grade or "–"),
        ])
        self.table = list_table(self.model)
        from PySide6.QtWidgets import QHeaderView

        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # long titles elide; the figures stay
        right.addWidget(self.table, 1)
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        layout.addLayout(body, 1)
        layout.addLayout(self._build_exports())
        self.show_period()

    def _section(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("sectionTitle")
        return label

    def _build_period(self) -> QHBoxLayout:
        start, end = quarter_of(today())
        self.quarter = QComboBox()
        for year in (start.year, start.year - 1):
            for q in (4, 3, 2, 1):
                first = dt.date(year, 3 * q - 2, 1)
                if first <= start:
                    self.quarter.addItem(self.tr("Quarter {q} {year}").format(q=q, year=year), first)
        self.quarter.currentIndexChanged.connect(self._quarter_chosen)
        self.date_from = QDateEdit(_qdate(start))
        self.date_to = QDateEdit(_qdate(end))
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setCalendarPopup(True)
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.clicked.connect(self.show_period)
        row = QHBoxLayout()
        row.addWidget(self.quarter)
        row.addWidget(QLabel(self.tr("from")))
        row.addWidget(self.date_from)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.date_to)
        row.addWidget(self.show_button)
        row.addStretch(1)
        return row

    def _build_cards(self) -> QGridLayout:
        grid = QGridLayout()
        self.cards: dict[str, QLabel] = {}
        for column, (key, text) in enumerate((("respondents", self.tr("Respondents")), ("ikm", self.tr("IKM")),
                                              ("index", self.tr("Converted index")),
                                              ("grade", self.tr("Service quality")))):
            card = QFrame()
            card.setObjectName("card")
            box = QVBoxLayout(card)
            box.addWidget(QLabel(text))
            value = QLabel("–")
            value.setObjectName("bigFigure")
            box.addWidget(value)
            grid.addWidget(card, 0, column)
            self.cards[key] = value
        self.method_note = QLabel(self.tr("IKM = Σ NRR × 1/9 (the weight exactly 1/9); converted index = IKM × 25 "
                                          "(PermenPANRB 14/2017)."))
        self.method_note.setObjectName("statusNote")
        self.method_note.setWordWrap(True)
        grid.addWidget(self.method_note, 1, 0, 1, 4)
        return grid

    def _build_exports(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.export_buttons: dict[tuple[str, str], QPushButton] = {}
        for kind, fmt, text in (("skm", "pdf", self.tr("SKM report (PDF)")), ("skm", "xlsx", self.tr("SKM report (XLSX)")),
                                ("service", "pdf", self.tr("Service report (PDF)")),
                                ("service", "xlsx", self.tr("Service report (XLSX)"))):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, k=kind, f=fmt: self._choose_export(k, f))
            row.addWidget(button)
            self.export_buttons[(kind, fmt)] = button
        self.note = QLabel()
        self.note.setWordWrap(True)
        row.addWidget(self.note, 1)
        return row

    # ----- actions ---------------------------------------------------------------------------------
    def _quarter_chosen(self, index: int) -> None:
        first = self.quarter.itemData(index)
        if first is None:
            return
        start, end = quarter_of(first)
        self.date_from.setDate(_qdate(start))
        self.date_to.setDate(_qdate(end))
        self.show_period()

    def period(self) -> tuple[dt.date, dt.date]:
        return _pydate(self.date_from.date()), _pydate(self.date_to.date())

    def show_period(self) -> None:
        ctx, actor, (start, end) = self._ctx, self._actor, self.period()
        self.show_button.setEnabled(False)
        Op(self._tasks, lambda: ops.figures(ctx, actor=actor, date_from=start, date_to=end)).success(
            self._shown).failure(self._failed).run()

    def _shown(self, figures) -> None:
        self.show_button.setEnabled(True)
        self.figures = figures
        result = figures.report.overall
        self.cards["respondents"].setText(str(result.respondents))
        self.cards["ikm"].setText(_comma(None if result.ikm is None else float(rounded(result.ikm, 4)), 4))
        self.cards["index"].setText(_comma(None if result.index is None else float(result.index), 2))
        self.cards["grade"].setText(f"{result.grade} ({result.quality('id')})" if result.grade else "–")
        nrr = [None if v is None else float(v) for v in result.nrr]
        self.chart.set_rows([(f"{e.code.upper()} {e.label()}", v) for e, v in zip(elements.ELEMENTS, nrr)])
        weakest = [f"{elements.ELEMENTS[i].code.upper()} {elements.ELEMENTS[i].label()} ({_comma(nrr[i], 2)})"
                   for i in result.weakest(3)]
        self.weakest.setText(self.tr("Weakest elements: {list}").format(list="; ".join(weakest)) if weakest
                             else self.tr("No responses in this period."))
        self.model.set_rows(figures.report.by_service)
        self.note.clear()
        self.sig_shown.emit()

    def _failed(self, error: BaseException) -> None:
        self.show_button.setEnabled(True)
        self.note.setObjectName("errorNote")
        self.note.style().polish(self.note)
        self.note.setText(error_text(error))

    def _choose_export(self, kind: str = "skm", fmt: str = "pdf") -> None:
        start, end = self.period()
        suggested = f"{'skm' if kind == 'skm' else 'pelayanan'}-{start.isoformat()}-{end.isoformat()}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"), suggested, f"*.{fmt}")
        if path:
            self.export_to(kind, fmt, path)

    def export_to(self, kind: str, fmt: str, path: str) -> None:
        ctx, actor, (start, end) = self._ctx, self._actor, self.period()
        self.note.setText(self.tr("Writing the report…"))
        Op(self._tasks, lambda: ops.export(ctx, actor=actor, kind=kind, date_from=start, date_to=end, fmt=fmt,
                                           path=path)).success(self._exported).failure(self._failed).run()

    def _exported(self, path: str) -> None:
        self.note.setObjectName("okNote")
        self.note.style().polish(self.note)
        self.note.setText(self.tr("Written: {path}").format(path=path))
        self.sig_exported.emit(path)
