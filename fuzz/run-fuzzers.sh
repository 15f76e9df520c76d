#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# run-fuzzers.sh BUILDDIR SECONDS [WORKDIR]
#
# Runs each libFuzzer harness of BUILDDIR (configured with -Dfuzzing=true)
# for SECONDS, one after the other, over a corpus in WORKDIR (default
# BUILDDIR/fuzz-work) seeded from tests/fixtures and the built-in sample.
# Crashes are written to WORKDIR as NAME-crash-…; the script exits 1 if any
# harness finds one. The last status line of each run (executions, cov, ft)
# is printed.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "$1" && pwd)
seconds=$2
workdir=${3:-$builddir/fuzz-work}
fuzzers=(fuzz-portfolio-load fuzz-json-check fuzz-reader-differential fuzz-csv)

mkdir -p "$workdir"
status=0
for name in "${fuzzers[@]}"; do
  corpus=$workdir/corpus-$name
  mkdir -p "$corpus"
  # Seeds: every fixture and the sample (copies, so the tree stays clean);
  # for the CSV fuzzer, every CSV fixture.
  dict=$here/fuzz/portfolio.dict
  seeds=("$here"/tests/fixtures/*/*.json "$here"/resources/sample/*.json)
  if [[ $name == fuzz-csv ]]; then
    dict=$here/fuzz/csv.dict
    shopt -s nullglob globstar
    seeds=("$here"/tests/fixtures/csv/*.csv "$here"/tests/fixtures/import/**/*.csv)
    shopt -u nullglob globstar
  fi
  for f in "${seeds[@]}"; do
    cp -n "$f" "$corpus/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
  done

  log=$workdir/$name.log
  echo "== $name: ${seconds}s, corpus $corpus"
  if ! ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1} \
       UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1} \
       "$builddir/fuzz/$name" "$corpus" \
         -dict="$dict" \
         -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 \
         -max_len=65536 -print_final_stats=1 \
         -artifact_prefix="$workdir/$name-" >"$log" 2>&1; then
    echo "$name FOUND A PROBLEM: see $log and $workdir/$name-*" >&2
    tail -n 40 "$log" >&2
    status=1
  fi
  grep -E '^#[0-9]+' "$log" | tail -n 1 || true
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$log" || true
done
exit $status
