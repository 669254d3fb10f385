#!/bin/sh
# bench.sh: orgraph against networkx, python-igraph and Graphviz dot, side by
# side, on the same generated files in the same run (issue 8).
#
# usage: scripts/bench.sh [--sizes 3400,10800,100000,1000000] [--quick]
#                         [--work DIR] [--md FILE] [--keep]
#   --quick   the smallest size only (3400 units), for CI
#   --work    where the inputs and outputs go (default $TMPDIR/orgraph-bench8;
#             inputs are generated once and reused by later runs)
#   --md      also write the table as Markdown to FILE (default WORK/results.md)
# Environment: ORGRAPH (default build/src/orgraph, built if missing).
#
# It installs python3-networkx, python3-igraph and graphviz with apt-get when
# they are missing (Debian's packages, run with /usr/bin/python3), generates
# police-shaped organizations with scripts/gen-org.py --departments 30, and
# for each size times, with /usr/bin/time -f '%e %M' (median of 3 runs; at
# 1,000,000 units, 1 run for the DOT and GraphML inputs; wall time read in
# ms around /usr/bin/time, whose %e has a resolution of 10 ms):
#  (a) the analysis job (load, chain of every unit, span bands, units per
#      layer): orgraph analyze DIR --format json, scripts/bench/nx_analyze.py,
#      scripts/bench/ig_analyze.py (each also with --ids-only), and the floor
#      (build/tests/bench_floor: read units.csv once, one BFS). All must
#      agree on units per layer and span bands, or the script fails.
#  (b) sizes <= 10,800: orgraph chart --line command against dot -Tsvg on the
#      same view exported to DOT; every unit id must be in orgraph's SVG.
#  (c) orgraph info (load only) and orgraph check on the CSV directory, the
#      DOT file and the GraphML file; for DOT also cgraph's agread alone
#      (build/tests/bench_agread; its ratio is to orgraph info).
#  (d) at the largest size: orgraph restructure (abolish kind district-police)
#      and orgraph compare of the two snapshots, when the build has them.
# Ratios are peer / orgraph, for wall time and for peak memory; cpu (user +
# system seconds, median) is printed too, as it suffers less from other load.
set -eu
cd "$(dirname "$0")/.."
SIZES=3400,10800,100000,1000000
W=${TMPDIR:-/tmp}/orgraph-bench8
MD=
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) SIZES=$2; shift 2 ;;
    --quick) SIZES=3400; shift ;;
    --work) W=$2; shift 2 ;;
    --md) MD=$2; shift 2 ;;
    -h|--help) sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$W"
MD=${MD:-$W/results.md}
O=${ORGRAPH:-build/src/orgraph}
PY=/usr/bin/python3          # Debian's python3, with Debian's networkx and igraph
FLOOR=build/tests/bench_floor

# --- peers: install what is missing ------------------------------------------
need=
$PY -c 'import networkx' 2>/dev/null || need="$need python3-networkx"
$PY -c 'import igraph' 2>/dev/null || need="$need python3-igraph"
command -v dot >/dev/null 2>&1 || need="$need graphviz"
[ -x /usr/bin/time ] || need="$need time"
if [ -n "$need" ]; then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  echo "installing:$need"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null ||
    { $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends $need >/dev/null; }
fi
[ -x "$O" ] || scripts/build.sh
[ -x "$FLOOR" ] || cmake --build build --target bench_floor >/dev/null
[ -x build/tests/bench_agread ] || cmake --build build --target bench_agread >/dev/null

# --- helpers -------------------------------------------------------------------
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

# measure RUNS OUTFILE CMD...: runs CMD RUNS times (stdout to OUTFILE, stderr
# to OUTFILE.err); sets T (median seconds) and M (median peak MB). Fails
# loudly when CMD fails.
measure() {
  runs=$1 out=$2; shift 2
  : > "$W/.runs"
  i=0
  while [ "$i" -lt "$runs" ]; do
    t0=$(date +%s%N)
    if ! /usr/bin/time -f '%e %M %U %S' -o "$W/.t" "$@" > "$out" 2> "$out.err"; then
      echo "bench.sh: FAILED: $*" >&2; cat "$out.err" >&2; tail -2 "$W/.t" >&2; exit 1
    fi
    t1=$(date +%s%N)
    # %e has a resolution of 10 ms: the wall time is read around it, in ms
    tail -1 "$W/.t" | awk -v ns=$((t1 - t0)) '{printf "%.3f %s %.2f\n", ns / 1e9, $2, $3 + $4}' >> "$W/.runs"
    i=$((i + 1))
  done
  T=$(awk '{print $1}' "$W/.runs" | median)
  M=$(awk '{printf "%.0f\n", $2 / 1024}' "$W/.runs" | median)
  C=$(awk '{print $3}' "$W/.runs" | median)
}

