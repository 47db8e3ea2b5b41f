"""The shell of a signed-in person: a header, the areas their role may use, one area at a time.

Each area is its own widget module under ``ui/areas``; the shell only knows their
registry, so no module imports a giant main window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.ui.areas import AreaSpec, areas_for
from mpp_desk.ui.tasks import TaskManager
from mpp_desk.ui.areas import role_label
from mpp_desk.ui.auth_panels import ChangePasswordPanel, run_as_dialog
from mpp_desk.ui.sync_status import SyncStatus


class RoleShell(QWidget):
    """Header (office, person, role, password, lock, sign out), navigation, and the current area."""

    sig_sign_out = Signal()
    """The person asked to sign out."""

    sig_lock = Signal()
    """The person asked to lock the screen."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, office_name: str, sync=None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self.actor = actor
        self.specs: list[AreaSpec] = areas_for(actor.role)
        self._widgets: dict[str, QWidget] = {}

        header = self._build_header(actor, office_name, sync)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        for index, spec in enumerate(self.specs):
            item = QListWidgetItem(spec.title())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(f"Ctrl+{index + 1}" if index < 9 else "")
            self.nav.addItem(item)
        self.nav.setFixedWidth(self._nav_width())
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addLayout(body, 1)

        self.nav.currentRowChanged.connect(self._show_area)
        self.password_button.clicked.connect(self.change_password)
        self.lock_button.clicked.connect(self.sig_lock.emit)
        self.sign_out_button.clicked.connect(self.sig_sign_out.emit)
        QShortcut(QKeySequence("Ctrl+L"), self).activated.connect(self.sig_lock.emit)
        QShortcut(QKeySequence("Ctrl+Shift+Q"), self).activated.connect(self.sig_sign_out.emit)
        for index in range(min(9, len(self.specs))):
            QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self).activated.connect(
                lambda i=index: self.nav.setCurrentRow(i))
        if self.specs:
            self.nav.setCurrentRow(0)

    def _nav_width(self) -> int:
        """Wide enough for the longest area name in the interface's language (the style's 12 px padding on
        each side), between 200 and 300 px."""
        self.nav.ensurePolished()
        metrics = self.nav.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.nav.item(i).text()) for i in range(self.nav.count())), default=0)
        return max(200, min(300, widest + 2 * 12 + 2 * self.nav.frameWidth() + 8))

    def _build_header(self, actor, office_name: str, sync) -> QFrame:
        """The top bar: the office, the sync status, who is signed in and the account buttons."""
        header = QFrame()
        header.setObjectName("header")
        office = QLabel(office_name)
        office.setObjectName("headerTitle")

        who = QLabel(self.tr("{user} · {role}").format(user=actor.username, role=role_label(actor.role)))
        who.setObjectName("headerNote")
        self.password_button = QPushButton(self.tr("Change password"))
        self.lock_button = QPushButton(self.tr("Lock"))
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        for button in (self.password_button, self.lock_button, self.sign_out_button):
            button.setObjectName("headerButton")
        row = QHBoxLayout(header)
        row.addWidget(office)
        row.addStretch(1)

        self.sync_status = SyncStatus(sync)  # hidden unless this PC has joined a server
        row.addWidget(self.sync_status)
        row.addWidget(who)
        row.addWidget(self.password_button)
        row.addWidget(self.lock_button)
        row.addWidget(self.sign_out_button)
        return header


    def area_keys(self) -> list[str]:
        return [spec.key for spec in self.specs]

    def area(self, key: str) -> QWidget:
        """The widget of an area (created on first use)."""
        if key not in self._widgets:
            spec = next(s for s in self.specs if s.key == key)
            widget = spec.factory(ctx=self._ctx, tasks=self._tasks, actor=self.actor)
            self._widgets[key] = widget
            self.stack.addWidget(widget)
        return self._widgets[key]

    def open_area(self, key: str) -> QWidget:
        self.nav.setCurrentRow(self.area_keys().index(key))
        return self.area(key)

    def _show_area(self, row: int) -> None:
        if 0 <= row < len(self.specs):
            self.stack.setCurrentWidget(self.area(self.specs[row].key))

    def change_password(self) -> None:
        panel = ChangePasswordPanel(ctx=self._ctx, tasks=self._tasks, actor=self.actor)
        run_as_dialog(panel, self, self.tr("Change password"))
