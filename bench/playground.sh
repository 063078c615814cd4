#!/usr/bin/env bash
# The browser playground on this machine (bench/README.md): publishes it in Release, serves it
# from an in-process static server on 127.0.0.1 and drives headless Chromium over the DevTools
# protocol (bench/playground, which links the browser tests' driver and server). Prints:
#   - the published size: wwwroot without .br/.gz, and the sum of the .br files (what a browser downloads);
#   - navigation to the first verdicts: median of BENCH_LOADS page loads, a fresh browser profile each;
#   - re-evaluation after an edit with the library and one crisis loaded (BENCH_SAMPLE): an edit
#     that changes the verdicts, timed in the page from the input event to the changed table,
#     median of BENCH_EDITS, shown less the page's 300 ms debounce and with it.
# Targets: first verdicts <= 10 s, re-evaluation <= 1 s.
#
#   bench/playground.sh            # from the repository root; about 2 minutes on 2 cores
#
# Environment: BENCH_LOADS [3], BENCH_EDITS [5], BENCH_SAMPLE [armenia-2022-09],
# ALLIANCE_CHROMIUM [/usr/bin/chromium]. Outputs go to bench/out/playground/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out/playground
rm -rf "$out/site"
mkdir -p "$out"
echo "publishing the playground (Release) ..." >&2
dotnet publish src/AllianceRules.Playground -c Release -o "$out/site" --nologo > "$out/publish.log" 2>&1 \
  || { cat "$out/publish.log" >&2; exit 1; }
dotnet build bench/playground -c Release -o "$out/bench" --nologo > "$out/build.log" 2>&1 \
  || { cat "$out/build.log" >&2; exit 1; }
echo "measuring ..." >&2
dotnet "$out/bench/playground-bench.dll" "$out/site" \
  --loads "${BENCH_LOADS:-3}" --edits "${BENCH_EDITS:-5}" --sample "${BENCH_SAMPLE:-armenia-2022-09}"
