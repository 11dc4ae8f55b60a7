#!/bin/sh
# Sanitizer build (docs/reliability.md): AddressSanitizer + UndefinedBehaviorSanitizer.
#   sh tools/sanitize.sh            # gcc (or $CC) in build-asan/
#   CC=clang sh tools/sanitize.sh   # clang in build-asan-clang/
# Configures with INAMI_SANITIZE=ON (the bindings off: their interpreters are
# not built with ASan), builds, and runs the C suites, the command-line tests,
# the bad-input corpus and the fuzz-corpus replay (ctest labels c, cli,
# badinput, fuzz). Leaks are errors (LeakSanitizer), so is any UB (no recovery).
# The build directory can be forced with INAMI_ASAN_BUILD.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
case ${CC:-} in
	*clang*) DEFAULT_BUILD=$ROOT/build-asan-clang ;;
	*) DEFAULT_BUILD=$ROOT/build-asan ;;
esac
BUILD=${INAMI_ASAN_BUILD:-$DEFAULT_BUILD}
JOBS=${JOBS:-2}

cmake -S "$ROOT" -B "$BUILD" -DINAMI_SANITIZE=ON -DINAMI_PYTHON=OFF -DINAMI_JAVA=OFF \
	-DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
cmake --build "$BUILD" -j"$JOBS"

# detect_leaks: LSan on (the default on x86-64 Linux, said explicitly);
# abort_on_error=0 so a report ends the process with a failing exit code.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# install_consumers is left out: it links the installed (instrumented) library
# into programs built without the sanitizer runtime, which cannot work.
ctest --test-dir "$BUILD" -L 'c|cli|badinput|fuzz' -E '^install_consumers$' --output-on-failure -j"$JOBS"
