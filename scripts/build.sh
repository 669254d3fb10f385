#!/bin/sh
# Configures and builds orgraph in build/ (warnings as errors).
# usage: scripts/build.sh [extra cmake options]
set -eu
cd "$(dirname "$0")/.."
cmake -S . -B build -DORGRAPH_WERROR=ON "$@" >/dev/null
cmake --build build -j"$(nproc)"
