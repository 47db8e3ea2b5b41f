"""``mpp-desk user ...`` and ``mpp-desk setup``: staff accounts from a terminal.

Whoever runs these holds the PC's data folder, so they act as the terminal
administrator (audited as actor "terminal"). Passwords are read with getpass (asked
twice) or, with ``--password-stdin``, from the first line of standard input.
"""

from __future__ import annotations

import getpass
import sys

from mpp_desk.cli import print_json
from mpp_desk.errors import UserError
from mpp_desk.i18n import N_, translate
from mpp_desk.roles import TERMINAL, Role, role_label


def register(sub) -> None:
    p = sub.add_parser("user", help="akun petugas: tambah, daftar, nonaktifkan, atur ulang kata sandi, PIN")
    us = p.add_subparsers(dest="user_command", metavar="PERINTAH", required=True)

    add = us.add_parser("add", help="tambah akun petugas")
    add.add_argument("username", help="nama pengguna (huruf kecil, angka, titik, minus, garis bawah)")
    add.add_argument("--name", required=True, help="nama lengkap")
    add.add_argument("--role", required=True, choices=[r.value for r in Role], help="peran")
    add.add_argument("--password-stdin", action="store_true", help="baca kata sandi dari baris pertama stdin")
    add.set_defaults(handler=_add)

    ls = us.add_parser("list", help="daftar akun")
    ls.add_argument("--json", action="store_true", help="keluaran JSON")
    ls.set_defaults(handler=_list)

    for name, handler, text in (
        ("disable", _disable, "nonaktifkan akun"),
        ("enable", _enable, "aktifkan kembali akun (dan buka kuncian)"),
    ):
        q = us.add_parser(name, help=text)
        q.add_argument("username")
        q.set_defaults(handler=handler)

    reset = us.add_parser("reset-password", help="atur ulang kata sandi (wajib diganti saat masuk berikutnya)")
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true", help="baca kata sandi dari baris pertama stdin")
    reset.set_defaults(handler=_reset_password)

    pin = us.add_parser("set-pin", help="atur PIN administrator untuk keluar dari mode kiosk/layar")
    pin.add_argument("username")
    pin.add_argument("--pin-stdin", action="store_true", help="baca PIN dari baris pertama stdin")
    pin.add_argument("--clear", action="store_true", help="hapus PIN")
    pin.set_defaults(handler=_set_pin)

    setup = sub.add_parser("setup", help="penyiapan pertama: nama kantor dan administrator pertama")
    setup.add_argument("--office-name", required=True, help="nama kantor")
    setup.add_argument("--office-address", default=None, help="alamat kantor")
    setup.add_argument("--admin", required=True, metavar="USERNAME", help="nama pengguna administrator")
    setup.add_argument("--name", required=True, help="nama lengkap administrator")
    setup.add_argument("--password-stdin", action="store_true", help="baca kata sandi dari baris pertama stdin")
    setup.set_defaults(handler=_setup)


def _say(text: str, **params: object) -> None:
    print(translate("cli", text).format(**params))


def _secret(from_stdin: bool, prompt: str, again: str) -> str:
    """A password or PIN: the first line of stdin, or typed twice without echo."""
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            raise UserError(N_("errors", "Nothing was given on standard input."))
        return line.rstrip("\r\n")
    first = getpass.getpass(translate("cli", prompt))
    second = getpass.getpass(translate("cli", again))
    if first != second:
        raise UserError(N_("errors", "The two entries do not match. Nothing was changed."))
    return first


def _password(args) -> str:
    return _secret(args.password_stdin, N_("cli", "Password: "), N_("cli", "Password again: "))


def _add(args, ctx) -> int:
    from mpp_desk import auth

    password = _password(args)
    with ctx.app.uow(actor=TERMINAL) as uow:
        info = auth.create_user(uow, username=args.username, full_name=args.name, role=args.role,
                                password=password)
        uow.commit()
    _say(N_("cli", "Account {username} created ({role}). The password must be changed at the first sign-in."),
         username=info.username, role=role_label(info.role))
    return 0


def _list(args, ctx) -> int:
    from mpp_desk import auth

    with ctx.app.uow(write=False, actor=TERMINAL) as uow:
        users = auth.list_users(uow)
    if args.json:
        print_json([u.as_dict() for u in users])
        return 0
    active, disabled, locked = (translate("cli", t) for t in (N_("cli", "active"), N_("cli", "disabled"),
                                                                N_("cli", "locked")))
    for u in users:
        state = locked if u.is_locked() else (active if u.active else disabled)
        print(f"{u.username:<20} {role_label(u.role):<30} {state:<12} {u.full_name}")
    return 0


def _disable(args, ctx) -> int:
    from mpp_desk import auth

    with ctx.app.uow(actor=TERMINAL) as uow:
        info = auth.disable_user(uow, username=args.username)
        uow.commit()
    _say(N_("cli", "Account {username} is disabled."), username=info.username)
    return 0


def _enable(args, ctx) -> int:
    from mpp_desk import auth

    with ctx.app.uow(actor=TERMINAL) as uow:
        info = auth.enable_user(uow, username=args.username)
        uow.commit()
    _say(N_("cli", "Account {username} is active."), username=info.username)
    return 0


def _reset_password(args, ctx) -> int:
    from mpp_desk import auth

    password = _password(args)
    with ctx.app.uow(actor=TERMINAL) as uow:
        info = auth.reset_password(uow, username=args.username, new_password=password)
        uow.commit()
    _say(N_("cli", "Password of {username} reset; it must be changed at the next sign-in."), username=info.username)
    return 0


def _set_pin(args, ctx) -> int:
    from mpp_desk import auth

    pin = None if args.clear else _secret(args.pin_stdin, N_("cli", "PIN: "), N_("cli", "PIN again: "))
    with ctx.app.uow(actor=TERMINAL) as uow:
        auth.set_pin(uow, username=args.username, pin=pin)
        uow.commit()
    if pin is None:
        _say(N_("cli", "PIN of {username} cleared."), username=args.username.strip().lower())
    else:
        _say(N_("cli", "PIN of {username} set."), username=args.username.strip().lower())
    return 0


def _setup(args, ctx) -> int:
    from mpp_desk import auth, settings

    password = _password(args)
    with ctx.app.uow() as uow:
        address = args.office_address if args.office_address is not None else settings.get(uow, "office.address")
        admin = auth.first_run_setup(uow, office_name=args.office_name, office_address=address,
                                     admin_username=args.admin, admin_full_name=args.name, password=password)
        uow.commit()
    _say(N_("cli", "MPP Desk is set up. Administrator: {username}."), username=admin.username)
    return 0