# row JOB SIZE TOOL [BASE_T BASE_M]: records T and M (and ratios to the base)
row() {
  job=$1 size=$2 tool=$3 bt=${4:-} bm=${5:-}
  if [ -n "$bt" ]; then
    rt=$(awk -v a="$T" -v b="$bt" 'BEGIN {printf (b > 0 ? "%.1fx" : "-"), a / b}')
    rm_=$(awk -v a="$M" -v b="$bm" 'BEGIN {printf (b > 0 ? "%.1fx" : "-"), a / b}')
  else
    rt=- rm_=-
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$job" "$size" "$tool" "$T" "$M" "$rt" "$rm_" "$C" >> "$W/rows.tsv"
  printf '  %-50s %8s s %7s MB  %8s %8s %8s s\n' "$tool" "$T" "$M" "$rt" "$rm_" "$C"
}

# summary FILE: "units_per_layer | span_bands" of a JSON summary (orgraph's
# analyze JSON: its command line)
summary() {
  $PY - "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
if "lines" in d:
    d = [l for l in d["lines"] if l["line"] == "command"][0]
    d["span_bands"] = d["overall"]["span_bands"]
print(d["units_per_layer"], "|", [d["span_bands"][b] for b in ("1", "2-3", "4-7", "8-12", "13-16", "17+")])
PY
}

# --- run -------------------------------------------------------------------------
: > "$W/rows.tsv"
: > "$W/floor.tsv"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
machine="$(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GiB, Linux $(uname -r)"
versions="orgraph $(git rev-parse --short HEAD 2>/dev/null || echo '?'), networkx $($PY -c 'import networkx; print(networkx.__version__)'), python-igraph $($PY -c 'import igraph; print(igraph.__version__)'), Graphviz $(dot -V 2>&1 | sed 's/.*version \([^ ]*\).*/\1/'), Python $($PY -c 'import platform; print(platform.python_version())')"
echo "machine: $machine"
echo "versions: $versions"
echo "load average at start: $load_start"
largest=$(echo "$SIZES" | tr ',' '\n' | sort -n | tail -1)

for n in $(echo "$SIZES" | tr ',' ' '); do
  d=$W/org-$n
  if [ ! -f "$d/units.csv" ]; then
    python3 scripts/gen-org.py --units "$n" --departments 30 --out "$d.tmp" >/dev/null
    rm -rf "$d"; mv "$d.tmp" "$d"
  fi
  [ -f "$d.dot" ] || { $O convert "$d" "$d.tmp.dot" && mv "$d.tmp.dot" "$d.dot"; }
  [ -f "$d.graphml" ] || { $O convert "$d" "$d.tmp.graphml" && mv "$d.tmp.graphml" "$d.graphml"; }
  runs=3
  big=1; [ "$n" -ge 1000000 ] || big=3      # runs for the DOT and GraphML inputs
  echo "== $n units ($(($(wc -l < "$d/links.csv") - 1)) coordination links), load average $(cut -d' ' -f1 /proc/loadavg)"
  printf '  %-50s %10s %10s  %8s %8s %10s\n' "" "time" "peak" "t ratio" "m ratio" "cpu"

  echo " (a) analysis job: load, chain of every unit, span bands, units per layer"
  measure $runs "$W/a-og.json" $O analyze "$d" --format json
  ot=$T om=$M oc=$C; row a "$n" "orgraph analyze --format json"
  measure $runs "$W/a-floor.json" $FLOOR "$d/units.csv"
  steps=$(sed -n 's/^floor: //p' "$W/a-floor.json.err")   # of the last run
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$ot" "$om" "$T" "$M" "$steps" "$oc" "$C" >> "$W/floor.tsv"
  row a "$n" "floor (read units.csv once, one BFS)" "$ot" "$om"
  echo "    floor, in-process, last run: $steps"
  measure $runs "$W/a-nx.json" $PY scripts/bench/nx_analyze.py "$d"
  row a "$n" "networkx" "$ot" "$om"
  measure $runs "$W/a-nx-ids.json" $PY scripts/bench/nx_analyze.py --ids-only "$d"
  row a "$n" "networkx --ids-only" "$ot" "$om"
  measure $runs "$W/a-ig.json" $PY scripts/bench/ig_analyze.py "$d"
  row a "$n" "python-igraph" "$ot" "$om"
  measure $runs "$W/a-ig-ids.json" $PY scripts/bench/ig_analyze.py --ids-only "$d"
  row a "$n" "python-igraph --ids-only" "$ot" "$om"
  want=$(summary "$W/a-og.json")
  for t in floor nx nx-ids ig ig-ids; do
    got=$(summary "$W/a-$t.json")
    if [ "$got" != "$want" ]; then
      echo "bench.sh: MISMATCH at $n units: orgraph says $want, $t says $got" >&2
      exit 1
    fi
  done
  echo "  all agree: units per layer | span bands = $want"

  if [ "$n" -le 10800 ]; then
    echo " (b) chart of the command line"
    measure $runs "$W/b-og.out" $O chart "$d" --line command -o "$W/b-og.svg"
    ot=$T om=$M; row b "$n" "orgraph chart --line command -o x.svg"
    $O chart "$d" --line command --layout dot -o "$W/b-view.dot"
    measure $runs "$W/b-dot.out" dot -Tsvg "$W/b-view.dot" -o "$W/b-dot.svg"
    row b "$n" "dot -Tsvg (the same view exported to DOT)" "$ot" "$om"
    cut -d, -f1 "$d/units.csv" | tail -n +2 | sort -u > "$W/b-ids"
    sed -n 's/.*<title>\([^<]*\)<\/title>.*/\1/p' "$W/b-og.svg" | sed 's/&#45;/-/g' | sort -u > "$W/b-titles"
    missing=$(comm -23 "$W/b-ids" "$W/b-titles" | wc -l)
    echo "  units: $(wc -l < "$W/b-ids"), missing from orgraph's SVG: $missing"
    if [ "$missing" -ne 0 ]; then
      echo "bench.sh: orgraph's chart lacks $missing units" >&2; exit 1
    fi
  fi

  echo " (c) load only (orgraph info) and check (orgraph check)"
  for f in csv dot graphml; do
    case $f in csv) in=$d r=$runs ;; dot) in=$d.dot r=$big ;; graphml) in=$d.graphml r=$big ;; esac
    measure "$r" "$W/c.out" $O info "$in"
    row c "$n" "orgraph info, $f"
    it=$T im=$M
    measure "$r" "$W/c.out" $O check "$in"
    row c "$n" "orgraph check, $f"
    if [ $f = dot ]; then       # the floor of DOT loading: cgraph alone
      measure "$r" "$W/c.out" build/tests/bench_agread "$in"
      row c "$n" "cgraph agread + agclose alone (bench_agread)" "$it" "$im"
    fi
  done

  if [ "$n" = "$largest" ]; then
    echo " (d) restructure and compare, two $n-unit snapshots"
    if $O help restructure >/dev/null 2>&1 && $O help compare >/dev/null 2>&1; then
      printf 'abolish kind district-police\n' > "$W/plan.txt"
      rm -rf "$W/after-$n"
      measure 1 "$W/d.out" $O restructure "$d" "$W/plan.txt" -o "$W/after-$n"
      row d "$n" "orgraph restructure (abolish kind district-police)"
      # compare exits 1 when the snapshots differ, which they must here
      measure 1 "$W/d.out" sh -c '"$0" compare "$1" "$2"; [ $? -le 1 ]' $O "$d" "$W/after-$n"
      row d "$n" "orgraph compare BEFORE AFTER"
    else
      echo "  skipped: not available in this build (orgraph help compare/restructure fails)"
      printf 'd\t%s\torgraph restructure + compare\tskipped: not available in this build\t\t\t\t\n' "$n" >> "$W/rows.tsv"
    fi
  fi
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
echo "load average at end: $load_end"

