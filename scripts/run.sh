#!/bin/sh
# The main job on the bundled models: builds orgraph, checks every bundled
# model, then writes the HTML report on the four Viet Nam police snapshots
# (2017, 2018, 1 March 2025, 1 July 2025) to report.html, and prints where.
# usage: scripts/run.sh [OUT.html]     (after scripts/setup.sh)
set -eu
cd "$(dirname "$0")/.."
out=${1:-report.html}
scripts/build.sh
o=build/src/orgraph
$o check models/tour/org.dot models/vn-police/2017 models/vn-police/2018 \
         models/vn-police/2025-03 models/vn-police/2025-07
$o report --transition models/vn-police/transition-2025-07.csv -o "$out" \
   models/vn-police/2017 models/vn-police/2018 \
   models/vn-police/2025-03 models/vn-police/2025-07
echo "wrote $out ($(wc -c <"$out") bytes): open it in a browser, e.g. file://$(realpath "$out")"
