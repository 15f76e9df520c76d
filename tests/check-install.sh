#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-install.sh BUILD_ROOT APP_ID PREFIX DATADIR BINDIR LOCALEDIR MANDIR
# Installs the build into a temporary DESTDIR and checks that everything a
# desktop needs is where it looks for it, and that the installed desktop
# file's Exec and Icon resolve there.
set -eu
build=$1 app_id=$2 prefix=$3 datadir=$4 bindir=$5 localedir=$6 mandir=$7

dest=$(mktemp -d "${TMPDIR:-/tmp}/lode-install-XXXXXX")
trap 'rm -rf "$dest"' EXIT
failures=0

fail ()
{
  echo "not installed right: $*" >&2
  failures=$((failures + 1))
}

has ()
{
  # has PATH: a file under the DESTDIR.
  if [ -f "$dest$1" ]; then echo "ok $1"; else fail "$1 is missing"; fi
}

meson install -C "$build" --no-rebuild --quiet --destdir "$dest" >/dev/null

data=$dest$datadir
desktop=$datadir/applications/$app_id.desktop
has "$desktop"
has "$datadir/metainfo/$app_id.metainfo.xml"
has "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
has "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
has "$datadir/glib-2.0/schemas/io.github.lodeapp.Lode.gschema.xml"
has "$bindir/lode"
has "$bindir/lode-cli"
has "$mandir/man1/lode-cli.1"
for lang in $(cat "$(dirname "$0")/../po/LINGUAS"); do
  has "$localedir/$lang/LC_MESSAGES/lode.mo"
done

# The schema compiles where it is installed (as the distribution's trigger
# or meson's post-install step does outside a DESTDIR), and the schema
# compiled there is the one lode reads.
glib-compile-schemas --strict "$data/glib-2.0/schemas"
has "$datadir/glib-2.0/schemas/gschemas.compiled"
width=$(GSETTINGS_BACKEND=memory gsettings --schemadir "$data/glib-2.0/schemas" get io.github.lodeapp.Lode window-width)
[ "$width" = 1100 ] || fail "the compiled schema gives window-width $width"

# The installed desktop file is valid, and what it names is there.
desktop-file-validate "$dest$desktop" || fail "$desktop does not validate"
exec_line=$(sed -n 's/^Exec=//p' "$dest$desktop")
program=${exec_line%% *}
case $program in
  /*) path=$program ;;
  *) path=$bindir/$program ;;
esac
[ -x "$dest$path" ] || fail "Exec=$exec_line: $path is not an installed program"
icon=$(sed -n 's/^Icon=//p' "$dest$desktop")
found=$(find "$data/icons" -name "$icon.svg" -o -name "$icon.png" | head -n 1)
[ -n "$found" ] || fail "Icon=$icon: no such icon installed"

# The installed program runs.
version=$("$dest$bindir/lode" --version)
echo "$version"
"$dest$bindir/lode-cli" --version >/dev/null || fail "the installed lode-cli does not run"

[ "$failures" -eq 0 ]
