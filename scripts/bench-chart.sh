#!/bin/sh
# bench-chart.sh: times `orgraph chart` against `dot -Tsvg` (docs/charts.md).
# Usage: scripts/bench-chart.sh [build/src/orgraph]
# 1. the 2018 national command chart to SVG, every unit id checked in the SVG;
# 2. the same view exported to DOT (`--layout dot --format dot`), then dot -Tsvg;
# 3. a synthetic 100,000-unit tree (1 -> 50 -> 2,000 -> 97,949 leaves).
# The `dot` program is run here only for the comparison.
set -eu
ORGRAPH=${1:-build/src/orgraph}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc; }

t0=$(now); "$ORGRAPH" chart models/vn-police/2018 --line command -o "$TMP/c.svg"; t1=$(now)
echo "orgraph chart 2018 --line command -> svg: $(secs "$t0" "$t1") s"
# every unit on the command line must appear as a node title in the SVG
awk -F, 'NR > 1 && $5 != "" { print $1; print $5 }' models/vn-police/2018/units.csv | sort -u > "$TMP/ids"
sed -n 's/.*<title>\([^&<]*\(&#45;[^&<]*\)*\)<\/title>.*/\1/p' "$TMP/c.svg" | sed 's/&#45;/-/g' | sort -u > "$TMP/titles"
missing=$(comm -23 "$TMP/ids" "$TMP/titles" | wc -l)
echo "units: $(wc -l < "$TMP/ids"), missing from the SVG: $missing"

"$ORGRAPH" chart models/vn-police/2018 --line command --layout dot -o "$TMP/c.dot"
t0=$(now); dot -Tsvg "$TMP/c.dot" -o "$TMP/d.svg"; t1=$(now)
echo "dot -Tsvg on the same view: $(secs "$t0" "$t1") s"

python3 - "$TMP/big" <<'PY'
import os, sys
d = sys.argv[1]; os.makedirs(d)
with open(os.path.join(d, "units.csv"), "w") as f:
    f.write("id,name,kind,level,parent\n")
    f.write("top,Top,ministry,central,\n")
    n = 1
    for i in range(50):
        f.write(f"r{i},Region {i},provincial-police,province,top\n"); n += 1
    for j in range(2000):
        f.write(f"d{j},District {j},district-police,district,r{j % 50}\n"); n += 1
    k = 0
    while n < 100000:
        f.write(f"c{k},Commune unit {k},commune-police,commune,d{k % 2000}\n"); n += 1; k += 1
PY
t0=$(now); "$ORGRAPH" chart "$TMP/big" -o "$TMP/big.svg"; t1=$(now)
echo "orgraph chart, 100,000 units -> svg: $(secs "$t0" "$t1") s ($(grep -c '<g id="node' "$TMP/big.svg") nodes)"