# --- the Markdown table ------------------------------------------------------------
{
  echo "Produced by \`scripts/bench.sh --sizes $SIZES\` on $(date -u +%Y-%m-%d)."
  echo "Machine: $machine. $versions."
  echo "Load average (1, 5, 15 min) at start: $load_start; at end: $load_end."
  echo "Times are medians of 3 runs (1 run for DOT and GraphML at 1,000,000 units, and for (d)); peak memory is the maximum resident set size."
  echo "Ratios are the tool's figure over orgraph's (above 1: orgraph is faster or smaller). cpu is user + system time (median), less disturbed than wall time by other load."
  echo
  echo "| job | units | tool | time (s) | peak (MB) | time ratio | memory ratio | cpu (s) |"
  echo "|---|--:|---|--:|--:|--:|--:|--:|"
  awk -F'\t' '{
    j = $1 == "a" ? "(a) analysis" : $1 == "b" ? "(b) chart" : $1 == "c" ? "(c) load/check" : "(d) restructure/compare"
    printf "| %s | %\047d | %s | %s | %s | %s | %s | %s |\n", j, $2, $3, $4, $5, $6, $7, $8 }' "$W/rows.tsv"
  echo
  echo "| units | orgraph analyze (s) | floor (s) | orgraph / floor | cpu: orgraph / floor (s) | orgraph (MB) | floor (MB) | floor's steps, in-process (last run) |"
  echo "|--:|--:|--:|--:|--:|--:|--:|---|"
  awk -F'\t' '{ printf "| %\047d | %s | %s | %s | %s / %s | %s | %s | %s |\n", $1, $2, $4, ($4 > 0 ? sprintf("%.1fx", $2 / $4) : "-"), $7, $8, $3, $5, $6 }' "$W/floor.tsv"
} > "$MD"
echo
echo "orgraph analyze / floor:"
awk -F'\t' '{ printf "  %8d units: %s s / %s s = %s\n", $1, $2, $4, ($4 > 0 ? sprintf("%.1fx", $2 / $4) : "-") }' "$W/floor.tsv"
echo "Markdown table: $MD"
