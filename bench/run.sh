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
# 7. The bare .NET reader (bench/bare: alliance-bare HISTORY.events reads the lines, splits them,
#    parses the dates and counts the verbs) on each .events size of the main table, and our time
#    divided by its time.
# 8. Thread counts: the .events runs of BENCH_THREAD_SIZES again with `--threads N` for each N of
#    BENCH_THREADS, and whether the reports are byte-identical across them. Skipped ("--threads not
#    available") when `alliance check --help` does not list --threads.
# 9. Start-up and the native build: `check` on the contract example (tests/.../eval/
#    000-contract-armenia-2022), BENCH_STARTUP_RUNS runs each, with the ReadyToRun CLI and, when
#    bench/out/native/alliance exists (BENCH_NATIVE=1 first runs `bench/publish native`), the
#    NativeAOT one, which also runs the .events sizes of BENCH_NATIVE_SIZES.
# 10. Targets (issue #21): each target, the value measured in this run, the ratio and met/missed.
#
# Environment (defaults in brackets):
#   BENCH_SIZES ["100000 1000000 10000000"]  sizes of the main table ("" skips a step)
#   BENCH_GDELT_SIZES [BENCH_SIZES]          sizes of its GDELT rows
#   BENCH_GDELT_LAYOUTS ["gdelt2 gdelt1"]    the GDELT layouts of those rows
#   BENCH_BREAKDOWN_SIZES ["100000 1000000"] sizes of the breakdown
#   BENCH_PEER_SIZES ["100000 1000000 3000000"] sizes of the comparison with the peer (3x10^6: ~1 min a run)
#   BENCH_BARE [1; 0 skips step 7]
#   BENCH_THREADS ["1 2"]  BENCH_THREAD_SIZES [the largest of BENCH_SIZES]
#   BENCH_NATIVE [0; 1 builds the native CLI with bench/publish first]
#   BENCH_NATIVE_SIZES [BENCH_SIZES]  BENCH_STARTUP_RUNS [10; 0 skips step 9]
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
PEER_SIZES=${BENCH_PEER_SIZES-"100000 1000000 3000000"}
GDELT_LAYOUTS=${BENCH_GDELT_LAYOUTS-"gdelt2 gdelt1"}
BARE=${BENCH_BARE:-1}
THREADS=${BENCH_THREADS-"1 2"}
THREAD_SIZES=${BENCH_THREAD_SIZES-$(printf '%s\n' $SIZES | sort -g | tail -n 1)}
NATIVE=${BENCH_NATIVE:-0}
NATIVE_SIZES=${BENCH_NATIVE_SIZES-$SIZES}
STARTUP_RUNS=${BENCH_STARTUP_RUNS:-10}
RUNS=${BENCH_RUNS:-3}
SEED=${BENCH_SEED:-1}
DENSITY_EVENTS=${BENCH_DENSITY_EVENTS:-200000}
OUT=bench/out
CLI="$OUT/cli/alliance.dll"
GEN="$OUT/gen/alliance-gen.dll"
PEER="$OUT/peer-cli/peer-cli.dll"
BARE_DLL="$OUT/bare/alliance-bare.dll"
NATIVE_CLI="$OUT/native/alliance"
CONTRACT=tests/AllianceRules.Tests/Cases/eval/000-contract-armenia-2022
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
dotnet build bench/bare -c Release -o "$OUT/bare" -nologo -v quiet >&2
for f in "$CLI" "$GEN" "$PEER" "$BARE_DLL"; do [ -f "$f" ] || die "the build did not produce $f"; done
# The native build is H1's bench/publish (issue #21); it is measured when it is there.
if [ "$NATIVE" = 1 ]; then
  [ -x bench/publish ] || die "BENCH_NATIVE=1 but bench/publish is missing"
  log "building the native CLI (bench/publish native)"
  bench/publish native >&2 || die "bench/publish native failed"
fi
if [ -x "$NATIVE_CLI" ]; then HAVE_NATIVE=1; else HAVE_NATIVE=0; fi

# An older CLI without --events-format gets its GDELT rows marked as skipped.
if dotnet "$CLI" check --help 2>&1 | grep -q -- '--events-format'; then HAVE_GDELT=1; else HAVE_GDELT=0; fi
# --threads comes with issue #21; until the CLI has it, the thread-count step is skipped.
if dotnet "$CLI" check --help 2>&1 | grep -q -- '--threads'; then HAVE_THREADS=1; else HAVE_THREADS=0; fi

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
ALL_SIZES=$(printf '%s\n' $SIZES $BREAKDOWN_SIZES $PEER_SIZES $THREAD_SIZES $NATIVE_SIZES | sort -gu)
for n in $ALL_SIZES; do gen "$n" events "$OUT/history-$n.events"; done
if [ "$HAVE_GDELT" = 1 ]; then
  for layout in $GDELT_LAYOUTS; do
    for n in $GDELT_SIZES; do gen "$n" "$layout" "$OUT/history-$n.$layout.csv"; done
  done
