#!/bin/bash
# build-deb.sh VERSION: dist/mpp-desk/ (make dist) -> dist/mpp-desk_VERSION_amd64.deb
set -euo pipefail
version=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
stage=$root/build/deb/mpp-desk
rm -rf "$stage"
install -d "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
  "$stage/usr/share/mpp-desk/autostart" "$stage/lib/systemd/system" "$stage/usr/share/doc/mpp-desk" "$stage/usr/sbin"
cp -a "$root/dist/mpp-desk" "$stage/opt/mpp-desk"
ln -s /opt/mpp-desk/mpp-desk "$stage/usr/bin/mpp-desk"
ln -s /opt/mpp-desk/mpp-desk "$stage/usr/bin/mpp-central"  # the same program, by its other name
install -m 0644 "$here"/linux/mpp-desk.desktop "$here"/linux/mpp-desk-kiosk.desktop "$here"/linux/mpp-desk-board.desktop \
  "$stage/usr/share/applications/"
install -m 0644 "$here"/linux/mpp-desk-kiosk.desktop "$here"/linux/mpp-desk-board.desktop "$stage/usr/share/mpp-desk/autostart/"
install -m 0755 "$here/linux/mpp-desk-autostart" "$stage/usr/sbin/mpp-desk-autostart"
install -m 0644 "$here/linux/mpp-central.service" "$stage/lib/systemd/system/"
install -m 0644 "$root/docs/installing.md" "$stage/usr/share/doc/mpp-desk/installing.md"
install -m 0755 "$here/linux/postinst" "$here/linux/postrm" "$stage/DEBIAN/"
size=$(du -sk "$stage" | cut -f1)
cat > "$stage/DEBIAN/control" <<CONTROL
Package: mpp-desk
Version: $version
Section: misc
Priority: optional
Architecture: amd64
Maintainer: DPMPTSP Kabupaten Purwakarta <it@dpmptsp.purwakartakab.go.id>
Installed-Size: $size
Depends: adduser, libc6, libgl1, libegl1, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1, libfreetype6, libdbus-1-3, libglib2.0-0, libx11-xcb1, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xinerama0, libxcb-xkb1
Recommends: postgresql-client, cups-client, espeak-ng
Description: MPP Desk, front office of Mal Pelayanan Publik Bale Madukara
 Queue kiosk and display board, counter intake, complaint desk and receipts
 (mpp-desk), and the central sync server (mpp-central, a systemd service).
CONTROL
mkdir -p "$root/dist"
dpkg-deb --root-owner-group -Zxz -z1 --build "$stage" "$root/dist/mpp-desk_${version}_amd64.deb" >/dev/null
echo "$root/dist/mpp-desk_${version}_amd64.deb"
