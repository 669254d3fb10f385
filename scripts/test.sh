#!/bin/sh
# Builds with warnings as errors and runs every test (Check suites and CLI
# golden cases) with ctest; then rebuilds with the address and undefined-
# behaviour sanitizers in build-asan/ and runs the whole suite again; then
# the browser tests, valgrind, the limits, the fuzzers and the benchmarks.
# usage: scripts/test.sh            (after scripts/setup.sh)
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc)
scripts/build.sh
(cd build && ctest --output-on-failure -j"$jobs")
cmake -S . -B build-asan -DORGRAPH_WERROR=ON -DORGRAPH_SANITIZE=ON \
      -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-asan -j"$jobs"
(ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
   LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":print_suppressions=0 \
   UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
   ctest --test-dir build-asan --output-on-failure -j"$jobs")
# The HTML report in headless Chromium: search, charts, no console error, no
# fetch, no script from a hostile name (docs/report.md). The screenshot goes
# to build/; docs/img/report.png is refreshed by hand with the same script.
tests/browser/run.sh build/src/orgraph build/report.png
# Memory checking, size limits and fuzzing (docs/reliability.md):
scripts/valgrind.sh        # memcheck on the CLI cases and fuzz reproducers
scripts/limits.sh          # a chain 1,000,000 deep and a span 1,000,000 wide
scripts/fuzz.sh 60         # each libFuzzer target for 60 s (clang build)
# Keep the benchmark script working: the smallest size once (timings are not
# checked here; docs/performance.md has the real runs).
scripts/bench.sh --quick
