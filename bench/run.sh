#!/usr/bin/env bash
# Benchmark of `alliance check` on synthetic histories (see docs/performance.md).
#
#   bench/run.sh            # from the repository root; takes about 6 minutes on 2 cores
#
# 1. Builds src/AllianceRules.Cli once in Release into bench/out/cli.
# 2. Writes histories of 10^4, 10^5 and 10^6 events with bench/generate.py into
#    bench/out/ (git-ignored), plus a shuffled copy of the 10^5 one.
# 3. Runs `alliance check rules HISTORY --format json --output ...`
#    under /usr/bin/time -v, BENCH_RUNS times per size, and prints a table:
#    median wall time, events per second, peak RSS, instances in the report.
# 4. Runs the same histories in ways that separate the costs: the rules alone
#    (start-up), `--as-of 1900-01-01` (read and validate, evaluate nothing),
#    bench/null.treaty (walk the history with a rule that never fires),
#    `--format text`, and the shuffled history.
# 5. Checks BENCH_DENSITY_EVENTS events spread over 14, 4 and 1 years, to see
#    whether evaluation cost depends on events per day as well as on events.
#
# Environment: BENCH_SIZES (default "10000 100000 1000000"), BENCH_RUNS (3),
# BENCH_SEED (1), BENCH_DENSITY_EVENTS (200000; 0 skips step 5).
# Needs dotnet (the SDK of global.json) and python3; installs GNU time and jq
# with apt-get when they are missing. Results also go to bench/out/results.md.
#
# This is not a test: nothing in the solution or in `dotnet test` runs it.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

SIZES=${BENCH_SIZES:-"10000 100000 1000000"}
RUNS=${BENCH_RUNS:-3}
SEED=${BENCH_SEED:-1}
DENSITY_EVENTS=${BENCH_DENSITY_EVENTS:-200000}
OUT=bench/out
CLI="$OUT/cli/alliance.dll"
RULES=rules   # the bundled rule set: the CST (with its vocabulary and state registry), NATO, the other instruments
NULL_RULES=bench/null.treaty
TEXT_SIZE=100000

die() { echo "run.sh: $*" >&2; exit 1; }

install_packages() {
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update && apt-get install -y "$@"
  elif command -v sudo >/dev/null; then
    sudo apt-get update && sudo apt-get install -y "$@"
  else
    die "please install: $*"
  fi
}

