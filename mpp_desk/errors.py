"""Errors a person can act on: each carries a translatable message and its parameters."""

from __future__ import annotations

from mpp_desk.i18n import translate


class UserError(Exception):
    """An expected failure whose message is shown to the user, translated."""

    context = "errors"

    def __init__(self, message: str, /, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params = params

    def text(self, language: str | None = None) -> str:
        """The message in the user's language, with its parameters filled in."""
        return translate(self.context, self.message, language).format(**self.params)

    def __str__(self) -> str:  # the English text, for logs and tracebacks
        return self.message.format(**self.params)


class ValidationError(UserError):
    """A field's value was rejected; ``field`` names it so the form can show the message beside it."""

    def __init__(self, message: str, /, *, field: str | None = None, **params: object) -> None:
        super().__init__(message, **params)
        self.field = field


class DatabaseProblem(UserError):
    """The database file cannot be used as it is (locked, read-only, corrupt, too new)."""


class PermissionDenied(UserError):
    """The signed-in user's role may not do this."""
