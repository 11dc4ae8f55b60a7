#!/bin/sh
# Every test (C, command line, Python, Java) through ctest, from a build in build/.
set -eu
cd "$(dirname "$0")/.."
cmake -S . -B build
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j2
