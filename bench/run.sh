#!/usr/bin/env bash
# Whole-process benchmark of `alliance check` on synthetic histories, and of an NRules peer that
# evaluates the same rules (bench/README.md; the previous results are in docs/performance.md).
#
#   bench/run.sh > results.md     # from the repository root; about 10 minutes on 2 cores
#
# 1. Builds, in Release, once: the CLI (bench/out/cli), the generator (bench/out/gen) and the
#    peer's console (bench/out/peer-cli). bench/out/ is git-ignored.
# 2. Writes histories with the generator (bench/gen: alliance-gen --events N --seed S), in the
#    .events layout and, when the CLI has --events-format, the GDELT 2.0 layout of the same events.
# 3. Main table: `alliance check rules HISTORY --format json --output FILE` under /usr/bin/time -v,
#    BENCH_RUNS runs per size and layout: median wall time, CPU time, events per second, peak RSS,
#    and the instances of the report by status. The GDELT run is
#    `alliance check rules --events-format gdelt2 FILE`; without that flag its rows say
#    "skipped: --events-format not available". Both layouts must give the same verdict counts.
# 4. Breakdown: the rules alone (start-up), `--as-of 1900-01-01` (read and validate, evaluate
#    nothing) and bench/null.treaty (walk the history with a rule that never fires).
# 5. Ours against the peer: `alliance check bench/peer.treaty rules/vocabulary.treaty HISTORY`
#    and `peer-cli HISTORY` (bench/peer, NRules), run alternately BENCH_RUNS times each on the
#    same histories; the throughput ratio, and whether the verdict counts agree.
# 6. Density: BENCH_DENSITY_EVENTS events over 14, 4 and 1 years, to see whether evaluation cost
#    depends on events per day as well as on events.
#
# Environment (defaults in brackets):
#   BENCH_SIZES ["100000 1000000 10000000"]  sizes of the main table ("" skips a step)
#   BENCH_GDELT_SIZES [BENCH_SIZES]          sizes of its GDELT rows
#   BENCH_BREAKDOWN_SIZES ["100000 1000000"] sizes of the breakdown
#   BENCH_PEER_SIZES ["100000 1000000"]      sizes of the comparison with the peer
#   BENCH_RUNS [3]  BENCH_SEED [1]  BENCH_DENSITY_EVENTS [200000; 0 skips step 6]
#
# The tables (Markdown) go to standard output and to bench/out/results.md; progress goes to
# standard error. Needs dotnet (the SDK of global.json); installs GNU time with apt-get when it
# is missing. This is not a test: nothing in the solution or in `dotnet test` runs it.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# A size list set to "" skips its step.
SIZES=${BENCH_SIZES-"100000 1000000 10000000"}
GDELT_SIZES=${BENCH_GDELT_SIZES-$SIZES}
BREAKDOWN_SIZES=${BENCH_BREAKDOWN_SIZES-"100000 1000000"}
PEER_SIZES=${BENCH_PEER_SIZES-"100000 1000000"}
RUNS=${BENCH_RUNS:-3}
SEED=${BENCH_SEED:-1}
DENSITY_EVENTS=${BENCH_DENSITY_EVENTS:-200000}
OUT=bench/out
CLI="$OUT/cli/alliance.dll"
GEN="$OUT/gen/alliance-gen.dll"
PEER="$OUT/peer-cli/peer-cli.dll"
RULES=rules   # the bundled rule set: the CST, its sequels, NATO, the vocabulary and the state registry
# The generator's attacks fall on random parties, a sixth of them NATO members. Under the default
# reading 'decision=individual' each such attack opens an Article 5 instance for every other ally
# (some 150,000 instances per 10^6 events, against 9,500 before that reading existed), which
# measures report size, not the engine. The benchmark therefore reads NATO's Article 5 as waiting
# for the Council, as before, and as a user of coded event data would (docs/performance.md).
READING=(--reading decision=collective)
VOCABULARY=rules/vocabulary.treaty
RESULTS="$OUT/results.md"

die() { echo "run.sh: $*" >&2; exit 1; }
log() { echo "run.sh: $*" >&2; }
# say TEXT...: a line of the Markdown results, on standard output and in $RESULTS.
say() { printf '%s\n' "$@" | tee -a "$RESULTS"; }

command -v dotnet >/dev/null || die "dotnet is not installed (see global.json for the SDK)"
if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" -eq 0 ]; then apt-get update >&2 && apt-get install -y time >&2
  elif command -v sudo >/dev/null; then sudo apt-get update >&2 && sudo apt-get install -y time >&2
  else die "please install GNU time (/usr/bin/time)"; fi
