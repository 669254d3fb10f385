#!/bin/sh
# bench-report.sh: times `orgraph report` on the four bundled police
# snapshots and on generated 1,000,000-unit snapshots (one; two without and
# with the search), then opens the police page in headless Chromium and
# times its load and a few searches. Results go in docs/report.md.
# usage: scripts/bench-report.sh [ORGRAPH] [UNITS] [RUNS]
set -eu
cd "$(dirname "$0")/.."
ORGRAPH=$(realpath "${1:-build/src/orgraph}")
UNITS=${2:-1000000}
RUNS=${3:-3}
DIR=${TMPDIR:-/tmp}/orgraph-bench-$UNITS
AFTER=${TMPDIR:-/tmp}/orgraph-bench-$UNITS-after
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
if [ ! -f "$DIR/units.csv" ]; then
  /usr/bin/python3 scripts/gen-org.py --units "$UNITS" --out "$DIR"
fi
if [ ! -f "$AFTER/units.csv" ]; then
  printf 'abolish level district\nset title "after"\n' > "$OUT/abolish.plan"
  "$ORGRAPH" restructure "$DIR" "$OUT/abolish.plan" -o "$AFTER/"
fi
size() { echo "page $(wc -c <"$1") bytes"; }
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
police="models/vn-police/2017 models/vn-police/2018 models/vn-police/2025-03 models/vn-police/2025-07"
i=0
while [ "$i" -lt "$RUNS" ]; do
  # shellcheck disable=SC2086
  /usr/bin/time -f 'police, 4 snapshots:            %e s %M KB' \
    "$ORGRAPH" report --transition models/vn-police/transition-2025-07.csv \
    -o "$OUT/police.html" $police
  size "$OUT/police.html"
  /usr/bin/time -f "1 x $UNITS units:             %e s %M KB" \
    "$ORGRAPH" report -o "$OUT/one.html" "$DIR"
  size "$OUT/one.html"
  /usr/bin/time -f "2 x $UNITS units, no search:  %e s %M KB" \
    "$ORGRAPH" report -o "$OUT/two.html" "$DIR" "$AFTER" 2>&1 | grep -v '^orgraph: note'
  size "$OUT/two.html"
  /usr/bin/time -f "2 x $UNITS units, search:     %e s %M KB" \
    "$ORGRAPH" report --search-max 0 -o "$OUT/two.html" "$DIR" "$AFTER"
  size "$OUT/two.html"
  i=$((i + 1))
done
# the police page in Chromium: load, then searches (the first builds the
# folded names)
[ -x /usr/bin/chromium ] || { echo "no /usr/bin/chromium: browser timings skipped"; exit 0; }
/usr/bin/python3 - "$OUT/police.html" <<'PY'
import sys, time
sys.path.insert(0, 'tests/browser')
from cdp import Browser
with Browser(deadline=120) as b:
    t0 = time.time()
    b.open('file://' + sys.argv[1])
    b.poll("document.readyState === 'complete'")
    print('browser: police page loaded in %.2f s' % (time.time() - t0))
    for q in ['Hon Tre', 'xa', 'cong an', 'Phuong 1', 'Hon Tre']:
        ms = b.eval("""(function () { var i = document.getElementById('search');
            var t = performance.now(); i.value = %r;
            i.dispatchEvent(new Event('input')); return performance.now() - t; })()""" % q)
        print('browser: search %-10r %5.0f ms  %s' % (q, ms,
              b.eval("document.getElementById('search-status').textContent")))
PY