command -v dotnet >/dev/null || die "dotnet is not installed (see global.json for the SDK)"
command -v python3 >/dev/null || die "python3 is not installed"
missing=()
[ -x /usr/bin/time ] || missing+=(time)
command -v jq >/dev/null || missing+=(jq)
if [ ${#missing[@]} -gt 0 ]; then install_packages "${missing[@]}"; fi

mkdir -p "$OUT"

echo "== machine"
echo "nproc: $(nproc)"
echo "cpu:   $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
echo "mem:   $(awk '/^MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo)"
echo "dotnet SDK: $(dotnet --version)"
echo "runtime:    $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ {v=$2} END {print v}')"

echo "== build"
dotnet build src/AllianceRules.Cli -c Release -o "$OUT/cli" -nologo -v quiet
[ -f "$CLI" ] || die "the build did not produce $CLI"

echo "== histories"
for n in $SIZES; do
  f="$OUT/history-$n.events"
  python3 bench/generate.py --events "$n" --seed "$SEED" --out "$f"
  echo "$f: $(du -h "$f" | cut -f1)"
done
if [[ " $SIZES " == *" $TEXT_SIZE "* ]]; then
  python3 bench/generate.py --events "$TEXT_SIZE" --seed "$SEED" --shuffle --out "$OUT/history-$TEXT_SIZE-shuffled.events"
fi

# measure CMD...: runs CMD once under GNU time; sets WALL and CPU (user + system) in seconds, RSS in MB.
measure() {
  local log="$OUT/time.log"
  if ! /usr/bin/time -v -o "$log" "$@" >"$OUT/last.stdout" 2>"$OUT/last.stderr"; then
    cat "$OUT/last.stderr" >&2
    die "failed: $*"
  fi
  WALL=$(awk -F': ' '/Elapsed \(wall clock\) time/ {print $NF}' "$log" \
    | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  CPU=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$log")
  RSS=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
}

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
maximum() { printf '%s\n' "$@" | sort -g | tail -n 1; }
rate() { awk -v n="$1" -v w="$2" 'BEGIN { printf "%.0f", n / w }'; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# sample CMD...: RUNS runs of CMD; sets WALL_MED, WALL_ALL, CPU_MED and RSS_MAX.
sample() {
  local walls=() cpus=() rsss=()
  for _ in $(seq "$RUNS"); do
    measure "$@"
    walls+=("$WALL"); cpus+=("$CPU"); rsss+=("$RSS")
  done
  WALL_MED=$(median "${walls[@]}")
  WALL_ALL=$(printf '%s ' "${walls[@]}")
  CPU_MED=$(median "${cpus[@]}")
  RSS_MAX=$(maximum "${rsss[@]}")
}

# row LABEL EVENTS: one row of the breakdown table from the last sample.
row() {
  printf '| %-34s | %9s | %8.2f | %-20s | %8.2f | %10s | %8s |\n' \
    "$1" "$2" "$WALL_MED" "$WALL_ALL" "$CPU_MED" "$(rate "$2" "$WALL_MED")" "$RSS_MAX"
}

declare -A MAIN_ROW
RESULTS="$OUT/results.md"
: >"$RESULTS"

{
  echo
  echo "== main: dotnet $CLI check $RULES HISTORY --format json --output ... ($RUNS runs each; load average before: $(loadavg))"
  echo
  echo "| events    | wall s (median) | wall s (runs)        | CPU s (median) | events/s | peak RSS MB (max) | instances | fulfilled | violated | pending | report MB |"
  echo "|----------:|----------------:|----------------------|---------------:|---------:|------------------:|----------:|----------:|---------:|--------:|----------:|"
} | tee -a "$RESULTS"
for n in $SIZES; do
  report="$OUT/report-$n.json"
  sample dotnet "$CLI" check "$RULES" "$OUT/history-$n.events" --format json --output "$report"
  MAIN_ROW[$n]=$(row "full: cst.treaty, json (main)" "$n")
  counts=$(jq -r '[(.instances | length),
                   ([.instances[] | select(.status == "fulfilled")] | length),
                   ([.instances[] | select(.status == "violated")] | length),
                   ([.instances[] | select(.status == "pending")] | length)] | @tsv' "$report")
  read -r instances fulfilled violated pending <<<"$counts"
  printf '| %9s | %15.2f | %-20s | %14.2f | %8s | %17s | %9s | %9s | %8s | %7s | %9s |\n' \
    "$n" "$WALL_MED" "$WALL_ALL" "$CPU_MED" "$(rate "$n" "$WALL_MED")" "$RSS_MAX" \
    "$instances" "$fulfilled" "$violated" "$pending" \
    "$(awk -v b="$(stat -c %s "$report")" 'BEGIN { printf "%.1f", b / 1048576 }')" | tee -a "$RESULTS"
done

{
  echo
  echo "== breakdown ($RUNS runs each; load average before: $(loadavg))"
  echo
  echo "| run                                | events    | wall s   | wall s (runs)        | CPU s    | events/s   | RSS MB   |"
  echo "|------------------------------------|----------:|---------:|----------------------|---------:|-----------:|---------:|"
} | tee -a "$RESULTS"
sample dotnet "$CLI" check "$RULES"
row "start-up: rules only, no history" 0 | tee -a "$RESULTS"
for n in $SIZES; do
  h="$OUT/history-$n.events"
  sample dotnet "$CLI" check "$RULES" "$h" --as-of 1900-01-01 --format json --output "$OUT/asof-$n.json"
  row "read only: --as-of 1900-01-01" "$n" | tee -a "$RESULTS"
  sample dotnet "$CLI" check "$NULL_RULES" "$h" --format json --output "$OUT/null-$n.json"
  row "walk only: bench/null.treaty" "$n" | tee -a "$RESULTS"
  echo "${MAIN_ROW[$n]}" | tee -a "$RESULTS"
  if [ "$n" = "$TEXT_SIZE" ]; then
    sample dotnet "$CLI" check "$RULES" "$h" --format text --output "$OUT/report-$n.txt"
    row "full: cst.treaty, text" "$n" | tee -a "$RESULTS"
    sample dotnet "$CLI" check "$RULES" "$OUT/history-$n-shuffled.events" --format json --output "$OUT/report-$n-shuffled.json"
    row "full: cst.treaty, json, shuffled" "$n" | tee -a "$RESULTS"
  fi
done

# The same number of events over ever shorter spans: if evaluation were linear in the events,
# its time would not change with the density.
if [ "$DENSITY_EVENTS" -gt 0 ]; then
  {
    echo
    echo "== density: $DENSITY_EVENTS events ending 2024-12-31 over shorter spans ($RUNS runs each; load average before: $(loadavg))"
    echo
    echo "| span                     | events/day | read only s | full s   | evaluation s | instances | full RSS MB |"
    echo "|--------------------------|-----------:|------------:|---------:|-------------:|----------:|------------:|"
  } | tee -a "$RESULTS"
  for start in 2011-01-01 2021-01-01 2024-01-01; do
    h="$OUT/density-$start.events"
    python3 bench/generate.py --events "$DENSITY_EVENTS" --seed "$SEED" --start "$start" --end 2024-12-31 --out "$h"
    sample dotnet "$CLI" check "$RULES" "$h" --as-of 1900-01-01 --format json --output "$OUT/density-asof.json"
    read_only=$WALL_MED
    sample dotnet "$CLI" check "$RULES" "$h" --format json --output "$OUT/density-report.json"
    days=$(( ($(date -d 2024-12-31 +%s) - $(date -d "$start" +%s)) / 86400 + 1 ))
    printf '| %-24s | %10.0f | %11.2f | %8.2f | %12.2f | %9s | %11s |\n' \
      "$start .. 2024-12-31" "$(awk -v n="$DENSITY_EVENTS" -v d="$days" 'BEGIN { print n / d }')" \
      "$read_only" "$WALL_MED" "$(awk -v a="$WALL_MED" -v b="$read_only" 'BEGIN { print a - b }')" \
      "$(jq '.instances | length' "$OUT/density-report.json")" "$RSS_MAX" | tee -a "$RESULTS"
  done
fi

echo
echo "load average after: $(loadavg)"
echo "Tables saved in $RESULTS"
