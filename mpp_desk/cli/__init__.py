"""The ``mpp-desk`` command: with no subcommand it opens the app; subcommands do admin work."""

from __future__ import annotations

# Kept light: `mpp-desk` with no subcommand goes straight to the desktop app, whose first
# paint is measured (bench/startup.py); the subcommands' imports happen in main().
# The same pattern in every module of mpp_desk/cli/: each call builds the parser from all of
# them, so a command's service modules are imported inside its function, never at the top
# (tests/unit/test_imports.py allows it there only).
import sys
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    import argparse


class CliContext:
    """Lazily opened application context for a subcommand."""

    def __init__(self, args: "argparse.Namespace") -> None:
        self.args = args
        self._ctx = None

    @property
    def app(self):
        if self._ctx is None:
            from mpp_desk.context import AppContext

            self._ctx = AppContext.from_args(self.args.data_dir)
            self._ctx.open()
        return self._ctx

    def close(self) -> None:
        if self._ctx is not None:
            self._ctx.close()


def print_json(value: Any) -> None:
    import json

    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def usage(parser: "argparse.ArgumentParser") -> Callable[..., int]:
    """The handler of a command group given without its subcommand: the group's help, exit status 2."""

    def handler(args, ctx) -> int:
        parser.print_help(sys.stderr)
        return 2

    return handler


def sayer(context: str) -> Callable[..., str]:
    """``say(text, **params)``: a message of *context* in the user's language, parameters filled in."""
    from mpp_desk.i18n import translate

    def say(text: str, **params: object) -> str:
        return translate(context, text).format(**params)

    return say


# One module per area under mpp_desk/cli/, each with register(subparsers).
SUBCOMMAND_MODULES = ("catalog", "calendar", "user", "audit", "settings", "queue", "complaints", "intake", "sync",
                      "survey", "backup", "retention", "doctor")


def build_parser() -> "argparse.ArgumentParser":
    import importlib

    from mpp_desk import __version__
    from mpp_desk.cli.args import OneLineParser

    parser = OneLineParser(
        prog="mpp-desk",
        description="MPP Desk — aplikasi front office Mal Pelayanan Publik Bale Madukara. "
        "Tanpa subperintah: membuka aplikasi.",
    )
    parser.add_argument("--version", action="version", version=f"mpp-desk {__version__}")
    parser.add_argument(
        "--data-dir", metavar="FOLDER", help="folder data (basis data lokal); bawaan: $MPP_DESK_HOME atau folder data pengguna"
    )
    parser.add_argument("--lang", choices=["id", "en"], default=None, help="bahasa antarmuka (id/en)")
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")
    for name in SUBCOMMAND_MODULES:
        importlib.import_module(f"mpp_desk.cli.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or all(a.startswith("--") and a.split("=")[0] in _GUI_FLAGS for a in _flag_names(argv)):
        from mpp_desk.app import run_gui

        return run_gui(argv)
    from mpp_desk.errors import UserError
    from mpp_desk.paths import owner_only_umask

    owner_only_umask()  # the database, receipts, keys and exports hold personal data
    _language_first(argv)
    too_long = next((a for a in argv if len(a) > _max_argument_chars()), None)
    if too_long is not None:
        from mpp_desk.cli.args import MAX_ARGUMENT_CHARS
        from mpp_desk.i18n import N_, translate

        print("mpp-desk: " + translate("cli", N_("cli", "A value of {length} characters was given; at most {maximum} "
                                                  "are accepted. Nothing was done.")).format(
            length=len(too_long), maximum=MAX_ARGUMENT_CHARS), file=sys.stderr)
        return 2
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[..., int] | None = getattr(args, "handler", None)
    if handler is None:
        from mpp_desk.app import run_gui

        return run_gui(argv)
    ctx = CliContext(args)
    try:
        code = handler(args, ctx) or 0
        sys.stdout.flush()  # here, so a closed pipe is met inside this try and not at exit
        return code
    except UserError as exc:
        print(f"mpp-desk: {exc.text()}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`mpp-desk ... | head`): stop quietly, as other commands do.
        _silence_stdout()
        return 141  # 128 + SIGPIPE, what a shell reports for a command cut off by its pipe
    except Exception as exc:  # noqa: BLE001 - last resort: one line for the user, the traceback in the log
        return _unexpected(exc, args)
    finally:
        ctx.close()


def _max_argument_chars() -> int:
    from mpp_desk.cli.args import MAX_ARGUMENT_CHARS

    return MAX_ARGUMENT_CHARS


def _language_first(argv: list[str]) -> None:
    """--lang before parsing, so argparse's complaints are said in that language too."""
    from mpp_desk.i18n import set_language

    for i, a in enumerate(argv):
        value = argv[i + 1] if a == "--lang" and i + 1 < len(argv) else a[7:] if a.startswith("--lang=") else None
        if value in ("id", "en"):
            set_language(value)
            return


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _unexpected(exc: BaseException, args) -> int:
    """An error nobody foresaw: one line on stderr, the traceback in the log file of the data folder."""
    import logging
    import traceback

    from mpp_desk.i18n import N_, translate

    where = ""
    try:
        from mpp_desk.paths import resolve_data_dir

        log_dir = resolve_data_dir(getattr(args, "data_dir", None)) / "logs"
        log_dir.mkdir(parents=True, exist_ok=True)
        cli_log = log_dir / "mpp-desk-cli.log"
        if cli_log.exists() and cli_log.stat().st_size > 1024 * 1024:  # rotated: one older file kept
            cli_log.replace(log_dir / "mpp-desk-cli.log.1")
        with open(cli_log, "a", encoding="utf-8") as fh:
            fh.write("".join(traceback.format_exception(exc)))
        where = str(log_dir / "mpp-desk-cli.log")
    except OSError:
        logging.getLogger(__name__).exception("unexpected error")
    message = translate("cli", N_("cli", "Unexpected error ({kind}); the details are in {log}.")).format(
        kind=type(exc).__name__, log=where or "-")
    print(f"mpp-desk: {message}", file=sys.stderr)
    return 1


# Options that belong to the desktop app rather than to a subcommand.
_GUI_FLAGS = {"--data-dir", "--lang", "--kiosk", "--display", "--survey", "--counter", "--no-restart"}


def _flag_names(argv: list[str]) -> list[str]:
    """The option names in argv, skipping the values of options that take one."""
    names, skip = [], False
    for a in argv:
        if skip:
            skip = False
            continue
        if a in ("--data-dir", "--lang", "--counter"):
            skip = True
        names.append(a if a.startswith("--") else "--<positional>")
    return names
