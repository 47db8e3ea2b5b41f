"""The ``mpp-desk`` command: with no subcommand it opens the app; subcommands do admin work."""

from __future__ import annotations

# Kept light: `mpp-desk` with no subcommand goes straight to the desktop app, whose first
# paint is measured (bench/startup.py); the subcommands' imports happen in main().
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
SUBCOMMAND_MODULES = ("catalog", "calendar", "user", "audit", "settings", "queue", "complaints", "intake", "sync")


def build_parser() -> "argparse.ArgumentParser":
    import argparse
    import importlib

    from mpp_desk import __version__

    parser = argparse.ArgumentParser(
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

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        from mpp_desk.i18n import set_language

        set_language(args.lang)
    handler: Callable[..., int] | None = getattr(args, "handler", None)
    if handler is None:
        from mpp_desk.app import run_gui

        return run_gui(argv)
    ctx = CliContext(args)
    try:
        return handler(args, ctx) or 0
    except UserError as exc:
        print(f"mpp-desk: {exc.text()}", file=sys.stderr)
        return 2
    finally:
        ctx.close()


# Options that belong to the desktop app rather than to a subcommand.
_GUI_FLAGS = {"--data-dir", "--lang", "--kiosk", "--display"}


def _flag_names(argv: list[str]) -> list[str]:
    """The option names in argv, skipping the values of options that take one."""
    names, skip = [], False
    for a in argv:
        if skip:
            skip = False
            continue
        if a in ("--data-dir", "--lang"):
            skip = True
        names.append(a if a.startswith("--") else "--<positional>")
    return names
