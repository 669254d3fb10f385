#!/bin/sh
# Load-and-check benchmark for the core (issue 2): times `orgraph check` on
#  - a 1,000,000-unit units table with shuffled ids (scripts/gen-org.py),
#  - a 100,000-unit DOT file, against cgraph's own agread of the same file,
#  - a chain 1,000,000 deep and a span 1,000,000 wide.
# Each figure is the median of 5 runs (wall time) and the peak memory
# (max RSS) of the last. Numbers go to stdout; docs/performance.md keeps the
# latest run.
# usage: scripts/bench-load.sh [WORKDIR]     (after scripts/build.sh)
set -eu
cd "$(dirname "$0")/.."
W=${1:-/tmp/orgraph-bench}
mkdir -p "$W"
O=build/src/orgraph
[ -x build/tests/bench_agread ] || cmake --build build --target bench_agread >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# time_cmd LABEL CMD...: median wall time of 5 runs and max RSS of the last
time_cmd() {
  label=$1; shift
  for i in 1 2 3 4 5; do
    /usr/bin/time -f "%e %M" -o "$W/.t" "$@" >/dev/null 2>&1 || true
    cat "$W/.t"
  done > "$W/.runs"
  t=$(awk '{print $1}' "$W/.runs" | median)
  m=$(tail -1 "$W/.runs" | awk '{printf "%.0f", $2 / 1024}')
  printf '%-44s %6s s %6s MB\n' "$label" "$t" "$m"
}

[ -f "$W/1m/units.csv" ] || python3 scripts/gen-org.py --units 1000000 --out "$W/1m" >/dev/null
[ -f "$W/100k/units.csv" ] || python3 scripts/gen-org.py --units 100000 --out "$W/100k" >/dev/null
[ -f "$W/100k.dot" ] || $O convert "$W/100k" "$W/100k.dot"
[ -f "$W/chain.csv" ] || python3 -c "
print('id,parent'); print('u0,')
for i in range(1, 1000000): print('u%d,u%d' % (i, i - 1))" > "$W/chain.csv"
[ -f "$W/span.csv" ] || python3 -c "
print('id,parent'); print('u0,')
for i in range(1, 1000000): print('u%d,u0' % i)" > "$W/span.csv"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r)"
time_cmd "check 1M-unit CSV (shuffled ids)" $O check "$W/1m"
time_cmd "check 100k-unit DOT" $O check "$W/100k.dot"
for i in 1 2 3; do build/tests/bench_agread "$W/100k.dot"; done | sort | sed -n 2p | sed 's/^/cgraph alone on the same file (median): /'
time_cmd "check chain 1,000,000 deep" $O check "$W/chain.csv"
time_cmd "check span 1,000,000 wide" $O check "$W/span.csv"
