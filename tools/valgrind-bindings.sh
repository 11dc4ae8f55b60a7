#!/bin/sh
# The Python and Java suites under valgrind memcheck (docs/reliability.md):
#   sh tools/valgrind-bindings.sh [python] [java]      # both by default
# Builds in build-vg/ (INAMI_VG_BUILD to change it) with both bindings on,
# runs each suite as ctest does but under memcheck, and fails when valgrind
# reports a definite leak with libinami or a SWIG wrapper (libinami.so,
# _inami_native*.so, libinami_java.so) anywhere on the allocating stack, or
# an invalid access in them. The JVM's own access noise is suppressed
# (tools/valgrind-bindings.supp); the interpreters' own leaks are ignored.
# Python runs with PYTHONMALLOC=malloc so that memcheck sees every object.
# The JVM runs interpreted (-Xint) with --smc-check=all-non-file: slow (about
# 10 minutes) but it works; ASan with libasan preloaded into the JVM finds
# memory errors but LeakSanitizer cannot stop a JVM's threads ("Tracer caught
# signal 11"), so it is no substitute for the leak check.
# Logs: build-vg/valgrind/{python,java}.log.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${INAMI_VG_BUILD:-$ROOT/build-vg}
SUPP=$ROOT/tools/valgrind-bindings.supp
WHAT=${*:-python java}
command -v valgrind > /dev/null || { echo "valgrind-bindings.sh: valgrind is not installed" >&2; exit 1; }

cmake -S "$ROOT" -B "$BUILD" -DINAMI_PYTHON=ON -DINAMI_JAVA=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
cmake --build "$BUILD" -j"${JOBS:-2}" > /dev/null
OUT=$BUILD/valgrind
mkdir -p "$OUT"
VG="valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite
	--num-callers=40 --error-limit=no --suppressions=$SUPP --gen-suppressions=no"

# report LOG NAME: print the records that involve libinami; exit 1 if any.
report() {
	python3 - "$1" "$2" <<'PY'
import re, sys
log, name = sys.argv[1], sys.argv[2]
records, cur = [], None
for raw in open(log, errors="replace"):
    m = re.match(r"==\d+== ?(.*)$", raw.rstrip("\n"))
    if not m:
        continue
    body = m.group(1)
    if body == "" or not body.startswith(" "):
        if cur:
            records.append(cur)
        cur = [body] if body else None
    elif cur is not None:
        cur.append(body)
if cur:
    records.append(cur)
ours = re.compile(r"libinami|_inami_native|inami_java|/libinami/src/|/bindings/|inami[A-Z]+_wrap[.]c")
kinds = ("definitely lost", "Invalid read", "Invalid write", "Invalid free", "uninitialised",
         "Conditional jump", "Mismatched free", "overlap", "Syscall param")
frame = re.compile(r"\s+(at|by) 0x")
found, other_leaks = [], 0
for r in records:
    if not any(k in r[0] for k in kinds):
        continue
    frames = [line for line in r[1:] if frame.match(line)]
    if "definitely lost" in r[0]:
        # a leak is ours when libinami or a wrapper is anywhere on the allocating stack
        # (a wrapper that never releases a JNI string leaks memory the JVM allocated)
        mine = any(ours.search(f) for f in frames)
    else:
        # an access error is ours when it happens in our code (the JVM's stack banging
        # in generated code runs under our frames when Java calls back)
        mine = bool(frames) and ours.search(frames[0]) is not None
    if mine:
        found.append(r)
    elif "definitely lost" in r[0]:
        other_leaks += 1
summary = [r[0] for r in records if r[0].startswith(("definitely lost:", "ERROR SUMMARY"))]
for r in found:
    print("\n".join(r[:30]))
    print("--")
print("%s: %d record(s) involving libinami; %d definite leak record(s) of the interpreter itself "
      "not suppressed (ignored). valgrind: %s" % (name, len(found), other_leaks, "; ".join(summary)))
sys.exit(1 if found else 0)
PY
}

status=0
for w in $WHAT; do
	case $w in
	python)
		PY=$(sed -n 's/^Python3_EXECUTABLE:[A-Z]*=//p' "$BUILD/CMakeCache.txt")
		echo "valgrind-bindings.sh: Python suite under memcheck (a few minutes)..."
		env PYTHONMALLOC=malloc PYTHONPATH="$BUILD/bindings/python" PYTHONDONTWRITEBYTECODE=1 \
			INAMI_CLI="$BUILD/examples/inami" INAMI_SOURCE_DIR="$ROOT" \
			$VG --log-file="$OUT/python.log" "${PY:-python3}" -m pytest -q -p no:cacheprovider \
			"$ROOT/bindings/python/tests" || { echo "python suite failed under valgrind" >&2; status=1; }
		report "$OUT/python.log" python || status=1
		;;
	java)
		J=$BUILD/bindings/java
		CP="$J/inami.jar:$J/inami-tests.jar:/usr/share/java/junit4.jar:/usr/share/java/hamcrest-core.jar"
		CLASSES=$(cd "$ROOT/bindings/java/tests" && find . -name '*Test.java' | sed 's|^\./||; s|\.java$||; s|/|.|g' | sort)
		echo "valgrind-bindings.sh: Java suite under memcheck (about 10 minutes)..."
		# shellcheck disable=SC2086
		$VG --smc-check=all-non-file --log-file="$OUT/java.log" \
			java -Xint -XX:+UseSerialGC -Xcheck:jni -cp "$CP" -Dinami.source.dir="$ROOT" \
			-Dinami.cli="$BUILD/examples/inami" org.junit.runner.JUnitCore $CLASSES ||
			{ echo "java suite failed under valgrind" >&2; status=1; }
		report "$OUT/java.log" java || status=1
		;;
	*) echo "valgrind-bindings.sh: unknown suite '$w' (python, java)" >&2; exit 2 ;;
	esac
done
exit "$status"
