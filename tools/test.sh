#!/bin/sh
# Every test (C, command line, Python, Java) through ctest, from a build in build/.
set -eu
cd "$(dirname "$0")/.."
# The bindings are required here (not AUTO): a missing tool fails instead of skipping tests.
cmake -S . -B build -DINAMI_PYTHON=ON -DINAMI_JAVA=ON
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j2
