"""``mpp-desk settings ...``: read and change the office's and this PC's settings."""

from __future__ import annotations

import json
import sys

from mpp_desk.cli import print_json
from mpp_desk.errors import ValidationError
from mpp_desk.roles import TERMINAL


def register(sub) -> None:
    p = sub.add_parser("settings", help="pengaturan kantor dan PC ini")
    st = p.add_subparsers(dest="settings_command", metavar="PERINTAH", required=True)
    ls = st.add_parser("list", help="semua pengaturan dan nilainya")
    ls.add_argument("--json", action="store_true", help="keluaran JSON")
    ls.set_defaults(handler=_list)
    g = st.add_parser("get", help="nilai satu pengaturan")
    g.add_argument("key")
    g.set_defaults(handler=_get)
    s = st.add_parser("set", help="ubah satu pengaturan")
    s.add_argument("key")
    s.add_argument("value")
    s.add_argument("--outside-data-folder", action="store_true",
                   help="administrator: izinkan folder PDF printer di luar folder data")
    s.set_defaults(handler=_set)


def _text(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def _list(args, ctx) -> int:
    from mpp_desk import settings

    with ctx.app.uow(write=False) as uow:
        values = settings.all_settings(uow)
    if args.json:
        print_json([
            {"key": s.key, "value": values[s.key], "default": s.default, "scope": s.scope, "label": s.label_text(),
             "internal": s.internal}
            for s in settings.SETTINGS.values()
        ])
        return 0
    for s in settings.SETTINGS.values():
        print(f"{s.key:<28} {s.scope:<7} {_text(values[s.key])!s:<40} # {s.label_text()}")
    return 0


def _get(args, ctx) -> int:
    from mpp_desk import settings

    with ctx.app.uow(write=False) as uow:
        print(_text(settings.get(uow, args.key)))
    return 0


def _set(args, ctx) -> int:
    from mpp_desk import settings

    setting = settings.declared(args.key)
    try:
        value = setting.parse(args.value)
        with ctx.app.uow(actor=TERMINAL) as uow:
            stored = settings.set(uow, key=args.key, value=value,
                                  outside_data_folder=args.outside_data_folder)
            uow.commit()
    except ValidationError as exc:  # name the setting: the message is written for a form field
        print(f"mpp-desk: {args.key}: {exc.text()}", file=sys.stderr)
        return 2
    print(f"{args.key} = {_text(stored)}")
    return 0
