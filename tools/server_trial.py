"""`make server`: mpp-central for a trial on this machine's PostgreSQL.

Starts the Debian cluster if it is down, creates the database if missing, keeps a random secret in
`.central/secret` (owner-only), migrates, sets the office up on the first run (administrator
`admin`, password printed once), then serves on 127.0.0.1:8750 (or HOST/PORT from the environment).
With a HOST other than this machine's loopback it serves https with an office CA made once in
`.central/tls` for this machine's name (and TLS_HOSTS, comma-separated): PCs join with `--ca`.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATE = ROOT / ".central"
DB_NAME = os.environ.get("CENTRAL_DB", "mpp_central")
ADMIN_URL = os.environ.get("CENTRAL_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


def _connect():
    import psycopg

    return psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=3)


def ensure_cluster() -> None:
    try:
        _connect().close()
        return
    except Exception as exc:  # noqa: BLE001 - any failure: try to start it, then say what is wrong
        first = exc
    if shutil.which("pg_lsclusters") and shutil.which("pg_ctlcluster"):
        listed = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True).stdout.split()
        if len(listed) >= 2:
            version, name = listed[0], listed[1]
            print(f"starting PostgreSQL cluster {version}/{name}")
            subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start"], check=False)
    try:
        _connect().close()
    except Exception as exc:  # noqa: BLE001
        sys.exit(f"PostgreSQL is not reachable at {ADMIN_URL}: {exc or first}\n"
                 "Install it (Debian: apt-get install postgresql) or set CENTRAL_ADMIN_URL.")


def ensure_database() -> str:
    with _connect() as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DB_NAME,)).fetchone() is None:
            conn.execute(f'CREATE DATABASE "{DB_NAME}"')
            print(f"created database {DB_NAME}")
    return ADMIN_URL.rsplit("/", 1)[0] + "/" + DB_NAME


def ensure_secret() -> str:
    STATE.mkdir(mode=0o700, exist_ok=True)
    path = STATE / "secret"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.write(fd, secrets.token_hex(32).encode())
        os.close(fd)
    return path.read_text().strip()


def central(*args: str, stdin: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mpp_desk.server.cli", *args], input=stdin, text=True,
                          cwd=ROOT, check=check, capture_output=stdin is not None)


def main() -> int:
    ensure_cluster()
    url = ensure_database()
    os.environ["MPP_CENTRAL_SECRET_KEY"] = ensure_secret()
    central("migrate", "--database", url)
    password = secrets.token_urlsafe(12)
    done = central("setup", "--database", url, "--office-name", os.environ.get("OFFICE", "Mal Pelayanan Publik (uji)"),
                   "--admin", "admin", "--name", "Administrator", "--password-stdin", stdin=password + "\n", check=False)
    if done.returncode == 0:
        print(f"office set up; administrator 'admin', password: {password} (shown once)")
    elif "already set up" not in done.stderr:
        sys.stderr.write(done.stderr)
        return done.returncode
    host, port = os.environ.get("HOST", "127.0.0.1"), os.environ.get("PORT", "8750")
    script = Path(sys.executable).with_name("mpp-central")
    command = str(script) if script.exists() else f"{sys.executable} -m mpp_desk.server.cli"
    print(f"mpp-central on http://{host}:{port} (database {url})\n"
          f"enrol a PC:  MPP_CENTRAL_SECRET_KEY=$(cat .central/secret) {command} device enroll --database {url} --name counter-1 --role counter\n"
          f"on the PC:   mpp-desk sync join http://{host}:{port} CODE")
    serve = [sys.executable, "-m", "mpp_desk.server.cli", "serve", "--database", url, "--host", host, "--port", port]
    if host not in ("127.0.0.1", "localhost", "::1"):
        import socket

        tls = STATE / "tls"
        if not (tls / "server.pem").exists():
            names = [socket.gethostname(), *filter(None, os.environ.get("TLS_HOSTS", "").split(","))]
            central("cert", "init", "--out", str(tls), *sum((["--host", n] for n in names), []))
        serve += ["--tls-cert", str(tls / "server.pem"), "--tls-key", str(tls / "server.key")]
        print(f"https: on each PC  mpp-desk sync join https://{socket.gethostname()}:{port} CODE --ca {tls / 'ca.pem'}")
    os.execv(sys.executable, serve)


if __name__ == "__main__":
    sys.exit(main())
