#!/usr/bin/env bash
# The fuzz smoke run for CI (bench/fuzz/README.md): every target under afl-fuzz for a few seconds
# (FUZZ_SMOKE_SECONDS, default 5), two at a time on the two cores; exits 1 if any crash or hang
# is found (or a target does not start), after replaying each finding to show its exception.
# About a minute in all, plus the build. Needs dotnet, afl++ (installed when missing, as root)
# and the sharpfuzz tool (installed into bench/out/tools when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
FUZZ_OUT=${FUZZ_OUT:-bench/out/fuzz-smoke}
# Debug, as CI has just built the solution: only the harness itself is compiled.
FUZZ_CONFIGURATION=${FUZZ_CONFIGURATION:-Debug}
. bench/fuzz/common.sh
seconds=${FUZZ_SMOKE_SECONDS:-5}

fuzz_prerequisites
fuzz_build

set -- $TARGETS
while [ $# -gt 0 ]; do
  fuzz_afl "$1" -V "$seconds" &
  first=$!
  if [ $# -gt 1 ]; then fuzz_afl "$2" -V "$seconds" & second=$!; else second=''; fi
  wait "$first" || true
  [ -z "$second" ] || wait "$second" || true
  shift; [ $# -eq 0 ] || shift
done

found=0
fuzz_report_header
for t in $TARGETS; do
  fuzz_report "$t"
  if [ "$FOUND" -gt 0 ]; then found=1; fuzz_show "$t"; fi
done
if [ "$found" -ne 0 ]; then
  echo "fuzz smoke: crashes or hangs found; findings in $FUZZ_OUT/findings (replay one: dotnet $HARNESS TARGET --replay FILE)" >&2
fi
exit "$found"
