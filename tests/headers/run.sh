#!/bin/sh
# Every public declaration is documented where it is declared: each
# INAMI_EXTERN line of include/inami/*.h follows the end of a comment, and
# each header says in its opening comment what it holds.
# Usage: run.sh SOURCE_DIR
set -eu
status=0
for h in "$1"/include/inami/*.h; do
	awk -v file="$(basename "$h")" '
		/^INAMI_EXTERN\(/ && prev !~ /\*\/[ \t]*$/ { printf "%s:%d: undocumented: %s\n", file, NR, $0; bad++ }
		{ prev = $0 }
		END { exit bad > 0 }' "$h" || status=1
	head -n 1 "$h" | grep -q '^/\*' || { echo "$(basename "$h"): no opening comment"; status=1; }
done
n=$(cat "$1"/include/inami/*.h | grep -c '^INAMI_EXTERN(')
[ $status -eq 0 ] && echo "headers: all $n public declarations documented"
exit $status
