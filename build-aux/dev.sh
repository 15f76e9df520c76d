#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One entry point for a fresh Debian 12 machine (run as root, or with sudo
# available):
#   bash build-aux/dev.sh run    install what is needed, build, start Lode on the built-in sample
#   bash build-aux/dev.sh test   install what is needed, build, run every test headless,
#                                then again under AddressSanitizer and UBSan, then
#                                each fuzzer for a minute (LODE_FUZZ_SECONDS)
#   bash build-aux/dev.sh fuzz [SECONDS]   only the fuzzers (default 600 s each)
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
builddir=${LODE_BUILDDIR:-build}

packages=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  libcairo2-dev libpango1.0-dev libxlsxwriter-dev
  iso-codes adwaita-icon-theme fonts-cantarell fonts-noto-core fonts-wqy-microhei
  desktop-file-utils appstream
  xvfb xauth dbus dbus-x11 at-spi2-core
  python3 python3-jsonschema python3-pyatspi python3-openpyxl
  locales groff-base man-db flatpak-builder
  clang libclang-rt-14-dev llvm
  jq
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

# The whole suite again with AddressSanitizer and UndefinedBehaviorSanitizer
# (gcc): any report fails the run. LeakSanitizer is on; its suppressions
# (build-aux/sanitizers/lsan.supp) name only libraries that are not Lode's.
sanitize ()
(
  local dir=${LODE_SANITIZE_BUILDDIR:-build-sanitize}

  if [ -d "$dir" ]; then
    meson setup --reconfigure "$dir" -Db_sanitize=address,undefined -Db_lundef=false
  else
    meson setup "$dir" -Db_sanitize=address,undefined -Db_lundef=false
  fi
  ninja -C "$dir"
  export ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1:strict_string_checks=1
  export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
  export LSAN_OPTIONS=suppressions="$here/build-aux/sanitizers/lsan.supp":print_suppressions=0
  meson test -C "$dir" --print-errorlogs --num-processes 2 --timeout-multiplier 3 --no-suite ui
  # The windows: whole stacks for each allocation (GTK's libraries have no
  # frame pointers), so that suppressions can name the library that leaks;
  # without OpenGL, whose Mesa driver is unloaded at exit and leaves
  # allocations no stack can name. The AT-SPI tests keep the fast stacks:
  # with whole ones the application answers the bus too slowly.
  export GDK_DEBUG=gl-disable
  local ui_tests
  ui_tests=$(meson test -C "$dir" --no-rebuild --list --suite ui | grep ' / ' | sed 's|.* / ||' | grep -v '^test-a11y')
  # shellcheck disable=SC2086
  ASAN_OPTIONS=$ASAN_OPTIONS:fast_unwind_on_malloc=0 \
    meson test -C "$dir" --print-errorlogs --num-processes 2 --timeout-multiplier 5 $ui_tests
  meson test -C "$dir" --print-errorlogs --timeout-multiplier 5 test-a11y test-a11y-edit
)

# The libFuzzer harnesses (clang, with ASan and UBSan), each for $1 seconds.
fuzz ()
{
  local dir=${LODE_FUZZ_BUILDDIR:-build-fuzz}

  if [ -d "$dir" ]; then
    CC=clang meson setup --reconfigure "$dir" -Dfuzzing=true \
      -Db_sanitize=address,undefined -Db_lundef=false
  else
    CC=clang meson setup "$dir" -Dfuzzing=true \
      -Db_sanitize=address,undefined -Db_lundef=false
  fi
  ninja -C "$dir" fuzz/fuzz-portfolio-load fuzz/fuzz-json-check fuzz/fuzz-reader-differential fuzz/fuzz-csv
  bash fuzz/run-fuzzers.sh "$dir" "$1"
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
    sanitize
    fuzz "${LODE_FUZZ_SECONDS:-60}"
    ;;
  fuzz)
    install_packages
    fuzz "${2:-600}"
    ;;
  *)
    echo "usage: bash build-aux/dev.sh run|test|fuzz [SECONDS]" >&2
    exit 2
    ;;
esac
