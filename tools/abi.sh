#!/bin/sh
# ABI baseline of libinami (abigail-tools).
#   tools/abi.sh check BUILD_DIR    compare the built library with abi/libinami.abi:
#                                   fails on an incompatible change, reports additions
#   tools/abi.sh update BUILD_DIR   write a new baseline (only together with a SONAME
#                                   bump when the change is incompatible)
set -eu
mode=$1 build=$2
root=$(cd "$(dirname "$0")/.." && pwd)
lib=$(ls "$build"/libinami/libinami.so.* 2>/dev/null | grep -E 'libinami\.so\.[0-9]+$' | head -n 1)
[ -n "$lib" ] || { echo "abi: no libinami.so.N in $build/libinami" >&2; exit 2; }
baseline="$root/abi/libinami.abi"
case $mode in
update)
	# No build-machine paths in the baseline: no corpus or compilation directory, file names only.
	abidw --no-corpus-path --no-comp-dir-path --short-locs --headers-dir "$root/include/inami" \
		--out-file "$baseline" "$lib"
	echo "abi: wrote $baseline from $lib"
	;;
check)
	set +e
	abidiff --no-show-locs --suppressions "$root/abi/suppressions.ini" "$baseline" "$lib" > "$build/abidiff.txt" 2>&1
	rc=$?
	set -e
	cat "$build/abidiff.txt"
	# abidiff exit status is a bit field: 1 error, 2 usage, 4 ABI change, 8 incompatible change.
	# Only additions are allowed: a removed or changed function or variable (a public struct
	# whose layout changed shows as a changed function) breaks callers built against the baseline.
	if [ $((rc & 3)) -ne 0 ]; then echo "abi: abidiff failed ($rc)" >&2; exit 1; fi
	if [ $((rc & 8)) -ne 0 ] || grep -Eq 'summary: ([1-9][0-9]* Removed|[0-9]+ Removed[^,]*, [1-9][0-9]* Changed)' "$build/abidiff.txt"; then
		echo "abi: INCOMPATIBLE change against abi/libinami.abi: bump INAMI_SOVERSION and run 'tools/abi.sh update'" >&2
		exit 1
	fi
	[ $((rc & 4)) -ne 0 ] && echo "abi: compatible changes (additions) since the baseline"
	echo "abi: no incompatible change against the baseline (SONAME $(basename "$lib"))"
	;;
*)
	echo "usage: tools/abi.sh check|update BUILD_DIR" >&2
	exit 2
	;;
esac
