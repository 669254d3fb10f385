#!/bin/sh
# bench-compare.sh: times `orgraph restructure` (abolish the district level of
# a generated 1,000,000-unit organization) and `orgraph compare` of the two
# snapshots, with and without the transition, and a timeline. Goal (issue 6):
# comparing two 1,000,000-unit snapshots in a few seconds. Results go in
# docs/restructure.md.
# usage: scripts/bench-compare.sh [ORGRAPH] [UNITS] [RUNS]
set -eu
ORGRAPH=${1:-build/src/orgraph}
UNITS=${2:-1000000}
RUNS=${3:-3}
DIR=${TMPDIR:-/tmp}/orgraph-bench-$UNITS
AFTER=${TMPDIR:-/tmp}/orgraph-bench-$UNITS-after
if [ ! -f "$DIR/units.csv" ]; then
  python3 "$(dirname "$0")/gen-org.py" --units "$UNITS" --out "$DIR"
fi
PLAN=${TMPDIR:-/tmp}/orgraph-bench-abolish.plan
printf '# benchmark: four levels become three\nabolish level district\nset title "after"\n' > "$PLAN"
echo "units: $UNITS, $(nproc) cores"
i=0
while [ "$i" -lt "$RUNS" ]; do
  rm -rf "$AFTER"
  /usr/bin/time -f 'restructure (abolish a level):  %e s %M KB' \
    "$ORGRAPH" restructure "$DIR" "$PLAN" -o "$AFTER/"
  /usr/bin/time -f 'compare by id:                  %e s %M KB' \
    "$ORGRAPH" compare "$DIR" "$AFTER" > /dev/null
  /usr/bin/time -f 'compare with the transition:    %e s %M KB' \
    "$ORGRAPH" compare --transition "$AFTER/transition.csv" "$DIR" "$AFTER" > /dev/null
  /usr/bin/time -f 'compare --format json:          %e s %M KB' \
    "$ORGRAPH" compare --format json "$DIR" "$AFTER" > /dev/null
  i=$((i + 1))
done
