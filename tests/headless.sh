#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# headless.sh TEST [ARGS...]: runs a window test in a fresh X server (Xvfb)
# with its own session bus. What the bus and the services it starts print
# goes to stderr, so the test's stdout stays TAP.
exec 3>&1
exec xvfb-run -a -s "-screen 0 1280x800x24 -noreset" \
  dbus-run-session -- sh -c 'exec "$@" 1>&3 3>&-' headless "$@" 1>&2
