#!/bin/sh
# bench-analyze.sh: times `orgraph analyze DIR --format json` on a generated
# police-shaped organization (scripts/gen-org.py), from reading the CSV to
# printing the summary. Budget (issue 4): 1,000,000 units under 1.5 s and
# 500 MB. Results go in docs/analyses.md.
# usage: scripts/bench-analyze.sh [ORGRAPH] [UNITS] [RUNS]
set -eu
ORGRAPH=${1:-build/src/orgraph}
UNITS=${2:-1000000}
RUNS=${3:-3}
DIR=${TMPDIR:-/tmp}/orgraph-bench-$UNITS
if [ ! -f "$DIR/units.csv" ]; then
  python3 "$(dirname "$0")/gen-org.py" --units "$UNITS" --out "$DIR"
fi
echo "units: $UNITS ($(wc -l < "$DIR/links.csv") - 1 coordination links), $(nproc) cores"
i=0
while [ "$i" -lt "$RUNS" ]; do
  /usr/bin/time -f 'analyze --format json: %e s %M KB' \
    "$ORGRAPH" analyze "$DIR" --format json > /dev/null
  /usr/bin/time -f 'info (load only):      %e s %M KB' \
    "$ORGRAPH" info "$DIR" --format json > /dev/null
  i=$((i + 1))
done
