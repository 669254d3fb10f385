#!/bin/sh
# Browser tests of `orgraph report` in headless Chromium (Debian's chromium
# and python3-websocket; see tests/browser/README.md). Prints PASS/FAIL per
# check; exits 1 if any failed, 77 (skipped) if Chromium is not installed.
# usage: tests/browser/run.sh ORGRAPH [SCREENSHOT.png]
set -u
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 ORGRAPH [SCREENSHOT.png]" >&2
  exit 2
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "SKIP browser tests: /usr/bin/chromium is missing (apt-get install chromium python3-websocket)"
  exit 77
fi
here=$(dirname "$0")
orgraph=$(realpath "$1")
shot=""
[ $# -eq 2 ] && shot="--screenshot $(realpath "$2")"
cd "$here/../.." || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/report" "$tmp/hostile"
status=0
# shellcheck disable=SC2086 # $shot is empty or two words
/usr/bin/python3 tests/browser/test_report.py "$orgraph" "$tmp/report" $shot || status=1
/usr/bin/python3 tests/browser/test_hostile.py "$orgraph" "$tmp/hostile" || status=1
if [ $status -eq 0 ]; then echo "PASS browser tests"; else echo "FAIL browser tests"; fi
exit $status
