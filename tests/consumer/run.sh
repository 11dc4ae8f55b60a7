#!/bin/sh
# Install the built library into a temporary prefix, then build the C example
# the two ways a user does: `pkg-config --cflags --libs inami`, and CMake's
# find_package(inami). Both programs must print the 2022 physiotherapist case.
# Usage: run.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
libdir=$(ls -d "$tmp"/prefix/lib* | head -n 1)
export PKG_CONFIG_PATH="$libdir/pkgconfig"
# shellcheck disable=SC2046
cc -Wall -Wextra -o "$tmp/example" "$src/examples/c/example.c" $(pkg-config --cflags --libs inami) -Wl,-rpath,"$libdir"
out=$("$tmp/example")
echo "$out"
case "$out" in *"amount: EUR 1790.34"*) ;; *) echo "pkg-config build: unexpected output" >&2; exit 1;; esac
cmake -S "$src/tests/consumer" -B "$tmp/consumer" -DCMAKE_PREFIX_PATH="$tmp/prefix" -DEXAMPLE="$src/examples/c/example.c" \
	-DCMAKE_BUILD_RPATH="$libdir" >/dev/null
cmake --build "$tmp/consumer" >/dev/null
out=$("$tmp/consumer/consumer")
case "$out" in *"amount: EUR 1790.34"*) ;; *) echo "find_package build: unexpected output" >&2; exit 1;; esac
# The installed shared library carries the ABI SONAME.
readelf -d "$libdir/libinami.so" | grep -q 'SONAME.*libinami.so.1' || { echo "SONAME is not libinami.so.1" >&2; exit 1; }
echo "installed library OK: pkg-config and find_package consumers print the expected amount"
