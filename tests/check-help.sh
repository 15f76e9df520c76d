#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-help.sh LODE LODE_CLI: both programs answer --help with their usage
# on standard output and exit 0, without a display.
set -eu
lode=$1
lode_cli=$2
unset DISPLAY WAYLAND_DISPLAY

expect ()
{
  # expect OUTPUT WORDS...: each word is in the output.
  output=$1
  shift
  for word in "$@"; do
    case $output in
      *"$word"*) ;;
      *) printf 'missing “%s” in:\n%s\n' "$word" "$output" >&2; exit 1 ;;
    esac
  done
}

out=$("$lode" --help)
expect "$out" "Usage:" "lode [OPTION…] [FILE…]" "--version" "lode-cli"
out=$("$lode" --version)
expect "$out" "lode "

out=$("$lode_cli" --help)
expect "$out" "Usage:" "validate" "summary" "convert" "sample" "Exit status" "lode-cli(1)"
for command in validate summary convert sample chart export import; do
  out=$("$lode_cli" "$command" --help)
  expect "$out" "Usage:" "lode-cli $command" "Exit status"
done

# Wrong usage is exit status 2.
status=0
"$lode_cli" no-such-command 2>/dev/null || status=$?
[ "$status" -eq 2 ] || { echo "lode-cli no-such-command exited $status, not 2" >&2; exit 1; }
status=0
"$lode" --no-such-option 2>/dev/null || status=$?
[ "$status" -ne 0 ] || { echo "lode --no-such-option exited 0" >&2; exit 1; }
echo ok
