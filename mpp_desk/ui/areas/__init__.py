"""The areas a role's shell shows, one widget module each, chosen by permission."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from mpp_desk.i18n import N_
from mpp_desk.roles import Permission, Role, role_label  # noqa: F401 - role_label re-exported for the shell
from mpp_desk.roles import permissions_for


@dataclass(frozen=True)
class AreaSpec:
    """One area of the shell: its key, translated title, the permission it needs, and its factory."""

    key: str
    source_title: str
    permission: Permission
    factory: Callable[..., QWidget]

    def title(self) -> str:
        return QCoreApplication.translate("Areas", self.source_title)


def _lazy(module: str, cls: str) -> Callable[..., QWidget]:
    def make(**kwargs) -> QWidget:
        import importlib

        return getattr(importlib.import_module(f"mpp_desk.ui.areas.{module}"), cls)(**kwargs)

    return make


AREAS: tuple[AreaSpec, ...] = (
    AreaSpec("home", N_("Areas", "Home"), Permission.SERVE_QUEUE, _lazy("home", "CounterHome")),
    AreaSpec("intake", N_("Areas", "File intake"), Permission.INTAKE, _lazy("intake", "IntakeArea")),
    AreaSpec("files", N_("Areas", "Files"), Permission.INTAKE, _lazy("files_area", "FilesArea")),
    AreaSpec("complaints", N_("Areas", "Complaints"), Permission.HANDLE_COMPLAINTS,
             _lazy("complaints", "ComplaintsArea")),
    AreaSpec("overview", N_("Areas", "Overview"), Permission.VIEW_REPORTS, _lazy("home", "SupervisorOverview")),
    AreaSpec("complaints_oversight", N_("Areas", "Complaint oversight"), Permission.VIEW_REPORTS,
             _lazy("complaints_oversight_area", "ComplaintsOversightArea")),
    AreaSpec("users", N_("Areas", "Staff accounts"), Permission.MANAGE_USERS, _lazy("users_area", "UsersArea")),
    AreaSpec("catalog", N_("Areas", "Service catalogue"), Permission.VIEW_CATALOG, _lazy("catalog_area", "CatalogArea")),
    AreaSpec("standards", N_("Areas", "Standards upkeep"), Permission.EVALUATE_STANDARDS,
             _lazy("standards_area", "StandardsArea")),
    AreaSpec("calendar", N_("Areas", "Working-day calendar"), Permission.VIEW_CATALOG, _lazy("calendar_area", "CalendarArea")),
    AreaSpec("settings", N_("Areas", "Settings"), Permission.EDIT_SETTINGS, _lazy("settings_area", "SettingsArea")),
    AreaSpec("audit", N_("Areas", "Audit trail"), Permission.VIEW_AUDIT, _lazy("audit_area", "AuditArea")),
    AreaSpec("sync", N_("Areas", "Sync and devices"), Permission.VIEW_REPORTS, _lazy("sync_area", "SyncArea")),
    AreaSpec("queue", N_("Areas", "Queue"), Permission.SERVE_QUEUE, _lazy("counter", "QueueArea")),
    AreaSpec("queue_setup", N_("Areas", "Queue set-up"), Permission.MANAGE_QUEUE,
             _lazy("queue_setup_area", "QueueSetupArea")),
    AreaSpec("queue_stats", N_("Areas", "Queue statistics"), Permission.VIEW_REPORTS,
             _lazy("queue_stats_area", "QueueStatsArea")),
    AreaSpec("survey", N_("Areas", "Satisfaction survey"), Permission.VIEW_REPORTS, _lazy("survey_area", "SurveyArea")),
    AreaSpec("retention", N_("Areas", "Personal data retention"), Permission.VIEW_REPORTS,
             _lazy("retention_area", "RetentionArea")),
)


def areas_for(role: Role | str) -> list[AreaSpec]:
    """The areas a role may open, in the shell's order."""
    granted = permissions_for(role)
    specs = [spec for spec in AREAS if spec.permission in granted]
    if Role(role) == Role.COMPLAINTS:  # the complaint desk starts at its own area, not the counter home
        specs = [s for s in specs if s.key != "home"]
    if any(s.key == "home" for s in specs):  # the counter's home already holds the queue panel
        specs = [s for s in specs if s.key != "queue"]
    return specs
