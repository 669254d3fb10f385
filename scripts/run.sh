#!/bin/sh
# The main job on the bundled models: builds orgraph, then checks every
# bundled model and prints the summary of each police snapshot.
# usage: scripts/run.sh             (after scripts/setup.sh)
set -eu
cd "$(dirname "$0")/.."
scripts/build.sh
o=build/src/orgraph
$o check models/tour/org.dot models/vn-police/2017 models/vn-police/2018 \
         models/vn-police/2025-03 models/vn-police/2025-07
for s in 2017 2018 2025-03 2025-07; do
  echo
  $o info models/vn-police/$s
done
