"""Between the capture panel's widgets and a CaptureDraft (what the rules read and the draft keeps)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from mpp_desk.ui.areas.complaints.common import to_office_datetime, to_qdatetime
from mpp_desk.complaints.rules import CaptureDraft


def side_by_side(*widgets: tuple[QWidget, int]) -> QWidget:
    """One form row holding several editors, each with its stretch."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for widget, stretch in widgets:
        row.addWidget(widget, stretch)
    return box


def fill_widgets(panel, form: dict) -> None:
    """Put a kept draft (its dict) back into the capture panel's widgets."""
    d = CaptureDraft.from_dict(form)
    index = panel.channel.findData(d.channel)
    if index >= 0:
        panel.channel.setCurrentIndex(index)
    if d.received_at is not None:
        panel.received_at.setDateTime(to_qdatetime(d.received_at))
    panel.anonymous.setChecked(d.anonymous)
    panel.reporter_name.setText(d.reporter_name)
    panel.reporter_nik.setText(d.reporter_nik)
    panel.reporter_phone.setText(d.reporter_phone)
    panel.reporter_email.setText(d.reporter_email)
    panel.reporter_address.setPlainText(d.reporter_address)
    service = form.get("ui_service") or d.service_id or ("other" if d.service_other else "")
    panel.service.setCurrentIndex(max(panel.service.findData(service), 0))
    panel.service_other.setText(d.service_other)
    panel.service_received_on.setDate(d.service_received_on)
    panel.substance.setPlainText(d.substance)
    panel.lapor_direction.setCurrentIndex(max(panel.lapor_direction.findData(d.lapor_direction), 0))
    panel.lapor_id.setText(d.lapor_id)
    panel.late_decision.setCurrentIndex(max(panel.late_decision.findData(d.late_decision or ""), 0))
    panel.late_decision_note.setText(d.late_decision_note)
    panel.attachments.clear()
    for path in form.get("attachments") or []:
        panel._add_file(str(path))


def read_draft(panel):
    """The CaptureDraft the capture panel's widgets describe."""
    service = panel.service.currentData() or ""
    return CaptureDraft(
        channel=panel.channel.currentData() or "",
        received_at=to_office_datetime(panel.received_at.dateTime()),
        anonymous=panel.anonymous.isChecked(),
        reporter_name=panel.reporter_name.text(),
        reporter_nik=panel.reporter_nik.text(),
        reporter_phone=panel.reporter_phone.text(),
        reporter_email=panel.reporter_email.text(),
        reporter_address=panel.reporter_address.toPlainText(),
        service_id=service if service not in ("", "other") else None,
        service_other=panel.service_other.text() if service == "other" else "",
        service_received_on=panel.service_received_on.date(),
        substance=panel.substance.toPlainText(),
        lapor_id=panel.lapor_id.text(),
        lapor_direction=panel.lapor_direction.currentData() or "",
        late_decision=panel.late_decision.currentData() or None,
        late_decision_note=panel.late_decision_note.text(),
    )
