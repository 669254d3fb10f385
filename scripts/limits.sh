#!/bin/sh
# Limits: a chain 1,000,000 deep and a span 1,000,000 wide are checked and
# analysed (summary and per unit) without recursion overflow, within memory
# and in linear time; their charts are refused with a clear message (more
# than OG_CHART_MAX_UNITS), and a 200,000-unit chain and span, the largest
# charts allowed, are drawn with the compact layout. Each run is
# under `ulimit -v` (address space; MEM_MB, default 4096) and a wall-clock
# limit (LIMIT_S, default 120 s); the script prints the time and peak memory
# of each and exits 1 when one fails, overruns or is killed.
# usage: scripts/limits.sh [WORKDIR]       (after scripts/build.sh)
#        ORGRAPH=path/to/orgraph N=1000000 scripts/limits.sh
set -u
cd "$(dirname "$0")/.."
og=$(realpath "${ORGRAPH:-build/src/orgraph}")
n=${N:-1000000}
mem_mb=${MEM_MB:-4096}
limit_s=${LIMIT_S:-120}
work=${1:-$(mktemp -d)}
mkdir -p "$work"
python3 - "$work" "$n" <<'PY'
import sys
work, n = sys.argv[1], int(sys.argv[2])
with open(work + "/chain.csv", "w") as f:
    f.write("id,name,kind,level,parent\n")
    f.write("u0,Unit 0,office,l0,\n")
    for i in range(1, n):
        f.write("u%d,Unit %d,office,l%d,u%d\n" % (i, i, i % 7, i - 1))
with open(work + "/span.csv", "w") as f:
    f.write("id,name,kind,level,parent\n")
    f.write("top,Top,office,top,\n")
    for i in range(1, n):
        f.write("u%d,Unit %d,office,leaf,top\n" % (i, i))
# the largest charts drawn (OG_CHART_MAX_UNITS): the span overflowed the
# stack inside Graphviz before charts were rendered on a large one
k = 200000
with open(work + "/chain200k.csv", "w") as f:
    f.write("id,parent\nu0,\n")
    for i in range(1, k):
        f.write("u%d,u%d\n" % (i, i - 1))
with open(work + "/span200k.csv", "w") as f:
    f.write("id,parent\ntop,\n")
    for i in range(1, k):
        f.write("u%d,top\n" % i)
PY
fail=0
printf '%-8s %-34s %6s %9s %s\n' input command "wall s" "peak MB" result
for shape in chain span chain200k span200k; do
  cmds='check|analyze|analyze --per-unit --format csv|analyze --format json|chart --layout compact -o OUT.svg'
  case $shape in *200k) cmds='chart --layout compact -o OUT.svg' ;; esac
  IFS='|'
  # shellcheck disable=SC2086
  set -- $cmds
  unset IFS
  for cmd in "$@"; do
    out="$work/$shape.svg"
    args=$(echo "$cmd" | sed "s|OUT.svg|$out|")
    rm -f "$out"
    # shellcheck disable=SC2086
    ( ulimit -v $((mem_mb * 1024)); exec timeout "$limit_s" /usr/bin/time -f '%e %M' \
        -o "$work/time" "$og" $args "$work/$shape.csv" ) >"$work/out" 2>"$work/err"
    rc=$?
    t=$(tail -n 1 "$work/time" 2>/dev/null)
    wall=${t%% *}
    kb=${t##* }
    mb=$(( ${kb:-0} / 1024 ))
    # check finds no problem (0); a request that is refused must say why on
    # stderr (2: a chart over OG_CHART_MAX_UNITS; 3: input), anything else (a
    # signal, a timeout, a silent exit) is a failure
    case $rc in
      0) res=ok ;;
      1) res="ok (problems reported)" ;;
      2|3) if [ -s "$work/err" ]; then res="refused: $(head -n 1 "$work/err")"
           else res="FAILED (exit $rc, no message)"; fail=1; fi ;;
      *) res="FAILED (exit $rc): $(tail -n 2 "$work/err" | tr '\n' ' ')"; fail=1 ;;
    esac
    case $cmd in chart*) [ $rc -eq 0 ] && res="$res, $(wc -c <"$out") bytes of SVG" ;; esac
    printf '%-8s %-34s %6s %9s %s\n' "$shape" "$cmd" "${wall:-?}" "$mb" "$res"
  done
done
[ -n "${1:-}" ] || rm -rf "$work"
exit $fail
