"""The intake area, one module per page: ``area`` is the controller (the state and the operations),
``start_page``, ``applicant_page``, ``checklist_page`` and ``done_page`` build the pages, ``receipt``
prints the receipt, ``checklist_model`` holds the checklist, ``home_card`` the counter's home corner."""

from mpp_desk.ui.areas.intake.area import IntakeArea
from mpp_desk.ui.areas.intake.checklist_model import ChecklistModel, ChecklistTable
from mpp_desk.ui.areas.intake.common import intake_text
from mpp_desk.ui.areas.intake.home_card import IntakeHomeCard

__all__ = ["ChecklistModel", "ChecklistTable", "IntakeArea", "IntakeHomeCard", "intake_text"]
