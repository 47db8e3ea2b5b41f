#!/bin/bash
# dist-check.sh VERSION (make dist-check; as root): the .deb installed and started in a clean Debian 12
# root, and the Windows installer script compiled with makensis.
#
# The root is made by debootstrap from the apt mirror this machine is configured with (the first
# deb.debian.org-style URI of /etc/apt/sources.list.d/debian.sources, else sources.list), kept in
# build/debian12-base.tar for the next run. Traffic: that mirror, and loopback (PostgreSQL at
# 127.0.0.1 for mpp-central's own database, mpp-central on a loopback port).
set -euo pipefail
version=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
work=$root/build/dist-check
chroot_dir=$work/root
base=$root/build/debian12-base.tar
pg_admin=${MPP_TEST_POSTGRES:-postgresql://postgres@127.0.0.1:5432/postgres}
db_name=mpp_install18_distcheck_$$

[ "$(id -u)" = 0 ] || { echo "dist-check needs root (debootstrap, chroot)"; exit 2; }
for tool in debootstrap makensis dpkg-deb; do
  command -v $tool >/dev/null || { echo "missing $tool: apt-get install debootstrap nsis"; exit 2; }
done

mirror() {
  local uri
  uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$uri" ] || uri=$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

cleanup() {
  set +e
  [ -n "${central_pid:-}" ] && { kill -- -"$central_pid" 2>/dev/null || kill "$central_pid" 2>/dev/null; }
  for m in proc dev/pts dev sys; do mountpoint -q "$chroot_dir/$m" && umount -l "$chroot_dir/$m"; done
  psql "$pg_admin" -qc "DROP DATABASE IF EXISTS \"$db_name\" WITH (FORCE)" >/dev/null 2>&1
}
trap cleanup EXIT

echo "== .deb"
deb=$(bash "$here/build-deb.sh" "$version")
dpkg-deb --info "$deb" | sed -n '1,3p'

echo "== clean Debian 12 root"
rm -rf "$chroot_dir"
mkdir -p "$chroot_dir"
if [ ! -f "$base" ]; then
  debootstrap --variant=minbase bookworm "$work/base" "$(mirror)" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log"; exit 1; }
  tar -C "$work/base" -cf "$base" .
  rm -rf "$work/base"
fi
tar -C "$chroot_dir" -xf "$base"
cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf" 2>/dev/null || true
grep -q deb.debian.org /etc/hosts 2>/dev/null && grep deb.debian.org /etc/hosts >> "$chroot_dir/etc/hosts" || true
mount -t proc proc "$chroot_dir/proc"
mount --bind /dev "$chroot_dir/dev"
mount --bind /dev/pts "$chroot_dir/dev/pts"
mount -t sysfs sys "$chroot_dir/sys"
cp "$deb" "$chroot_dir/tmp/"
in_root() { chroot "$chroot_dir" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

echo "== apt-get install ./$(basename "$deb")"
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$deb")" \
  >"$work/install.log" 2>&1 || { tail -30 "$work/install.log"; exit 1; }
in_root test -x /usr/bin/mpp-desk
in_root test -f /usr/share/applications/mpp-desk-kiosk.desktop
in_root test -f /lib/systemd/system/mpp-central.service
in_root getent passwd mpp-central >/dev/null
in_root /usr/sbin/mpp-desk-autostart kiosk && in_root test -L /etc/xdg/autostart/mpp-desk-kiosk.desktop
in_root /usr/sbin/mpp-desk-autostart off

echo "== mpp-desk in the clean root (no Python installed there)"
in_root sh -c '! command -v python3'
in_root /usr/bin/mpp-desk --version
# the staff window offscreen: creates, migrates and seeds its database, then reports the loaded page
in_root useradd -m loket >/dev/null 2>&1 || true
in_root runuser -u loket -- env QT_QPA_PLATFORM=offscreen MPP_DESK_EXIT_AFTER=loaded MPP_DESK_HOME=/home/loket/mpp \
  /usr/bin/mpp-desk | tee "$work/gui.log"
grep -q "MPP_DESK loaded" "$work/gui.log"
in_root runuser -u loket -- env MPP_DESK_HOME=/home/loket/mpp /usr/bin/mpp-desk backup
in_root runuser -u loket -- env MPP_DESK_HOME=/home/loket/mpp /usr/bin/mpp-desk doctor --offline || true

echo "== mpp-central as its service user, on its own database"
psql "$pg_admin" -qc "CREATE DATABASE \"$db_name\"" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="postgresql://postgres@127.0.0.1:5432/$db_name"
sed -i "s|^MPP_CENTRAL_DATABASE_URL=.*|MPP_CENTRAL_DATABASE_URL=$url|; s|^MPP_CENTRAL_PORT=.*|MPP_CENTRAL_PORT=$port|" \
  "$chroot_dir/etc/mpp-central/central.env"
# what systemd would run (ExecStartPre, ExecStart of mpp-central.service), as the unit's user and environment
in_root runuser -u mpp-central -- sh -c 'set -a; . /etc/mpp-central/central.env; exec /usr/bin/mpp-central migrate'
# in a session of its own, so that stopping it stops chroot, runuser and the server together
setsid chroot "$chroot_dir" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
  runuser -u mpp-central -- sh -c 'set -a; . /etc/mpp-central/central.env; exec /usr/bin/mpp-central serve' \
  >"$work/central.log" 2>&1 &
central_pid=$!
for _ in $(seq 1 100); do
  if python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/health', timeout=1)" 2>/dev/null; then
    break
  fi
  kill -0 "$central_pid" 2>/dev/null || { cat "$work/central.log"; exit 1; }
  sleep 0.2
done
python3 -c "import urllib.request; print(urllib.request.urlopen('http://127.0.0.1:$port/health', timeout=2).read().decode())"
kill -- -"$central_pid" 2>/dev/null || kill "$central_pid"; wait "$central_pid" 2>/dev/null || true; central_pid=

echo "== Windows installer script (makensis)"
stub=$work/nsis-dist
rm -rf "$stub"; mkdir -p "$stub"
printf 'stand-in for the Windows build\n' > "$stub/mpp-desk.exe"
makensis -V2 -DVERSION="$version" -DDIST_DIR="$stub" -DOUT_FILE="$work/mpp-desk-setup-$version.exe" \
  "$here/mpp-desk.nsi"
test -s "$work/mpp-desk-setup-$version.exe"
echo "dist-check: OK"
