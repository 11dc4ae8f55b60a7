#!/bin/sh
# A fuzzing campaign on one libFuzzer harness (docs/reliability.md):
#   sh tools/fuzz.sh NAME SECONDS [JOBS]
# NAME: rules, nomenclature, billing_csv, products or dossier (tests/fuzz/fuzz_NAME.c).
# Builds the harnesses with clang in build-fuzz/ (INAMI_FUZZ=ON: libFuzzer +
# ASan + UBSan), fuzzes for SECONDS starting from the committed corpus and
# the seeds made from the data files, then minimises everything into
# tests/fuzz/corpus/NAME/ (-merge=1, edge coverage) so that it can be committed;
# the full working corpus stays in build-fuzz/fuzz-work/NAME/ for the next run.
# JOBS (default 1) parallel fuzzing processes. Crashes, leaks and timeouts
# are written to build-fuzz/fuzz-artifacts/NAME/ and make the script fail.
# Environment: INAMI_FUZZ_BUILD (build dir), INAMI_FUZZ_MERGE=0 (keep the
# committed corpus as it is), INAMI_FUZZ_MAX_LEN (default 4096 bytes).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
NAME=${1:?usage: sh tools/fuzz.sh NAME SECONDS [JOBS]}
SECONDS_=${2:?usage: sh tools/fuzz.sh NAME SECONDS [JOBS]}
JOBS=${3:-1}
BUILD=${INAMI_FUZZ_BUILD:-$ROOT/build-fuzz}
MAX_LEN=${INAMI_FUZZ_MAX_LEN:-4096}
[ -f "$ROOT/tests/fuzz/fuzz_$NAME.c" ] || { echo "fuzz.sh: no harness tests/fuzz/fuzz_$NAME.c" >&2; exit 2; }

if [ ! -f "$BUILD/CMakeCache.txt" ]; then
	CC=${CC:-clang} cmake -S "$ROOT" -B "$BUILD" -DINAMI_FUZZ=ON -DINAMI_PYTHON=OFF -DINAMI_JAVA=OFF \
		-DCMAKE_BUILD_TYPE=RelWithDebInfo > "$BUILD.configure.log" 2>&1 ||
		{ cat "$BUILD.configure.log" >&2; exit 1; }
fi
BIN=$BUILD/tests/fuzz/fuzz_$NAME
if ! cmake --build "$BUILD" -j2 --target "fuzz_$NAME" > "$BUILD/fuzz-build-$NAME.log" 2>&1; then
	# the tree is shared with people editing it: fuzz the last good build rather than nothing
	[ -x "$BIN" ] || { cat "$BUILD/fuzz-build-$NAME.log" >&2; exit 1; }
	echo "fuzz.sh: the build failed (see $BUILD/fuzz-build-$NAME.log); fuzzing the previous binary" >&2
fi
CORPUS=$ROOT/tests/fuzz/corpus/$NAME
WORK=$BUILD/fuzz-work/$NAME
ART=$BUILD/fuzz-artifacts/$NAME
SEEDS=$BUILD/fuzz-seeds
mkdir -p "$CORPUS" "$WORK" "$ART"
[ -d "$SEEDS/$NAME" ] || sh "$ROOT/tests/fuzz/make_seeds.sh" "$SEEDS" > /dev/null

cd "$WORK"   # libFuzzer writes fuzz-N.log here with -jobs
set +e
if [ "$JOBS" -gt 1 ]; then
	"$BIN" -max_total_time="$SECONDS_" -max_len="$MAX_LEN" -timeout=10 -rss_limit_mb=2048 \
		-jobs="$JOBS" -workers="$JOBS" -artifact_prefix="$ART/" -print_final_stats=1 \
		"$WORK" "$CORPUS" "$SEEDS/$NAME"
else
	"$BIN" -max_total_time="$SECONDS_" -max_len="$MAX_LEN" -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$ART/" -print_final_stats=1 \
		"$WORK" "$CORPUS" "$SEEDS/$NAME"
fi
rc=$?
set -e

if [ "${INAMI_FUZZ_MERGE:-1}" = 1 ]; then
	NEW=$BUILD/fuzz-merge/$NAME
	rm -rf "$NEW" && mkdir -p "$NEW"
	# -use_counters=0: keep the smallest set of inputs that reaches every edge the
	# whole corpus reaches (hit-count variety stays in $WORK for the next campaign)
	"$BIN" -merge=1 -use_counters=0 -max_len="$MAX_LEN" -timeout=10 "$NEW" "$CORPUS" "$WORK" "$SEEDS/$NAME" \
		> "$BUILD/fuzz-merge-$NAME.log" 2>&1
	if [ "$(ls "$NEW" | wc -l)" -gt 0 ]; then
		rm -f "$CORPUS"/*
		cp "$NEW"/* "$CORPUS"/
	fi
	echo "fuzz.sh: corpus $CORPUS: $(ls "$CORPUS" | wc -l) files, $(du -sk "$CORPUS" | cut -f1) KiB"
fi
if [ "$rc" -ne 0 ] || [ -n "$(ls "$ART")" ]; then
	echo "fuzz.sh: $NAME found problems (exit $rc); inputs in $ART:" >&2
	ls "$ART" >&2
	exit 1
fi
echo "fuzz.sh: $NAME: no crash in $SECONDS_ s"
