"""Command-line values checked where they are read: one clear line in the user's language, exit 2.

Every refusal happens before the database is opened, so a bad command line writes nothing. The
parser prints argparse's own complaints (a missing argument, an unknown option) as one translated
line too, instead of the usage block followed by English.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import uuid
from pathlib import Path

from mpp_desk.i18n import N_, translate

MAX_ARGUMENT_CHARS = 10_000  # no option of mpp-desk needs more: a longer value is refused, not cut


def _say(text: str, **params: object) -> str:
    return translate("cli", text).format(**params)


class OneLineParser(argparse.ArgumentParser):
    """argparse with its errors as one translated line on stderr ("mpp-desk: ..."), exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"mpp-desk: {translate_argparse(message)}\n")
        sys.exit(2)


# argparse's own messages (Python 3.11), matched and said again in the user's language.
_ARGPARSE_MESSAGES = (
    (re.compile(r"argument (?P<arg>.+?): invalid int value: (?P<value>.*)"),
     N_("cli", "{arg}: {value} is not a whole number.")),
    (re.compile(r"argument (?P<arg>.+?): invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)"),
     N_("cli", "{arg}: {value} is not one of {choices}.")),
    (re.compile(r"argument (?P<arg>.+?): expected one argument"), N_("cli", "{arg} needs a value.")),
    (re.compile(r"argument (?P<arg>.+?): not allowed with argument (?P<other>.+)"),
     N_("cli", "{arg} cannot be used together with {other}.")),
    (re.compile(r"argument (?P<arg>.+?): ignored explicit argument (?P<value>.*)"),
     N_("cli", "{arg} takes no value ({value}).")),
    (re.compile(r"the following arguments are required: (?P<args>.+)"), N_("cli", "Missing: {args}.")),
    (re.compile(r"unrecognized arguments: (?P<args>.+)"), N_("cli", "Not understood: {args}.")),
    (re.compile(r"argument (?P<arg>.+?): (?P<message>.+)"), N_("cli", "{arg}: {message}")),
)


def translate_argparse(message: str) -> str:
    """An argparse error message in the user's language (its own words when not recognised)."""
    message = message.replace("\n", " ")
    for pattern, text in _ARGPARSE_MESSAGES:
        match = pattern.fullmatch(message)
        if match:
            values = {k: _shorten(v) for k, v in match.groupdict().items()}
            return _say(text, **values)
    return _shorten(message, 300)


def _shorten(text: str, limit: int = 80) -> str:
    """A value quoted back to the user, at most *limit* characters (marked when shortened)."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- types for add_argument(type=...) -----------------------------------------------------------


def whole_number(low: int, high: int):
    """An int between *low* and *high* (inclusive); a 20-digit number is refused, not overflowed."""

    def parse(text: str) -> int:
        value = text.strip()
        if not re.fullmatch(r"[+-]?\d{1,12}", value):
            raise argparse.ArgumentTypeError(
                _say(N_("cli", "write a whole number from {low} to {high}, not {value}."), low=low, high=high,
                     value=_shorten(text, 30)))
        number = int(value)
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(
                _say(N_("cli", "write a whole number from {low} to {high}, not {value}."), low=low, high=high,
                     value=_shorten(text, 30)))
        return number

    parse.__name__ = "whole number"
    return parse


def record_id(text: str) -> uuid.UUID:
    """A record's id (a UUID, as shown by the --json listings)."""
    try:
        return uuid.UUID(text.strip())
    except (ValueError, AttributeError):
        raise argparse.ArgumentTypeError(
            _say(N_("cli", "{value} is not a record id (like 0b7e2a9c-1f3d-4c55-9a0e-6d2f8b1c4e7a)."),
                 value=_shorten(text, 40))) from None


def text_value(text: str) -> str:
    """Free text given on the command line: at most MAX_ARGUMENT_CHARS characters (the service checks its own limit)."""
    if len(text) > MAX_ARGUMENT_CHARS:
        raise argparse.ArgumentTypeError(
            _say(N_("cli", "the text is {length} characters long; at most {maximum} are accepted."),
                 length=len(text), maximum=MAX_ARGUMENT_CHARS))
    return text


def output_file(text: str) -> Path:
    """A file to write: its folder must exist and be writable, and it must not be a folder itself.

    Checked before anything is done, so a command that would fail to write its file does nothing.
    """
    path = Path(text).expanduser()
    if path.is_dir():
        raise argparse.ArgumentTypeError(
            _say(N_("cli", "{path} is a folder; give a file name in it."), path=_shorten(str(path), 200)))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise argparse.ArgumentTypeError(
            _say(N_("cli", "the folder {folder} does not exist."), folder=_shorten(str(folder), 200)))
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise argparse.ArgumentTypeError(
            _say(N_("cli", "{path} cannot be written (no permission)."), path=_shorten(str(path), 200)))
    return path
