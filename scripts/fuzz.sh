#!/bin/sh
# Builds the libFuzzer targets (tests/fuzz/fuzz_*.c) with clang, address and
# undefined-behaviour sanitizers in build-fuzz/, and runs each for SECONDS
# (default 60), seeded from a corpus assembled from the bundled models (cut
# to size), the bad-input corpus and the saved reproducers. The working
# corpus persists in build-fuzz/corpus/TARGET, so repeated or long runs build
# on earlier ones. A crash, hang (> 10 s), leak or out-of-memory (> 2 GB) is
# copied to tests/fuzz/regressions/TARGET/ (commit it: the replay tests run
# it from then on) and makes the script exit 1.
# usage: scripts/fuzz.sh [SECONDS] [TARGET...]     (targets: dot csv graphml plan)
#        JOBS=N scripts/fuzz.sh 3600 dot           (N parallel workers)
set -eu
cd "$(dirname "$0")/.."
root=$PWD
secs=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-dot csv graphml plan}
jobs=${JOBS:-1}
B=build-fuzz

if [ ! -f $B/CMakeCache.txt ]; then
  CC=${CC_FUZZ:-$(command -v clang || command -v clang-14)} cmake -S . -B $B -DORGRAPH_FUZZ=ON -DORGRAPH_WERROR=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
# shellcheck disable=SC2046
cmake --build $B -j"$(nproc)" --target orgraph $(for t in $targets; do echo fuzz_$t; done)

# ---- seeds: rebuilt on every run from what the repository holds
S=$B/seeds
rm -rf $S
mkdir -p $S/dot $S/csv $S/graphml $S/plan $S/model
export ASAN_OPTIONS=detect_leaks=0
og=$B/src/orgraph
cut=$S/model/police
for snap in models/vn-police/*/; do
  [ -f "$snap/units.csv" ] || continue   # plans/ holds no snapshot
  name=$(basename "$snap")
  mkdir -p "$cut-$name"
  # 100 lines each keeps every seed under -max_len
  head -n 100 "$snap/units.csv" >"$cut-$name/units.csv"
  head -n 100 "$snap/links.csv" >"$cut-$name/links.csv"
  cp "$snap/meta.csv" "$cut-$name/meta.csv"
  # the csv target's input: units, links and meta joined by form feeds
  { cat "$cut-$name/units.csv"; printf '\f'; cat "$cut-$name/links.csv"
    printf '\f'; cat "$cut-$name/meta.csv"; } >$S/csv/police-$name
  head -n 200 "$snap/units.csv" >$S/csv/police-units-$name.csv
  # DOT and GraphML of the same cut model (units missing from the cut make
  # diagnostics; the converter refuses lossy input, so convert the units only)
  $og convert "$cut-$name/units.csv" $S/dot/police-$name.dot >/dev/null 2>&1 || true
  $og convert "$cut-$name/units.csv" $S/graphml/police-$name.graphml >/dev/null 2>&1 || true
done
head -n 200 models/vn-admin/units-2025-07.csv >$S/csv/vn-admin.csv
cp models/tour/org.dot $S/dot/tour.dot
$og convert models/tour/org.dot $S/graphml/tour.graphml >/dev/null 2>&1 || true
$og convert models/tour/org.dot $S/model/tour >/dev/null 2>&1 || true
if [ -f $S/model/tour/units.csv ]; then
  { cat $S/model/tour/units.csv; printf '\f'; cat $S/model/tour/links.csv
    printf '\f'; cat $S/model/tour/meta.csv; } >$S/csv/tour
fi
for f in tests/data/bad/* tests/cli/cases/*/*.dot tests/cli/cases/*/*.csv \
         tests/cli/cases/*/*.graphml; do
  [ -f "$f" ] || continue
  [ "$(wc -c <"$f")" -le 65536 ] || continue
  case $f in
    *.dot|*.gv) cp "$f" $S/dot/ ;;
    *.graphml|*.xml) cp "$f" $S/graphml/ ;;
    *.csv) cp "$f" $S/csv/ ;;
    *) cp "$f" $S/dot/; cp "$f" $S/csv/; cp "$f" $S/graphml/ ;;
  esac
done
# plans: the bundled ones, the tests' ones, and tests/fuzz/seeds/plan (written
# for the small organizations built into fuzz_plan.c). fuzz_plan's input is
# PLAN, then optionally a form feed and the table its transition lines read,
# then a form feed and a transition file: the bundled tables and transitions
# (cut to size) go behind the small 2025-03 to 2025-07 plan.
for f in models/vn-police/plans/*.plan tests/cli/cases/*/*.plan \
         tests/data/bad/*.plan tests/fuzz/seeds/plan/*; do
  [ -f "$f" ] || continue
  [ "$(wc -c <"$f")" -le 65536 ] || continue
  cp "$f" $S/plan/
done
small=tests/fuzz/seeds/plan/2025-03-to-2025-07-small.plan
for table in models/vn-admin/transition-*.csv; do
  for tr in models/vn-police/transition-*.csv; do
    [ -f "$table" ] && [ -f "$tr" ] || continue
    { cat $small; printf '\f'; head -n 200 "$table"; printf '\f'; head -n 200 "$tr"; } \
      >$S/plan/small-$(basename "$table" .csv)-$(basename "$tr" .csv)
  done
done
for t in $targets; do
  [ -d tests/fuzz/regressions/$t ] && cp tests/fuzz/regressions/$t/* $S/$t/ 2>/dev/null || true
done

# ---- run
unset ASAN_OPTIONS
status=0
mkdir -p $B/logs
for t in $targets; do
  mkdir -p $B/corpus/$t $B/artifacts/$t
  dict=""
  [ -f tests/fuzz/$t.dict ] && dict="-dict=tests/fuzz/$t.dict"
  echo "fuzz: $t for ${secs}s ($jobs job(s)); log in $B/logs/$t.log"
  rc=0
  # shellcheck disable=SC2086
  LSAN_OPTIONS=suppressions="$root/tests/lsan.supp":print_suppressions=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  $B/tests/fuzz/fuzz_$t $B/corpus/$t $S/$t $dict \
    -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix=$B/artifacts/$t/ \
    $( [ "$jobs" -gt 1 ] && echo "-fork=$jobs -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1" ) \
    >$B/logs/$t.log 2>&1 || rc=$?
  grep -E "^stat::number_of_executed_units|^#[0-9]+ *DONE|cov:" $B/logs/$t.log | tail -n 2 || true
  found=$(find $B/artifacts/$t -type f | wc -l)
  if [ "$rc" -ne 0 ] || [ "$found" -gt 0 ]; then
    mkdir -p tests/fuzz/regressions/$t
    for a in $B/artifacts/$t/*; do
      [ -f "$a" ] || continue
      cp "$a" tests/fuzz/regressions/$t/
      echo "fuzz: $t: saved tests/fuzz/regressions/$t/$(basename "$a")"
    done
    rm -f $B/artifacts/$t/*
    echo "fuzz: $t FAILED (exit $rc); see $B/logs/$t.log"
    status=1
  fi
done
exit $status
