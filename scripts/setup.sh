#!/bin/sh
# Installs, from Debian's archive, everything orgraph needs to build, test and run.
# Usage: sudo scripts/setup.sh        (idempotent; safe to run again)
set -eu
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
PKGS="build-essential cmake pkg-config git
  libigraph-dev libgraphviz-dev graphviz
  libjansson-dev check
  python3 python3-networkx python3-igraph fonts-noto-core fonts-dejavu-core strace
  clang-14 libclang-rt-14-dev valgrind
  chromium python3-websocket"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
