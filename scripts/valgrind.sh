#!/bin/sh
# Runs every CLI golden case (tests/cli/cases/*) and the fuzz reproducers
# (tests/fuzz/regressions/*) under valgrind memcheck, and fails on any
# invalid access, use of uninitialised memory or definite leak. Valgrind's
# reports go to one log per process (so the cases' golden stderr still
# matches); a case fails when its output differs or a log is not empty.
# Suppressions (tests/valgrind.supp) cover third-party libraries only.
# usage: scripts/valgrind.sh [CASE...]     (after scripts/build.sh)
#        JOBS=N scripts/valgrind.sh        (cases in parallel; default nproc)
set -u
cd "$(dirname "$0")/.."
root=$PWD
jobs=${JOBS:-$(nproc)}
bin=$root/build/src/orgraph
[ -x "$bin" ] || { echo "valgrind.sh: build first (scripts/build.sh)" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind.sh: valgrind is not installed (scripts/setup.sh)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/logs" "$work/results"
# Cases too slow under valgrind's ~30x slow-down (each over a minute there);
# the same inputs run under the sanitizers in scripts/test.sh:
#   bad-cycle-of-200000       200,000-unit cycle
#   bad-ten-megabyte-line     10 MB line
#   check-police-snapshots    four 30,000-unit national models
#   chart-schema-*            national models (schema charts)
skip="bad-cycle-of-200000 bad-ten-megabyte-line check-police-snapshots
      chart-schema-2017 chart-schema-2018 chart-schema-2025-03 chart-schema-2025-07"
vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"
vg="$vg --show-leak-kinds=definite --track-origins=yes --num-callers=30"
vg="$vg --suppressions=$root/tests/valgrind.supp --log-file=$work/logs/vg.%p"
cat >"$work/orgraph" <<W
#!/bin/sh
exec $vg $bin "\$@"
W
chmod +x "$work/orgraph"

if [ $# -gt 0 ]; then cases=$*; else cases=$(ls tests/cli/cases); fi
run_case() {
  name=$1
  start=$(date +%s)
  if tests/cli/run.sh "$work/orgraph" "tests/cli/cases/$name" >"$work/results/$name.out" 2>&1; then
    echo "ok   $name ($(( $(date +%s) - start )) s)"
  else
    echo "FAIL $name ($(( $(date +%s) - start )) s)"
    touch "$work/results/$name.fail"
  fi
}
n=0
for c in $cases; do
  case " $(echo $skip) " in *" $c "*) echo "skip $c (slow under valgrind)"; continue ;; esac
  run_case "$c" &
  n=$((n + 1))
  if [ $((n % jobs)) -eq 0 ]; then wait; fi
done
wait
# the fuzz reproducers, through the replay drivers
for t in build/tests/fuzz/replay_*; do
  [ -x "$t" ] || continue
  target=${t##*/replay_}
  [ -d tests/fuzz/regressions/$target ] || continue
  if $vg "$t" tests/fuzz/regressions/$target >"$work/results/replay-$target.out" 2>&1; then
    echo "ok   replay $target"
  else
    echo "FAIL replay $target"
    touch "$work/results/replay-$target.fail"
  fi
done
status=0
for f in "$work"/results/*.fail; do
  [ -e "$f" ] || continue
  status=1
  cat "${f%.fail}.out"
done
for log in "$work"/logs/vg.*; do
  [ -s "$log" ] || continue
  status=1
  echo "---- valgrind report ($log):"
  cat "$log"
done
[ $status -eq 0 ] && echo "valgrind: clean" || echo "valgrind: FAILED"
exit $status
