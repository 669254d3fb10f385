#!/bin/sh
# Runs one CLI golden case: tests/cli/cases/NAME/cmd is a shell script run
# from the repository root with $ORGRAPH set to the binary and $TMP to a fresh
# scratch directory; its stdout, stderr and exit status must equal the files
# stdout, stderr (when present) and status. UPDATE=1 rewrites them instead.
# usage: tests/cli/run.sh ORGRAPH CASE_DIR
set -u
ORGRAPH=$(realpath "$1")
case_dir=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export ORGRAPH TMP
sh "$case_dir/cmd" >"$TMP/.stdout" 2>"$TMP/.stderr"
echo $? >"$TMP/.status"
if [ "${UPDATE:-0}" = 1 ]; then
  cp "$TMP/.stdout" "$case_dir/stdout"
  cp "$TMP/.stderr" "$case_dir/stderr"
  cp "$TMP/.status" "$case_dir/status"
  exit 0
fi
fail=0
for f in stdout stderr status; do
  [ -f "$case_dir/$f" ] || continue
  if ! diff -u "$case_dir/$f" "$TMP/.$f" >"$TMP/.diff"; then
    echo "$(basename "$case_dir"): $f differs:"
    cat "$TMP/.diff"
    fail=1
  fi
done
exit $fail
