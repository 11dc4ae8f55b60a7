#!/bin/sh
# Every symbol of debian/libinami1.symbols is exported by the built libinami.so, and every exported
# symbol is in the file: a removed or renamed function fails here before it fails the package
# build, and a new one must be added with the version it appears in.
# Usage: symbols.sh LIBINAMI_SO SYMBOLS_FILE
set -u
lib=$1 symbols=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBR]$/ { print $3 }' | sort -u > "$tmp/exported"
awk '/^ / { sub(/@.*/, "", $1); print $1 }' "$symbols" | sort -u > "$tmp/listed"
[ -s "$tmp/listed" ] || { echo "FAIL: no symbol in $symbols"; exit 1; }
gone=$(comm -23 "$tmp/listed" "$tmp/exported")
new=$(comm -13 "$tmp/listed" "$tmp/exported")
if [ -n "$new" ]; then
	printf 'FAIL: exported but not in %s (add them with the version they appear in):\n%s\n' \
		"$(basename "$symbols")" "$new"
	exit 1
fi
if [ -n "$gone" ]; then
	printf 'FAIL: in %s but no longer exported (an ABI break):\n%s\n' "$(basename "$symbols")" "$gone"
	exit 1
fi
echo "symbols: the $(wc -l < "$tmp/listed") symbols of $(basename "$symbols") are exported"
