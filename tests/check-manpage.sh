#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-manpage.sh PAGE: fails when groff warns about PAGE (every warning
# turned on), or when lexgrog cannot read its NAME section.
set -eu
page=$1

warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
if [ -n "$warnings" ]; then
  printf '%s\n' "$warnings" >&2
  exit 1
fi

lexgrog "$page"
# Every command of lode-cli has its entry.
for command in validate summary convert sample chart export import; do
  grep -q "^\.BI\{0,1\}R\{0,1\} $command\b" "$page" || {
    echo "$page: no entry for the command $command" >&2
    exit 1
  }
done
