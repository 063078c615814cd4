#!/usr/bin/env bash
# A long fuzzing run of one target (bench/fuzz/README.md):
#   bench/fuzz/run.sh TARGET [SECONDS] [--execs N]
# TARGET is one of: treaty events jsonl csv gdelt1 gdelt2 icews test atop cow lsp playground (or 'all', one after
# another). Runs afl-fuzz on the SharpFuzz-instrumented harness for SECONDS (default 600, or none
# with --execs) or until N executions, whichever comes first, then prints a Markdown row of the counts. Findings stay in
# bench/out/fuzz/findings/TARGET; exits 1 if any crash or hang was found.
# FUZZ_TIMEOUT_MS (default 2000) bounds one execution; FUZZ_NO_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/fuzz/common.sh

usage="usage: bench/fuzz/run.sh TARGET [SECONDS] [--execs N]   (targets: $TARGETS, all)"
[ $# -ge 1 ] || fuzz_die "$usage"
target=$1; shift
seconds='' execs=''
while [ $# -gt 0 ]; do
  case $1 in
    --execs) [ $# -ge 2 ] || fuzz_die "$usage"; execs=$2; shift 2 ;;
    *[!0-9]*|'') fuzz_die "$usage" ;;
    *) seconds=$1; shift ;;
  esac
done
[ -n "$seconds$execs" ] || seconds=600
limit=()
[ -z "$seconds" ] || limit+=(-V "$seconds")
[ -z "$execs" ] || limit+=(-E "$execs")
[ "$target" = all ] && targets=$TARGETS || targets=$target

fuzz_prerequisites
[ "${FUZZ_NO_BUILD:-0}" = 1 ] && [ -f "$HARNESS" ] || fuzz_build

found=0
for t in $targets; do
  fuzz_log "$t: afl-fuzz ${limit[*]}"
  fuzz_afl "$t" "${limit[@]}" || fuzz_log "$t: afl-fuzz exited with $? (see $FUZZ_OUT/$t.log)"
  { fuzz_report_header; fuzz_report "$t"; } >"$FUZZ_OUT/$t.md"
  cat "$FUZZ_OUT/$t.md"
  if [ "$FOUND" -gt 0 ]; then found=1; fuzz_show "$t"; fi
done
exit "$found"
