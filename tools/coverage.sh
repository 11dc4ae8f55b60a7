#!/bin/sh
# Line coverage of the library (docs/reliability.md):
#   sh tools/coverage.sh          # prints the per-file table and the total for libinami/src/
# Builds with INAMI_COVERAGE=ON (gcc --coverage -O0, atomic counters since
# threads share them) in build-cov/ (INAMI_COV_BUILD to change it), runs every C-side ctest test (C suites, command line, bad
# input, fuzz-corpus replay; the bindings are off), then runs gcovr on the
# library sources. INAMI_COV_HTML=FILE also writes an HTML report.
# The target is >= 90% of lines; the script fails if a test fails.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${INAMI_COV_BUILD:-$ROOT/build-cov}
JOBS=${JOBS:-2}
command -v gcovr > /dev/null || { echo "coverage.sh: gcovr is not installed (apt-get install gcovr)" >&2; exit 1; }

cmake -S "$ROOT" -B "$BUILD" -DINAMI_COVERAGE=ON -DINAMI_PYTHON=OFF -DINAMI_JAVA=OFF \
	-DCMAKE_C_FLAGS=-fprofile-update=atomic \
	-DCMAKE_BUILD_TYPE=Debug > /dev/null
cmake --build "$BUILD" -j"$JOBS" > /dev/null
find "$BUILD" -name '*.gcda' -delete   # counts from this run only
set +e
ctest --test-dir "$BUILD" -j"$JOBS" --output-on-failure
rc=$?
set -e
set -- gcovr --root "$ROOT" --filter "$ROOT/libinami/src/" --exclude-unreachable-branches "$BUILD"
if [ -n "${INAMI_COV_HTML:-}" ]; then
	"$@" --html-details "$INAMI_COV_HTML" > /dev/null
fi
"$@"
[ "$rc" -eq 0 ] || echo "coverage.sh: some tests failed (ctest exit $rc)" >&2
exit "$rc"
