"""SQLAlchemy tables, one module per aggregate. No business rules, no Qt."""

from mpp_desk.models.audit import AuditEntry
from mpp_desk.models.base import Base, SyncMixin
from mpp_desk.models.calendar import CalendarOverride
from mpp_desk.models.catalog import Requirement, ServiceStandard
from mpp_desk.models.queue import Counter, CounterGroup, QueueBreak, QueueEvent, QueueGroup, Ticket
from mpp_desk.models.settings import SettingValue
from mpp_desk.models.staff import StaffUser
from mpp_desk.models.sync import LocalState, OutboxEntry

__all__ = [
    "AuditEntry",
    "Base",
    "CalendarOverride",
    "Counter",
    "CounterGroup",
    "LocalState",
    "OutboxEntry",
    "QueueBreak",
    "QueueEvent",
    "QueueGroup",
    "Requirement",
    "ServiceStandard",
    "SettingValue",
    "StaffUser",
    "SyncMixin",
    "Ticket",
]
