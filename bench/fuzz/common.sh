# Shared by bench/fuzz/run.sh and bench/fuzz/smoke.sh (sourced, from the repository root):
# build the harness, instrument it with SharpFuzz, lay out the seed corpora, and run afl-fuzz.
# Everything it writes goes under bench/out/fuzz (git-ignored).

FUZZ_OUT=${FUZZ_OUT:-bench/out/fuzz}
FUZZ_CONFIGURATION=${FUZZ_CONFIGURATION:-Release}
FUZZ_TIMEOUT_MS=${FUZZ_TIMEOUT_MS:-2000}   # an execution slower than this is a hang
SHARPFUZZ_VERSION=2.3.0
TOOLS=bench/out/tools
HARNESS="$FUZZ_OUT/bin/alliance-fuzz.dll"
TARGETS="treaty events jsonl csv gdelt1 gdelt2 icews test atop cow lsp playground"
CASES=tests/AllianceRules.Tests/Cases

fuzz_die() { echo "fuzz: $*" >&2; exit 1; }
fuzz_log() { echo "fuzz: $*" >&2; }

# fuzz_prerequisites: afl-fuzz (Debian's afl++) and the sharpfuzz tool, installed when missing.
fuzz_prerequisites() {
  command -v dotnet >/dev/null || fuzz_die "dotnet is not installed (see global.json for the SDK)"
  if ! command -v afl-fuzz >/dev/null; then
    fuzz_log "installing afl++"
    if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
    elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
    fi
    command -v afl-fuzz >/dev/null || fuzz_die "please install afl-fuzz: apt-get install -y afl++"
  fi
  if [ ! -x "$TOOLS/sharpfuzz" ]; then
    fuzz_log "installing SharpFuzz.CommandLine $SHARPFUZZ_VERSION into $TOOLS"
    dotnet tool install --tool-path "$TOOLS" SharpFuzz.CommandLine --version "$SHARPFUZZ_VERSION" >/dev/null \
      || fuzz_die "could not install the sharpfuzz tool"
  fi
}

# fuzz_build: the harness built into $FUZZ_OUT/build, copied to $FUZZ_OUT/bin and instrumented
# there (a fresh copy each time, since an assembly must not be instrumented twice).
fuzz_build() {
  fuzz_log "building the harness ($FUZZ_CONFIGURATION)"
  dotnet build bench/fuzz -c "$FUZZ_CONFIGURATION" -o "$FUZZ_OUT/build" -nologo -v quiet --tl:off >&2 \
    || fuzz_die "the harness did not build"
  rm -rf "$FUZZ_OUT/bin"
  cp -r "$FUZZ_OUT/build" "$FUZZ_OUT/bin"
  # The project's own assemblies (alliance.dll for the language server) and the parser library they
  # use; the harness itself is not instrumented. Nor is the playground's assembly: instrumented, it
  # left afl-fuzz's map empty ("No instrumentation detected"); its target reaches the engine's.
  for dll in AllianceRules.Core.dll AllianceRules.Engine.dll AllianceRules.Data.dll alliance.dll Sprache.dll; do
    "$TOOLS/sharpfuzz" "$FUZZ_OUT/bin/$dll" >/dev/null || fuzz_die "sharpfuzz could not instrument $dll"
  done
}

# fuzz_seeds TARGET DIR: the target's seed corpus, copied from the repository's own files.
fuzz_seeds() {
  local target=$1 dir=$2 f n
  rm -rf "$dir"
  mkdir -p "$dir"
  # seed_copy FILE...: each file under a name made from its path, so equal base names do not clash.
  seed_copy() { for f in "$@"; do [ -f "$f" ] && cp "$f" "$dir/$(printf '%s' "$f" | tr '/' '_')"; done; return 0; }
  # tsv_fields FILE: the number of tab-separated fields on its first line.
  tsv_fields() { head -n 1 "$1" | awk -F'\t' '{ print NF }'; }
  case $target in
    treaty) seed_copy rules/*.treaty $(find "$CASES" -name '*.treaty' | sort) ;;
    events) seed_copy seeds/*.events $(find "$CASES" -name '*.events' | sort) ;;
    jsonl) seed_copy $(find "$CASES" -name '*.jsonl' | sort) ;;
    csv) seed_copy $(find "$CASES" -name '*.csv' -not -path '*/import/*' | sort) ;;
    gdelt1|gdelt2|icews)
      for f in $(find "$CASES" -name '*.tsv' -o -name '*.tab' | sort); do
        n=$(tsv_fields "$f")
        case $target/$n in gdelt1/57|gdelt1/58|gdelt2/61) seed_copy "$f" ;; icews/*) [ "$n" -lt 57 ] && seed_copy "$f" ;; esac
      done ;;
    test) seed_copy $(find seeds docs tests -name '*.test' | sort) ;;
    atop)
      seed_copy "$CASES"/import/atop/*/members.csv
      for f in "$CASES"/import/atop/*/members.csv; do
        [ -f "${f%/*}/alliances.csv" ] || continue
        { cat "$f"; echo '%%alliances%%'; cat "${f%/*}/alliances.csv"; } >"$dir/$(printf '%s' "${f%/*}" | tr '/' '_')_both.csv"
      done ;;
    cow) seed_copy "$CASES"/import/cow-war/*/wars.csv ;;
    lsp)
      # Programs of edits (LspTarget.cs), one per file of rules/ and seeds/: insert ' rule' a quarter
      # in and hover, delete 8 characters half-way and format, duplicate a line three quarters in and
      # ask for a definition.
      n=$(ls rules/*.treaty seeds/*.events seeds/*.test | wc -l)
      for i in $(seq 0 $((n - 1))); do
        printf "$(printf '\\%03o' "$i")"'\004\100\000\005 rule\100\010\035\200\000\010\200\004\013\300\000\000\100\020' >"$dir/lsp_$i"
      done ;;
    playground)
      # PlaygroundTarget.cs: the first byte says what the rest is. Histories beside the tour's
      # rules (1), rule files in place of them (3), and a damaged link (0: after 'v1.').
      for f in seeds/*.events docs/exercises/*/start/*.events; do
        { printf '\001'; cat "$f"; } >"$dir/playground_h_$(printf '%s' "$f" | tr '/' '_')"
      done
      for f in rules/*.treaty; do { printf '\003'; cat "$f"; } >"$dir/playground_r_${f##*/}"; done
      printf '\000q1YqyUhVslJKTMlVslJKzs8rSs0rKVbSUSpILCpRsgJJl+SXJOYo1QIA' >"$dir/playground_link" ;;
    *) fuzz_die "unknown target '$target' (targets: $TARGETS)" ;;
  esac
  [ -n "$(ls -A "$dir")" ] || fuzz_die "no seeds for $target"
}

