"""The complaint desk's area, one module per panel: ``area`` (the tabs), ``capture`` (the new-case form,
with ``capture_draft`` and ``outcome_card``), ``cases`` and ``case_detail`` (the follow-up),
``step_dialog`` and ``receipt_dialog``, ``common`` (what they share)."""

from mpp_desk.ui.areas.complaints.area import ComplaintsArea
from mpp_desk.ui.areas.complaints.capture import CapturePanel
from mpp_desk.ui.areas.complaints.case_detail import CaseDetailPanel
from mpp_desk.ui.areas.complaints.cases import CasesPanel
from mpp_desk.ui.areas.complaints.common import due_text, reporter_text, set_note
from mpp_desk.ui.areas.complaints.receipt_dialog import ReceiptDialog
from mpp_desk.ui.areas.complaints.step_dialog import StepDialog

__all__ = ["CaseDetailPanel", "CapturePanel", "CasesPanel", "ComplaintsArea", "ReceiptDialog", "StepDialog", "due_text",
           "reporter_text", "set_note"]
