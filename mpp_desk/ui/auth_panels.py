"""First-run set-up, sign-in, password change, screen lock and the administrator PIN.

Each is a panel (a QWidget with a form) so the main window can show it as a page;
:func:`run_as_dialog` wraps one in a modal dialog where that fits better.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.ui.forms import Form, error_text
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.ui.ops import auth as ops


class ServicePanel(QFrame):
    """A form whose OK runs a service call in the background; on failure the form stays filled."""

    sig_done = Signal(object)
    """The service call succeeded, with its result."""

    sig_cancelled = Signal()
    """The person pressed Cancel (or Escape)."""

    def __init__(self, *, ctx, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.setMinimumWidth(620)
        self.setMaximumWidth(760)
        self._ctx = ctx
        self._tasks = tasks
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.heading.setWordWrap(True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("errorNote")
        self.message.setWordWrap(True)
        self.message.hide()
        form_layout = QFormLayout()
        form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form_layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form = Form(form_layout)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.sig_cancelled.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(self.form.layout)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Enter confirms, Escape cancels
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._submit()
        elif event.key() == Qt.Key.Key_Escape and self.buttons.button(QDialogButtonBox.StandardButton.Cancel).isVisible():
            self.sig_cancelled.emit()
        else:
            super().keyPressEvent(event)

    def hide_cancel(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()

    def line(self, key: str, label: str, *, password: bool = False, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        if password:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setPlaceholderText(placeholder)
        self.form.add(key, label, edit)
        return edit

    def _submit(self) -> None:
        self.form.clear_errors()
        self.message.hide()
        problem = self.check()
        if problem is not None:
            key, text = problem
            self.form.rows[key].set_error(text)
            self.form.rows[key].editor.setFocus()
            return
        self.buttons.setEnabled(False)
        Op(self._tasks, self.work()).success(self._done).failure(self._failed).run()

    def check(self) -> tuple[str, str] | None:
        """Checks that need no database (e.g. the two passwords match): (field, message) or None."""
        return None

    def work(self):
        raise NotImplementedError

    def _done(self, result) -> None:
        self.buttons.setEnabled(True)
        self.sig_done.emit(result)

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not self.form.show_error(error):
            self.message.setText(error_text(error))
            self.message.show()


class FirstRunPanel(ServicePanel):
    """The first start: the office's name and the first administrator. There is no default password."""

    def __init__(self, *, ctx, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, tasks=tasks, parent=parent)
        self.heading.setText(self.tr("Welcome to MPP Desk"))
        self.intro.setText(
            self.tr(
                "This PC has no administrator yet. Enter the office's name and create the first "
                "administrator account. There is no default password."
            )
        )
        self.office_name = self.line("office_name", self.tr("Office name"))
        self.office_name.setText("Mal Pelayanan Publik Bale Madukara")
        self.office_address = self.line("office_address", self.tr("Office address"))
        self.office_address.setText("Jalan Jenderal Sudirman, Kelurahan Nagrikaler, Kec. Purwakarta")
        self.username = self.line("username", self.tr("Administrator user name"))
        self.full_name = self.line("full_name", self.tr("Full name"))
        self.password = self.line("password", self.tr("Password"), password=True)
        self.confirm = self.line("confirm", self.tr("Repeat password"), password=True)
        self.pin = self.line("pin", self.tr("Administrator PIN (kiosk/display)"), password=True,
                             placeholder=self.tr("optional, 6–12 digits"))
        self.hide_cancel()

    def check(self):
        if self.password.text() != self.confirm.text():
            return "confirm", self.tr("The two passwords are not the same.")
        return None

    def work(self):
        values = dict(
            office_name=self.office_name.text().strip(),
            office_address=self.office_address.text().strip(),
            admin_username=self.username.text().strip(),
            admin_full_name=self.full_name.text().strip(),
            password=self.password.text(),
            pin=self.pin.text().strip() or None,
        )
        return lambda: ops.first_run_setup(self._ctx, **values)


class SignInPanel(ServicePanel):
    """Staff sign-in. Wrong passwords count towards a lockout; the message never says which part was wrong."""

    def __init__(self, *, ctx, tasks: TaskManager, office_name: str = "", locked_user: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, tasks=tasks, parent=parent)
        self.username = self.line("username", self.tr("User name"))
        self.password = self.line("password", self.tr("Password"), password=True)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.locked_user: str | None = None
        self.prepare(office_name=office_name, locked_user=locked_user)

    def prepare(self, *, office_name: str = "", locked_user: str | None = None) -> None:
        """Reset for a fresh sign-in, or for unlocking *locked_user*'s screen; nothing typed before stays."""
        self.locked_user = locked_user
        self.form.clear_errors()
        self.message.hide()
        self.password.clear()
        self.buttons.setEnabled(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if locked_user:
            self.heading.setText(self.tr("Screen locked"))
            self.intro.setText(self.tr("Enter your password to continue, or cancel to sign out."))
            self.username.setText(locked_user)
            self.username.setReadOnly(True)
            cancel.show()
        else:
            self.heading.setText(office_name or self.tr("MPP Desk"))
            self.intro.setText(self.tr("Sign in with your own account."))
            self.username.clear()
            self.username.setReadOnly(False)
            cancel.hide()

    def work(self):
        username, password = self.username.text().strip(), self.password.text()
        return lambda: ops.sign_in(self._ctx, username=username, password=password)

    def _failed(self, error: BaseException) -> None:
        super()._failed(error)
        self.password.clear()
        self.password.setFocus()



class ChangePasswordPanel(ServicePanel):
    """Change one's own password (also forced after an administrator's reset)."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, forced: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, tasks=tasks, parent=parent)
        self._actor = actor
        self._forced = forced
        self.heading.setText(self.tr("Change password"))
        self._say_why()
        self.old = self.line("old_password", self.tr("Current password"), password=True)
        self.new = self.line("new_password", self.tr("New password"), password=True)
        self.confirm = self.line("confirm", self.tr("Repeat new password"), password=True)
        self.old.setFocus()

    def _say_why(self) -> None:
        if not self._forced:
            self.intro.setText(self.tr("At least 8 characters, not your user name."))
        elif getattr(self._actor, "first_sign_in", False):
            self.heading.setText(self.tr("Welcome: set your own password"))
            self.intro.setText(self.tr("This is the first sign-in to this account. Type the password you were given, "
                                       "then choose your own: at least 8 characters, not your user name."))
        else:
            self.heading.setText(self.tr("Change password"))
            self.intro.setText(self.tr("Your password was reset. Choose a new one to continue."))

    def prepare(self, *, actor) -> None:
        """Reuse the panel for *actor*, with empty fields."""
        self._actor = actor
        self._say_why()
        self.form.clear_errors()
        self.message.hide()
        self.buttons.setEnabled(True)
        for edit in (self.old, self.new, self.confirm):
            edit.clear()

    def check(self):
        if self.new.text() != self.confirm.text():
            return "confirm", self.tr("The two passwords are not the same.")
        return None

    def work(self):
        old, new = self.old.text(), self.new.text()
        return lambda: ops.change_password(self._ctx, actor=self._actor, old_password=old, new_password=new)


def run_as_dialog(panel: ServicePanel, parent: QWidget | None, title: str):
    """Show a panel in a modal dialog; returns the service result, or None if cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QHBoxLayout(dialog)
    layout.addWidget(panel)
    outcome: list = []
    panel.sig_done.connect(lambda result: (outcome.append(result), dialog.accept()))
    panel.sig_cancelled.connect(dialog.reject)
    dialog.exec()
    return outcome[0] if outcome else None