# fuzz_dict TARGET: afl-fuzz's -x option for the targets written in the project's languages.
fuzz_dict() {
  case $1 in treaty|events|test|lsp|playground) printf '%s\n' "-x" "bench/fuzz/dict/language.dict" ;; esac
}

# fuzz_afl TARGET LIMIT...: afl-fuzz on one target, with LIMIT afl-fuzz's -V SECONDS or -E EXECS;
# findings in $FUZZ_OUT/findings/TARGET (started afresh), its output in $FUZZ_OUT/TARGET.log.
fuzz_afl() {
  local target=$1; shift
  local seeds="$FUZZ_OUT/seeds/$target" findings="$FUZZ_OUT/findings/$target"
  fuzz_seeds "$target" "$seeds"
  rm -rf "$findings"
  mkdir -p "$FUZZ_OUT/findings"
  # .NET is not an AFL-compiled binary (SKIP_BIN_CHECK); the machine's core_pattern and CPU
  # governor are not ours to change; with two runs on two cores, let the kernel place them.
  AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 \
  AFL_NO_AFFINITY=1 AFL_FAST_CAL=1 \
    afl-fuzz -i "$seeds" -o "$findings" -t "$FUZZ_TIMEOUT_MS" -m none $(fuzz_dict "$target") "$@" \
      -- dotnet "$HARNESS" "$target" >"$FUZZ_OUT/$target.log" 2>&1
}

# fuzz_report TARGET: one Markdown table row from afl-fuzz's statistics; sets FOUND to the number
# of crashes plus hangs (saved in findings/TARGET/default/{crashes,hangs}).
fuzz_report() {
  local target=$1 dir="$FUZZ_OUT/findings/$1/default" stats execs rate secs crashes hangs seeds
  stats="$dir/fuzzer_stats"
  seeds=$(ls "$FUZZ_OUT/seeds/$target" | wc -l)
  if [ ! -f "$stats" ]; then
    FOUND=1
    echo "| $target | $seeds | afl-fuzz did not start: see $FUZZ_OUT/$target.log | | | | |"
    return
  fi
  stat_of() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
  execs=$(stat_of execs_done)
  secs=$(( $(stat_of last_update) - $(stat_of start_time) ))
  rate=$(awk -v n="$execs" -v s="$secs" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "–" }')
  crashes=$(find "$dir/crashes" -name 'id:*' 2>/dev/null | wc -l)
  hangs=$(find "$dir/hangs" -name 'id:*' 2>/dev/null | wc -l)
  FOUND=$((crashes + hangs))
  echo "| $target | $seeds | $execs | $secs | $rate | $(stat_of corpus_count) | $crashes | $hangs |"
}

fuzz_report_header() {
  echo "| target | seeds | executions | seconds | exec/s | corpus at the end | crashes | hangs |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
}

# fuzz_show TARGET: replays each saved crash and hang outside afl-fuzz, printing the exception.
fuzz_show() {
  local dir="$FUZZ_OUT/findings/$1/default" f
  for f in "$dir"/crashes/id:* "$dir"/hangs/id:*; do
    [ -f "$f" ] || continue
    echo "fuzz: $1: $f" >&2
    timeout 30 dotnet "$HARNESS" "$1" --replay "$f" 2>&1 | head -n 20 >&2
  done
}
