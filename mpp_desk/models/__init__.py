"""SQLAlchemy tables, one module per aggregate. No business rules, no Qt."""

from mpp_desk.models.base import Base, SyncMixin
from mpp_desk.models.calendar import CalendarOverride
from mpp_desk.models.catalog import QueueGroup, Requirement, ServiceStandard
from mpp_desk.models.sync import LocalState, OutboxEntry

__all__ = [
    "Base",
    "CalendarOverride",
    "LocalState",
    "OutboxEntry",
    "QueueGroup",
    "Requirement",
    "ServiceStandard",
    "SyncMixin",
]