fi

mkdir -p "$OUT"
: >"$RESULTS"

log "building (Release) into $OUT"
# The CLI as it ships: ReadyToRun, so start-up does not wait for the JIT (docs/performance.md).
dotnet publish src/AllianceRules.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$OUT/cli" -nologo -v quiet >&2
dotnet build bench/gen -c Release -o "$OUT/gen" -nologo -v quiet >&2
dotnet build bench/peer-cli -c Release -o "$OUT/peer-cli" -nologo -v quiet >&2
for f in "$CLI" "$GEN" "$PEER"; do [ -f "$f" ] || die "the build did not produce $f"; done

# An older CLI without --events-format gets its GDELT rows marked as skipped.
if dotnet "$CLI" check --help 2>&1 | grep -q -- '--events-format'; then HAVE_GDELT=1; else HAVE_GDELT=0; fi

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1048576 }'; }
rate() { awk -v n="$1" -v w="$2" 'BEGIN { if (n > 0 && w > 0) printf "%.0f", n / w; else print "–" }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
maximum() { printf '%s\n' "$@" | sort -g | tail -n 1; }

# measure CMD...: runs CMD once under GNU time; sets WALL and CPU (user + system) in seconds, RSS
# in MB, and OK (1, or 0 when the command failed: its stderr is kept in $OUT/last.stderr).
measure() {
  local timelog="$OUT/time.log"
  OK=1
  if ! /usr/bin/time -v -o "$timelog" "$@" >"$OUT/last.stdout" 2>"$OUT/last.stderr"; then
    OK=0
    log "failed: $* (see $OUT/last.stderr)"
    tail -n 5 "$OUT/last.stderr" >&2
  fi
  WALL=$(awk -F': ' '/Elapsed \(wall clock\) time/ {print $NF}' "$timelog" \
    | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  CPU=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$timelog")
  RSS=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$timelog")
}

# sample CMD...: RUNS runs of CMD; sets WALL_MED, WALL_ALL, CPU_MED, RSS_MAX and OK (0 if any failed).
sample() {
  local walls=() cpus=() rsss=() ok=1
  for _ in $(seq "$RUNS"); do
    measure "$@"
    [ "$OK" = 1 ] || ok=0
    walls+=("$WALL"); cpus+=("$CPU"); rsss+=("$RSS")
  done
  OK=$ok
  WALL_MED=$(median "${walls[@]}")
  WALL_ALL=$(printf '%s ' "${walls[@]}")
  CPU_MED=$(median "${cpus[@]}")
  RSS_MAX=$(maximum "${rsss[@]}")
}

# counts REPORT: "RULE STATUS COUNT" lines of a JSON report, sorted; read as a stream, since the
# report of 10^7 events is too large for jq to hold.
counts() {
  awk '/"rule": "/ { r = $0; sub(/.*"rule": "/, "", r); sub(/".*/, "", r) }
       /"status": "/ { s = $0; sub(/.*"status": "/, "", s); sub(/".*/, "", s); c[r " " s]++ }
       END { for (k in c) print k, c[k] }' "$1" | LC_ALL=C sort
}
# status_total COUNTS STATUS: how many instances have that status.
status_total() { printf '%s\n' "$1" | awk -v s="$2" '$2 == s { n += $3 } END { print n + 0 }'; }

# ---- machine --------------------------------------------------------------------------------

say "## Benchmark of \`alliance check\` ($(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown))" ""
say "| | |" "|---|---|"
say "| CPU | $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo), nproc = $(nproc) |"
say "| Memory | $(awk '/^MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo) |"
say "| .NET | SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ {v=$2} END {print v}'), Release |"
say "| Load average at the start | $(loadavg) |"
say "| Runs per measurement | $RUNS (median wall time; peak RSS is the largest) |" ""

# ---- histories ------------------------------------------------------------------------------

say "### Histories (\`alliance-gen --events N --seed $SEED\`)" ""
say "| events | layout | file MB | generation s |" "|---:|---|---:|---:|"
gen() { # gen N FORMAT FILE [ARGS...]
  local n=$1 format=$2 file=$3; shift 3
  measure dotnet "$GEN" --events "$n" --seed "$SEED" --format "$format" --output "$file" "$@"
  [ "$OK" = 1 ] || die "the generator failed"
  say "$(printf '| %s | %s | %s | %.2f |' "$n" "$format" "$(mb "$file")" "$WALL")"
}
ALL_SIZES=$(printf '%s\n' $SIZES $BREAKDOWN_SIZES $PEER_SIZES | sort -gu)
for n in $ALL_SIZES; do gen "$n" events "$OUT/history-$n.events"; done
if [ "$HAVE_GDELT" = 1 ]; then
  for n in $GDELT_SIZES; do gen "$n" gdelt2 "$OUT/history-$n.gdelt2.csv"; done
fi
say ""

# ---- main table -----------------------------------------------------------------------------

say "### Main: \`alliance check rules HISTORY --format json --output FILE\`" ""
say "Load average before: $(loadavg)." ""
say "| events | layout | wall s (median) | wall s (runs) | CPU s | events/s | peak RSS MB | instances | fulfilled | violated | pending | report MB |"
say "|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
declare -A COUNTS
main_row() { # main_row N LAYOUT REPORT CMD...
  local n=$1 layout=$2 report=$3; shift 3
  sample "$@"
  if [ "$OK" != 1 ]; then
    say "| $n | $layout | failed: $( (grep -m1 -o 'error .*' "$OUT/last.stderr" || tail -n 1 "$OUT/last.stderr") | cut -c1-100) | | | | | | | | | |"
    return
  fi
  local c; c=$(counts "$report")
  COUNTS[$n/$layout]=$c
  say "$(printf '| %s | %s | %.2f | %s | %.2f | %s | %s | %s | %s | %s | %s | %s |' \
    "$n" "$layout" "$WALL_MED" "$WALL_ALL" "$CPU_MED" "$(rate "$n" "$WALL_MED")" "$RSS_MAX" \
    "$(printf '%s\n' "$c" | awk '{ n += $3 } END { print n + 0 }')" \
    "$(status_total "$c" fulfilled)" "$(status_total "$c" violated)" "$(status_total "$c" pending)" "$(mb "$report")")"
}
for n in $SIZES; do
  log "main: $n events"
  main_row "$n" events "$OUT/report-$n.json" \
    dotnet "$CLI" check "$RULES" "${READING[@]}" "$OUT/history-$n.events" --format json --output "$OUT/report-$n.json"
done
for n in $GDELT_SIZES; do
  if [ "$HAVE_GDELT" != 1 ]; then
    say "| $n | gdelt2 | skipped: --events-format not available | | | | | | | | | |"
    continue
  fi
  log "main: $n events, gdelt2"
  main_row "$n" gdelt2 "$OUT/report-$n.gdelt2.json" \
    dotnet "$CLI" check "$RULES" "${READING[@]}" --events-format gdelt2 "$OUT/history-$n.gdelt2.csv" --format json --output "$OUT/report-$n.gdelt2.json"
done
if [ "$HAVE_GDELT" = 1 ]; then
  say ""
  for n in $GDELT_SIZES; do
    if [ -n "${COUNTS[$n/events]:-}" ] && [ -n "${COUNTS[$n/gdelt2]:-}" ]; then
      if [ "${COUNTS[$n/events]}" = "${COUNTS[$n/gdelt2]}" ]; then say "- $n events: the GDELT 2.0 layout gives the same verdict counts as .events."
      else say "- $n events: **the GDELT 2.0 layout's verdict counts differ from .events** (compare $OUT/report-$n.json and $OUT/report-$n.gdelt2.json)."; fi
    fi
  done
fi
say ""

# ---- breakdown ------------------------------------------------------------------------------

say "### Breakdown" "" "Load average before: $(loadavg)." ""
say "| run | events | wall s (median) | wall s (runs) | CPU s | events/s | peak RSS MB |"
say "|---|---:|---:|---|---:|---:|---:|"
row() { say "$(printf '| %s | %s | %.2f | %s | %.2f | %s | %s |' "$1" "$2" "$WALL_MED" "$WALL_ALL" "$CPU_MED" "$(rate "$2" "$WALL_MED")" "$RSS_MAX")"; }
log "breakdown: start-up"
sample dotnet "$CLI" check "$RULES"
row "start-up: \`check rules\`, no history" 0
for n in $BREAKDOWN_SIZES; do
  log "breakdown: $n events"
  h="$OUT/history-$n.events"
  sample dotnet "$CLI" check "$RULES" "${READING[@]}" "$h" --as-of 1900-01-01 --format json --output "$OUT/asof-$n.json"
  row "read only: \`--as-of 1900-01-01\`" "$n"
  sample dotnet "$CLI" check bench/null.treaty "$VOCABULARY" "$h" --format json --output "$OUT/null-$n.json"
  row "walk only: bench/null.treaty" "$n"
done
say ""

# ---- ours against the peer ------------------------------------------------------------------

if [ -n "${PEER_SIZES// /}" ]; then
say "### Ours against the NRules peer: bench/peer.treaty" ""
say "Ours: \`alliance check bench/peer.treaty $VOCABULARY HISTORY --format json --output FILE\`;" \
    "the peer: \`peer-cli HISTORY\` (bench/peer, NRules $(awk -F'"' '/"NRules"/ {print $4}' Directory.Packages.props))." \
    "Both are whole processes (start-up, reading, rules, output), run alternately, $RUNS times each." \
    "Load average before: $(loadavg)." ""
say "| events | ours wall s (runs) | ours events/s | ours peak RSS MB | peer wall s (runs) | peer events/s | peer peak RSS MB | throughput ours/peer | verdict counts |"
say "|---:|---|---:|---:|---|---:|---:|---:|---|"
for n in $PEER_SIZES; do
  log "peer: $n events"
  h="$OUT/history-$n.events"
  ours_w=() peer_w=() ours_r=() peer_r=() failed=0
  for _ in $(seq "$RUNS"); do
    measure dotnet "$CLI" check bench/peer.treaty "$VOCABULARY" "$h" --format json --output "$OUT/peer-ours-$n.json"
    [ "$OK" = 1 ] || failed=1
    ours_w+=("$WALL"); ours_r+=("$RSS")
    measure dotnet "$PEER" "$h"
    [ "$OK" = 1 ] || failed=1
    cp "$OUT/last.stdout" "$OUT/peer-counts-$n.txt"
    peer_w+=("$WALL"); peer_r+=("$RSS")
  done
  if [ "$failed" = 1 ]; then say "| $n | failed (see $OUT/last.stderr) | | | | | | | |"; continue; fi
  counts "$OUT/peer-ours-$n.json" >"$OUT/peer-ours-counts-$n.txt"
  if cmp -s "$OUT/peer-ours-counts-$n.txt" <(LC_ALL=C sort "$OUT/peer-counts-$n.txt"); then
    agree="agree ($(awk '{ n += $3 } END { print n }' "$OUT/peer-counts-$n.txt") verdicts)"
  else
    agree="**differ**: see $OUT/peer-ours-counts-$n.txt and $OUT/peer-counts-$n.txt"
  fi
  ours_med=$(median "${ours_w[@]}"); peer_med=$(median "${peer_w[@]}")
  say "$(printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |' "$n" \
    "$(printf '%s ' "${ours_w[@]}")" "$(rate "$n" "$ours_med")" "$(maximum "${ours_r[@]}")" \
    "$(printf '%s ' "${peer_w[@]}")" "$(rate "$n" "$peer_med")" "$(maximum "${peer_r[@]}")" \
    "$(awk -v o="$ours_med" -v p="$peer_med" 'BEGIN { printf "%.2f", p / o }')" "$agree")"
done
say ""
fi

# ---- density --------------------------------------------------------------------------------

# The same number of events over ever shorter spans: if evaluation were linear in the events, its
# time would not change with the density.
if [ "$DENSITY_EVENTS" -gt 0 ]; then
  say "### Density: $DENSITY_EVENTS events ending 2024-12-31 over shorter spans" "" "Load average before: $(loadavg)." ""
  say "| span | events/day | read only s | full s | evaluation s | instances | full peak RSS MB |"
  say "|---|---:|---:|---:|---:|---:|---:|"
  for start in 2011-01-01 2021-01-01 2024-01-01; do
    log "density: from $start"
    h="$OUT/density-$start.events"
    measure dotnet "$GEN" --events "$DENSITY_EVENTS" --seed "$SEED" --from "$start" --to 2024-12-31 --output "$h"
    [ "$OK" = 1 ] || die "the generator failed"
    sample dotnet "$CLI" check "$RULES" "${READING[@]}" "$h" --as-of 1900-01-01 --format json --output "$OUT/density-asof.json"
    read_only=$WALL_MED
    sample dotnet "$CLI" check "$RULES" "${READING[@]}" "$h" --format json --output "$OUT/density-report.json"
    days=$(( ($(date -d 2024-12-31 +%s) - $(date -d "$start" +%s)) / 86400 + 1 ))
    say "$(printf '| %s | %.0f | %.2f | %.2f | %.2f | %s | %s |' \
      "$start .. 2024-12-31" "$(awk -v n="$DENSITY_EVENTS" -v d="$days" 'BEGIN { print n / d }')" \
      "$read_only" "$WALL_MED" "$(awk -v a="$WALL_MED" -v b="$read_only" 'BEGIN { print a - b }')" \
      "$(counts "$OUT/density-report.json" | awk '{ n += $3 } END { print n + 0 }')" "$RSS_MAX")"
  done
  say ""
fi

say "Load average at the end: $(loadavg)."
log "tables saved in $RESULTS"
