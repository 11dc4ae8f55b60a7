#!/bin/sh
# Every global symbol of the static library is either public (inami_ and
# exported by the shared library) or internal with the inami__ prefix, so a
# program linking libinami.a statically cannot clash with it.
# Usage: run.sh libinami.a libinami.so
set -eu
static="$1"
shared="$2"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Symbols a sanitizer or coverage build adds beside ours (__odr_asan.*, __gcov*) are not ours.
nm -g --defined-only "$static" | awk 'NF == 3 { print $3 }' | grep -Ev '^(__odr_asan|__asan|__gcov|__llvm|__sancov)' |
	sort -u > "$tmp/static"
nm -D --defined-only "$shared" | awk 'NF == 3 { print $3 }' | sort -u > "$tmp/shared"
status=0
bad=$(grep -v '^inami_' "$tmp/static" || true)
if [ -n "$bad" ]; then
	echo "global symbols without the inami_ prefix in $static:"; echo "$bad"; status=1
fi
# inami_ but not inami__: must be exported by the shared library
grep '^inami_' "$tmp/static" | grep -v '^inami__' > "$tmp/public" || true
hidden=$(comm -23 "$tmp/public" "$tmp/shared")
if [ -n "$hidden" ]; then
	echo "internal symbols with the public prefix (use inami__):"; echo "$hidden"; status=1
fi
leaked=$(grep '^inami__' "$tmp/shared" || true)
if [ -n "$leaked" ]; then
	echo "internal symbols exported by $shared:"; echo "$leaked"; status=1
fi
[ "$(wc -l < "$tmp/public")" -gt 100 ] || { echo "too few public symbols: is $static the library?"; status=1; }
[ $status -eq 0 ] && echo "symbols: $(wc -l < "$tmp/public") public, $(grep -c '^inami__' "$tmp/static") internal (inami__)"
exit $status
