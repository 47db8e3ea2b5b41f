"""Staff accounts: list, add, disable/enable, reset a password, set an administrator PIN."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.roles import Role, role_label
from mpp_desk.officetime import local_date
from mpp_desk.textformat import format_date
from mpp_desk.ui.auth_panels import ServicePanel, run_as_dialog
from mpp_desk.ui.forms import error_text
from mpp_desk.ui.table_model import RowTableModel
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.ui.ops import admin as ops


class NewUserPanel(ServicePanel):
    """A new staff account with its first password (the person changes it later)."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, tasks=tasks, parent=parent)
        self._actor = actor
        self.heading.setText(self.tr("New staff account"))
        self.username = self.line("username", self.tr("User name"))
        self.full_name = self.line("full_name", self.tr("Full name"))
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_label(role), role.value)
        self.role.setCurrentIndex(self.role.findData(Role.COUNTER.value))
        self.form.add("role", self.tr("Role"), self.role)
        self.password = self.line("password", self.tr("Password"), password=True)
        self.confirm = self.line("confirm", self.tr("Repeat password"), password=True)
        self.username.setFocus()

    def check(self):
        if self.password.text() != self.confirm.text():
            return "confirm", self.tr("The two passwords are not the same.")
        return None

    def work(self):
        values = dict(username=self.username.text().strip(), full_name=self.full_name.text().strip(),
                      role=self.role.currentData(), password=self.password.text())
        return lambda: ops.create_user(self._ctx, actor=self._actor, **values)


class ResetPasswordPanel(ServicePanel):
    """A new password for someone who forgot theirs; they must change it at the next sign-in."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, username: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, tasks=tasks, parent=parent)
        self._actor = actor
        self._username = username
        self.heading.setText(self.tr("Reset the password of {user}").format(user=username))
        self.intro.setText(self.tr("They will have to choose a new password when they sign in."))
        self.password = self.line("new_password", self.tr("New password"), password=True)
        self.confirm = self.line("confirm", self.tr("Repeat password"), password=True)
        self.password.setFocus()

    def check(self):
        if self.password.text() != self.confirm.text():
            return "confirm", self.tr("The two passwords are not the same.")
        return None

    def work(self):
        username, password = self._username, self.password.text()
        return lambda: ops.reset_password(self._ctx, actor=self._actor, username=username, new_password=password)


class UsersArea(QWidget):
    """The administrator's list of staff accounts."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._actor = actor
        title = QLabel(self.tr("Staff accounts"))
        title.setObjectName("pageTitle")
        self.model = RowTableModel([
            (self.tr("User name"), lambda u: u.username),
            (self.tr("Full name"), lambda u: u.full_name),
            (self.tr("Role"), lambda u: role_label(u.role)),
            (self.tr("Status"), self._status),
            (self.tr("Last sign-in"), lambda u: format_date(local_date(u.last_sign_in_at)) if u.last_sign_in_at else ""),
        ], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("Add account"))
        self.toggle_button = QPushButton(self.tr("Disable / enable"))
        self.reset_button = QPushButton(self.tr("Reset password"))
        self.pin_button = QPushButton(self.tr("Set PIN"))
        self.status = QLabel()
        self.status.setObjectName("statusNote")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.toggle_button, self.reset_button, self.pin_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.add_button.clicked.connect(self.add_user)
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.reset_button.clicked.connect(self.reset_selected)
        self.pin_button.clicked.connect(self.set_pin_selected)
        self.reload()

    def _status(self, user) -> str:
        if not user.active:
            return self.tr("disabled")
        if user.is_locked():
            return self.tr("locked (too many wrong passwords)")
        if user.must_change_password:
            return self.tr("must change password")
        return self.tr("active")

    def reload(self) -> None:
        Op(self._tasks, lambda: ops.list_users(self._ctx, actor=self._actor)).success(self.model.set_rows).failure(
            self._failed).run()

    def _failed(self, error: BaseException) -> None:
        self.status.setObjectName("errorNote")
        self.status.setStyleSheet("")
        self.status.setText(error_text(error))

    def _done(self, message: str) -> None:
        self.status.setObjectName("statusNote")
        self.status.setStyleSheet("")
        self.status.setText(message)
        self.reload()

    def selected(self):
        index = self.table.currentIndex()
        return self.model.row_object(index.row()) if index.isValid() else None

    def add_user(self) -> None:
        panel = NewUserPanel(ctx=self._ctx, tasks=self._tasks, actor=self._actor)
        info = run_as_dialog(panel, self, self.tr("New staff account"))
        if info is not None:
            self._done(self.tr("Account {user} created.").format(user=info.username))

    def toggle_selected(self) -> None:
        user = self.selected()
        if user is None:
            return
        Op(self._tasks, lambda: ops.set_active(self._ctx, actor=self._actor, username=user.username,
                                               active=not user.active)).success(
            lambda info: self._done(
                (self.tr("Account {user} enabled.") if info.active else self.tr("Account {user} disabled.")).format(
                    user=info.username))
        ).failure(self._failed).run()

    def reset_selected(self) -> None:
        user = self.selected()
        if user is None:
            return
        panel = ResetPasswordPanel(ctx=self._ctx, tasks=self._tasks, actor=self._actor, username=user.username)
        if run_as_dialog(panel, self, self.tr("Reset password")) is not None:
            self._done(self.tr("Password of {user} reset.").format(user=user.username))

    def set_pin_selected(self) -> None:
        user = self.selected()
        if user is None:
            return
        pin, ok = QInputDialog.getText(self, self.tr("Set PIN"),
                                       self.tr("PIN for leaving the kiosk/display (6–12 digits; empty removes it):"),
                                       QLineEdit.EchoMode.Password)
        if not ok:
            return
        Op(self._tasks, lambda: ops.set_pin(self._ctx, actor=self._actor, username=user.username,
                                            pin=pin.strip() or None)).success(
            lambda _r: self._done(self.tr("PIN of {user} saved.").format(user=user.username))
        ).failure(self._failed).run()