fi
say ""

# ---- main table -----------------------------------------------------------------------------

say "### Main: \`alliance check rules HISTORY --format json --output FILE\`" ""
say "Load average before: $(loadavg)." ""
say "| events | layout | wall s (median) | wall s (runs) | CPU s | events/s | peak RSS MB | instances | fulfilled | violated | pending | report MB |"
say "|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
declare -A COUNTS MAIN_WALL MAIN_RSS
main_row() { # main_row N LAYOUT REPORT CMD...
  local n=$1 layout=$2 report=$3; shift 3
  sample "$@"
  if [ "$OK" != 1 ]; then
    say "| $n | $layout | failed: $( (grep -m1 -o 'error .*' "$OUT/last.stderr" || tail -n 1 "$OUT/last.stderr") | cut -c1-100) | | | | | | | | | |"
    return
  fi
  local c; c=$(counts "$report")
  COUNTS[$n/$layout]=$c
  MAIN_WALL[$n/$layout]=$WALL_MED; MAIN_RSS[$n/$layout]=$RSS_MAX
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
for layout in $GDELT_LAYOUTS; do
  for n in $GDELT_SIZES; do
    if [ "$HAVE_GDELT" != 1 ]; then
      say "| $n | $layout | skipped: --events-format not available | | | | | | | | | |"
      continue
    fi
    log "main: $n events, $layout"
    main_row "$n" "$layout" "$OUT/report-$n.$layout.json" \
      dotnet "$CLI" check "$RULES" "${READING[@]}" --events-format "$layout" "$OUT/history-$n.$layout.csv" --format json --output "$OUT/report-$n.$layout.json"
  done
done
if [ "$HAVE_GDELT" = 1 ]; then
  say ""
  for layout in $GDELT_LAYOUTS; do
    for n in $GDELT_SIZES; do
      if [ -n "${COUNTS[$n/events]:-}" ] && [ -n "${COUNTS[$n/$layout]:-}" ]; then
        if [ "${COUNTS[$n/events]}" = "${COUNTS[$n/$layout]}" ]; then say "- $n events: the $layout layout gives the same verdict counts as .events."
        else say "- $n events: **the $layout layout's verdict counts differ from .events** (compare $OUT/report-$n.json and $OUT/report-$n.$layout.json)."; fi
      fi
    done
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

declare -A PEER_RATIO
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
  PEER_RATIO[$n]=$(awk -v o="$ours_med" -v p="$peer_med" 'BEGIN { printf "%.2f", p / o }')
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

# ---- the bare reader ------------------------------------------------------------------------

# What plain .NET needs to read the same file: the floor under our reading, and the ratio the issue
# sets a target on (ours at most 2.5 times the bare reader).
declare -A BARE_RATIO
if [ "$BARE" = 1 ] && [ -n "${SIZES// /}" ]; then
  say "### The bare .NET reader: \`alliance-bare HISTORY.events\` (bench/bare)" ""
  say "It reads the lines (StreamReader.ReadLine), splits each on spaces, parses its date and counts its verbs;" \
      "ours is the main table's \`.events\` run. Load average before: $(loadavg)." ""
  say "| events | bare wall s (median) | bare wall s (runs) | bare events/s | bare peak RSS MB | ours wall s | ours ÷ bare |"
  say "|---:|---:|---|---:|---:|---:|---:|"
  for n in $SIZES; do
    log "bare reader: $n events"
    sample dotnet "$BARE_DLL" "$OUT/history-$n.events"
    if [ "$OK" != 1 ]; then say "| $n | failed (see $OUT/last.stderr) | | | | | |"; continue; fi
    ours=${MAIN_WALL[$n/events]:-}
    ratio=–
    if [ -n "$ours" ]; then
      ratio=$(awk -v o="$ours" -v b="$WALL_MED" 'BEGIN { printf "%.2f", o / b }')
      BARE_RATIO[$n]=$ratio
    fi
    say "$(printf '| %s | %.2f | %s | %s | %s | %s | %s |' "$n" "$WALL_MED" "$WALL_ALL" "$(rate "$n" "$WALL_MED")" "$RSS_MAX" "${ours:-–}" "$ratio")"
  done
  say ""
fi

# ---- thread counts --------------------------------------------------------------------------

declare -A THREAD_WALL THREAD_RSS
if [ -n "${THREADS// /}" ] && [ -n "${THREAD_SIZES// /}" ]; then
  say "### Thread counts: \`alliance check rules HISTORY.events --threads N --format json --output FILE\`" ""
  if [ "$HAVE_THREADS" != 1 ]; then
    say "Skipped: --threads not available (\`alliance check --help\` does not list it)." ""
  else
    say "Load average before: $(loadavg)." ""
    say "| events | threads | wall s (median) | wall s (runs) | CPU s | events/s | peak RSS MB | report |"
    say "|---:|---:|---:|---|---:|---:|---:|---|"
    for n in $THREAD_SIZES; do
      first=
      for t in $THREADS; do
        log "threads: $n events, --threads $t"
        report="$OUT/report-$n.threads-$t.json"
        sample dotnet "$CLI" check "$RULES" "${READING[@]}" "$OUT/history-$n.events" --threads "$t" --format json --output "$report"
        if [ "$OK" != 1 ]; then say "| $n | $t | failed (see $OUT/last.stderr) | | | | | |"; continue; fi
        THREAD_WALL[$n/$t]=$WALL_MED; THREAD_RSS[$n/$t]=$RSS_MAX
        # Reports must not depend on the thread count (issue #21): the same bytes, whatever N.
        if [ -z "$first" ]; then first=$report; same="the reference"
        elif cmp -s "$first" "$report"; then same="identical to --threads ${THREADS%% *}"
        else same="**differs** from --threads ${THREADS%% *} ($report)"; fi
        say "$(printf '| %s | %s | %.2f | %s | %.2f | %s | %s | %s |' "$n" "$t" "$WALL_MED" "$WALL_ALL" "$CPU_MED" "$(rate "$n" "$WALL_MED")" "$RSS_MAX" "$same")"
      done
    done
  fi
  say ""
fi

# ---- start-up and the native build -----------------------------------------------------------

declare -A NATIVE_WALL NATIVE_RSS
STARTUP_R2R= STARTUP_NATIVE=
if [ "$STARTUP_RUNS" -gt 0 ]; then
  say "### Start-up: \`alliance check cst.treaty armenia-2022.events\` (the contract example)" ""
  say "$STARTUP_RUNS runs each, in $CONTRACT; the text report goes to standard output. Load average before: $(loadavg)." ""
  say "| build | wall ms (median) | wall ms (min–max) | peak RSS MB |" "|---|---:|---:|---:|"
  startup() { # startup NAME CMD...: STARTUP_RUNS runs; sets STARTUP_MS
    local name=$1 walls=() rsss=(); shift
    for _ in $(seq "$STARTUP_RUNS"); do
      measure "$@"
      [ "$OK" = 1 ] || { say "| $name | failed (see $OUT/last.stderr) | | |"; STARTUP_MS=; return; }
      walls+=("$(awk -v w="$WALL" 'BEGIN { printf "%.0f", w * 1000 }')"); rsss+=("$RSS")
    done
    STARTUP_MS=$(median "${walls[@]}")
    say "| $name | $STARTUP_MS | $(printf '%s\n' "${walls[@]}" | sort -g | head -n 1)–$(maximum "${walls[@]}") | $(maximum "${rsss[@]}") |"
  }
  startup "ReadyToRun (\`dotnet alliance.dll\`)" dotnet "$CLI" check "$CONTRACT/cst.treaty" "$CONTRACT/armenia-2022.events"
  STARTUP_R2R=$STARTUP_MS
  if [ "$HAVE_NATIVE" = 1 ]; then
    startup "NativeAOT ($NATIVE_CLI)" "$NATIVE_CLI" check "$CONTRACT/cst.treaty" "$CONTRACT/armenia-2022.events"
    STARTUP_NATIVE=$STARTUP_MS
  else
    say "| NativeAOT | skipped: no $NATIVE_CLI (bench/publish native, or BENCH_NATIVE=1) | | |"
  fi
  # GNU time's wall clock has a resolution of 10 ms, which is enough against a target of 100 ms.
  say "" "GNU time reports wall time in hundredths of a second." ""
fi
if [ "$HAVE_NATIVE" = 1 ] && [ -n "${NATIVE_SIZES// /}" ]; then
  say "### The native build on the main table's \`.events\` histories" "" "Load average before: $(loadavg)." ""
  say "| events | wall s (median) | wall s (runs) | CPU s | events/s | peak RSS MB | ReadyToRun wall s | verdict counts |"
  say "|---:|---:|---|---:|---:|---:|---:|---|"
  for n in $NATIVE_SIZES; do
    log "native: $n events"
    report="$OUT/report-$n.native.json"
    sample "$NATIVE_CLI" check "$RULES" "${READING[@]}" "$OUT/history-$n.events" --format json --output "$report"
    if [ "$OK" != 1 ]; then say "| $n | failed (see $OUT/last.stderr) | | | | | | |"; continue; fi
    NATIVE_WALL[$n]=$WALL_MED; NATIVE_RSS[$n]=$RSS_MAX
    agree=–
    if [ -n "${COUNTS[$n/events]:-}" ]; then
      if [ "$(counts "$report")" = "${COUNTS[$n/events]}" ]; then agree="same as ReadyToRun"; else agree="**differ** from ReadyToRun"; fi
    fi
    say "$(printf '| %s | %.2f | %s | %.2f | %s | %s | %s | %s |' "$n" "$WALL_MED" "$WALL_ALL" "$CPU_MED" "$(rate "$n" "$WALL_MED")" "$RSS_MAX" "${MAIN_WALL[$n/events]:-–}" "$agree")"
  done
  say ""
fi

# ---- targets --------------------------------------------------------------------------------

# Issue #21's targets, each against the value measured above in this run. A target stated at a size
# this run did not measure is judged at the largest size it did, and says so.
say "### Targets (issue #21), measured in this run" ""
say "| target | measured | ratio (measured ÷ target) | |" "|---|---|---:|---|"
# target TEXT VALUE GOAL at-least|at-most UNIT [NOTE]: one row; VALUE empty means not measured.
target() {
  local text=$1 value=$2 goal=$3 way=$4 unit=$5 note=${6:-}
  if [ -z "$value" ]; then say "| $text | not measured${note:+ ($note)} | | – |"; return; fi
  local ratio verdict
  ratio=$(awk -v v="$value" -v g="$goal" 'BEGIN { printf "%.2f", v / g }')
  if awk -v v="$value" -v g="$goal" -v w="$way" 'BEGIN { exit !((w == "at-least" && v >= g) || (w == "at-most" && v <= g)) }'; then verdict=met; else verdict="**missed**"; fi
  say "| $text | $value $unit${note:+ ($note)} | $ratio | $verdict |"
}
# largest LIST: the largest size of a list; at N: a note when N is not the size a target names.
largest() { printf '%s\n' $1 | sort -g | tail -n 1; }
at() { [ "$1" = "$2" ] || echo "at $1 events, not $2"; }
n=$(largest "$SIZES")
if [ -n "$n" ]; then
  best=${MAIN_WALL[$n/events]:-}
  # Both cores: the fastest of the default run and the thread counts measured.
  for t in $THREADS; do
    w=${THREAD_WALL[$n/$t]:-}
    if [ -n "$w" ] && { [ -z "$best" ] || awk -v a="$w" -v b="$best" 'BEGIN { exit !(a < b) }'; }; then best=$w; fi
  done
  target "\`.events\`, 10^7, whole rule set, ≥ 2M events/s" "$( [ -n "$best" ] && rate "$n" "$best")" 2000000 at-least "events/s" "$(at "$n" 10000000)"
  target "\`.events\`, 10^7, peak RSS ≤ 300 MB" "${MAIN_RSS[$n/events]:-}" 300 at-most MB "$(at "$n" 10000000)"
  target "ours ÷ the bare reader ≤ 2.5×, \`.events\` 10^7" "${BARE_RATIO[$n]:-}" 2.5 at-most "×" "$(at "$n" 10000000)"
fi
g=$(largest "$GDELT_SIZES")
if [ -n "$g" ]; then
  for layout in $GDELT_LAYOUTS; do
    w=${MAIN_WALL[$g/$layout]:-}
    target "$layout, 10^7 rows, ≥ 1M rows/s" "$( [ -n "$w" ] && rate "$g" "$w")" 1000000 at-least "rows/s" "$(at "$g" 10000000)"
    target "$layout, 10^7 rows, peak RSS ≤ 400 MB" "${MAIN_RSS[$g/$layout]:-}" 400 at-most MB "$(at "$g" 10000000)"
  done
fi
target "the NRules peer at 10^6: ours ≥ 5× its throughput" "${PEER_RATIO[1000000]:-}" 5 at-least "×"
target "the NRules peer at 3×10^6: ours ≥ 20× its throughput" "${PEER_RATIO[3000000]:-}" 20 at-least "×"
target "\`check\` on the contract example ≤ 100 ms, native build" "$STARTUP_NATIVE" 100 at-most ms
target "(the same with ReadyToRun, for comparison)" "$STARTUP_R2R" 100 at-most ms
say ""

say "Load average at the end: $(loadavg)."
log "tables saved in $RESULTS"
