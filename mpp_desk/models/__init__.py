"""SQLAlchemy tables, one module per aggregate. No business rules, no Qt."""

from mpp_desk.models.audit import AuditEntry
from mpp_desk.models.base import Base, SyncMixin
from mpp_desk.models.calendar import CalendarOverride
from mpp_desk.models.catalog import ProcedureClassification, Requirement, ServiceStandard, StandardEvaluation
from mpp_desk.models.complaints import CaseStep, ComplaintAttachment, ComplaintCase, ComplaintChannel, ComplaintDraft
from mpp_desk.models.intake import (
    Application,
    ApplicationStatusChange,
    ChecklistItem,
    IntakeReceipt,
    IntakeVisit,
)
from mpp_desk.models.queue import Counter, CounterGroup, QueueBreak, QueueEvent, QueueGroup, Ticket
from mpp_desk.models.settings import SettingValue
from mpp_desk.models.staff import StaffUser
from mpp_desk.models.survey import SurveyInvite, SurveyResponse
from mpp_desk.models.sync import LocalState, OutboxEntry

__all__ = [
    "Application",
    "ApplicationStatusChange",
    "AuditEntry",
    "Base",
    "CalendarOverride",
    "CaseStep",
    "ChecklistItem",
    "ComplaintAttachment",
    "ComplaintCase",
    "ComplaintChannel",
    "ComplaintDraft",
    "Counter",
    "CounterGroup",
    "IntakeReceipt",
    "IntakeVisit",
    "LocalState",
    "OutboxEntry",
    "ProcedureClassification",
    "QueueBreak",
    "QueueEvent",
    "QueueGroup",
    "Requirement",
    "ServiceStandard",
    "SettingValue",
    "StandardEvaluation",
    "StaffUser",
    "SurveyInvite",
    "SurveyResponse",
    "SyncMixin",
    "Ticket",
]
