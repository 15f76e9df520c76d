#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One entry point for a fresh Debian 12 machine (run as root, or with sudo
# available):
#   bash build-aux/dev.sh run    install what is needed, build, start Lode on the built-in sample
#   bash build-aux/dev.sh test   install what is needed, build, run every test headless
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
builddir=${LODE_BUILDDIR:-build}

packages=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  libcairo2-dev libpango1.0-dev
  iso-codes adwaita-icon-theme fonts-cantarell fonts-noto-core fonts-wqy-microhei
  desktop-file-utils appstream
  xvfb xauth dbus dbus-x11 at-spi2-core
  python3 python3-jsonschema python3-pyatspi
  locales groff-base man-db flatpak-builder
)

# Locales the tests format numbers in and the translations are looked at in.
locales=(ur_PK zh_CN de_DE)

install_packages ()
{
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

ensure_locales ()
{
  local missing=()
  for l in "${locales[@]}"; do
    locale -a | grep -qx "$l.utf8" || missing+=("$l")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Generating locales: ${missing[*]}"
  for l in "${missing[@]}"; do
    $sudo sed -i "s/^# *\($l\(\.UTF-8\)\? UTF-8\)\$/\1/" /etc/locale.gen
  done
  $sudo locale-gen
}

build ()
{
  if [ -d "$builddir" ]; then
    meson setup --reconfigure "$builddir" "$@"
  else
    meson setup "$builddir" "$@"
  fi
  ninja -C "$builddir"
}

case "${1:-}" in
  run)
    install_packages
    ensure_locales
    build
    shift
    LODE_LOCALEDIR="$(cd "$builddir" && pwd)/po" exec "$builddir/src/lode" "$@"
    ;;
  test)
    install_packages
    ensure_locales
    build
    meson test -C "$builddir" --print-errorlogs --num-processes 2
    ;;
  *)
    echo "usage: bash build-aux/dev.sh run|test" >&2
    exit 2
    ;;
esac
